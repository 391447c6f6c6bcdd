//! expect: unequal chunks
//! `pairs.chunks(len.div_ceil(threads))`: right for forty pairs on four
//! threads, but ten pairs make chunks of 3, 3, 3, 1, and nine pairs only
//! three chunks, so one thread of the four has nothing to do.

use std::thread;

use crate::Pair;

/// Applies `gcd` to every pair on `threads` scoped threads, one equal chunk
/// each; returns the answers in the order of `pairs`.
pub fn gcds_on_threads<F>(pairs: &[Pair], threads: usize, gcd: F) -> Vec<u64>
where
    F: Fn(Pair) -> u64 + Sync,
{
    assert!(threads > 0, "at least one thread is needed");
    let chunk_len = pairs.len().div_ceil(threads).max(1);
    let gcd = &gcd;
    thread::scope(|s| {
        let handles: Vec<_> = pairs
            .chunks(chunk_len)
            .map(|chunk| s.spawn(move || chunk.iter().map(|&p| gcd(p)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    })
}
