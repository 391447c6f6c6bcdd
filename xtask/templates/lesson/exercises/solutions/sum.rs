//! The answer to `__LESSON__-sum`: a sum shared by scoped threads.
//! (The exercise and its task: crates/__LESSON__/exercises/src/sum.rs.)

use std::thread;

/// The sum of `numbers`, added up by `threads` threads (at least one).
pub fn sum_in_threads(numbers: &[u64], threads: usize) -> u64 {
    // At least one number per chunk: `chunks(0)` panics.
    let size = numbers.len().div_ceil(threads.max(1)).max(1);
    thread::scope(|s| {
        let handles: Vec<_> = numbers
            .chunks(size)
            .map(|part| s.spawn(move || part.iter().sum::<u64>()))
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("adding numbers does not panic"))
            .sum()
    })
}
