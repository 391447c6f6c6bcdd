//! The `__LESSON__` lesson's primitives: what the program uses and the
//! chapter shows, each documented and tested. Replace this first one with
//! what your lesson builds by hand.

pub mod verdict;

use std::thread;

/// The sum of `numbers`, added up by `threads` scoped threads, each summing
/// one chunk. Scoped threads may borrow `numbers`: every one of them is
/// joined before `thread::scope` returns.
///
/// ```
/// assert_eq!(__CRATE__::sum_in_threads(&[1, 2, 3, 4, 5], 2), 15);
/// ```
pub fn sum_in_threads(numbers: &[u64], threads: usize) -> u64 {
    let chunk = numbers.len().div_ceil(threads.max(1)).max(1);
    thread::scope(|s| {
        let handles: Vec<_> = numbers
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().sum::<u64>()))
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("adding numbers does not panic"))
            .sum()
    })
}
