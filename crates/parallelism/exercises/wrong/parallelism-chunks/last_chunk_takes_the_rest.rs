//! expect: unequal chunks
//! Gives every thread `len / threads` pairs and the last one the remainder
//! as well: ten pairs on four threads are 2, 2, 2, 4, and the last thread
//! works twice as long as the others while they sit idle.

use std::thread;

use crate::Pair;

/// Applies `gcd` to every pair on `threads` scoped threads, one equal chunk
/// each; returns the answers in the order of `pairs`.
pub fn gcds_on_threads<F>(pairs: &[Pair], threads: usize, gcd: F) -> Vec<u64>
where
    F: Fn(Pair) -> u64 + Sync,
{
    assert!(threads > 0, "at least one thread is needed");
    let len = pairs.len() / threads;
    let gcd = &gcd;
    thread::scope(|s| {
        let mut handles = Vec::new();
        for i in 0..threads {
            let end = if i == threads - 1 {
                pairs.len()
            } else {
                (i + 1) * len
            };
            let chunk = &pairs[i * len..end];
            if chunk.is_empty() {
                continue;
            }
            handles.push(s.spawn(move || chunk.iter().map(|&p| gcd(p)).collect::<Vec<_>>()));
        }
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    })
}
