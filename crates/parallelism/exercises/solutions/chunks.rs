//! # Exercise `parallelism-chunks`: equal chunks on scoped threads
//!
//! The answer. The slice is cut by hand (`split_at`), `len / threads` pairs
//! per chunk and one more for the first `len % threads`; each scoped thread
//! borrows its chunk, and the handles are joined in chunk order.
//! (Read the exercise in `crates/parallelism/exercises/src/chunks.rs`.)

use std::thread;

use crate::Pair;

/// Applies `gcd` to every pair on `threads` scoped threads, one equal chunk
/// each (lengths differing by at most one, the longer first); returns the
/// answers in the order of `pairs`.
///
/// # Panics
///
/// If `threads` is 0, or with `gcd`'s panic if it panics.
pub fn gcds_on_threads<F>(pairs: &[Pair], threads: usize, gcd: F) -> Vec<u64>
where
    F: Fn(Pair) -> u64 + Sync,
{
    assert!(threads > 0, "at least one thread is needed");
    let (base, extra) = (pairs.len() / threads, pairs.len() % threads);
    let gcd = &gcd;
    thread::scope(|s| {
        let mut rest = pairs;
        let mut handles = Vec::with_capacity(threads);
        for i in 0..threads {
            let len = base + usize::from(i < extra);
            if len == 0 {
                break; // fewer pairs than threads: no thread for nothing
            }
            let (chunk, tail) = rest.split_at(len);
            rest = tail;
            handles.push(s.spawn(move || chunk.iter().map(|&pair| gcd(pair)).collect::<Vec<_>>()));
        }
        // Joined in chunk order: the answers in the order of `pairs`.
        handles
            .into_iter()
            .flat_map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|payload| std::panic::resume_unwind(payload))
            })
            .collect()
    })
}
