//! # Exercise `parallelism-chunks`: equal chunks on scoped threads
//!
//! Read first, in book/src/parallelism.md (`cargo xtask learn` prints the
//! link to the section): "Threads run in parallel: thread::scope and rayon".
//!
//! Write [`gcds_on_threads`]: apply `gcd` to every pair, on `threads`
//! scoped threads at once, each thread given one *chunk*: a run of
//! neighbouring pairs. The chunks must be equal, as far as they can be:
//! their lengths differ by at most one, the longer ones first (ten pairs on
//! four threads: 3, 3, 2, 2). No thread for an empty chunk (two pairs on
//! four threads: two threads). The answers come back in the order of
//! `pairs`, whichever thread finishes first.
//!
//! The traps: `pairs.chunks(pairs.len().div_ceil(threads))` (the lesson's
//! cut, fine for its forty pairs on four threads) gives 3, 3, 3, 1 for ten
//! pairs, and only three chunks for nine; `chunks(len / threads)` gives
//! five chunks of two for ten pairs, one thread too many, or leaves the
//! remainder to the last. And answers gathered as the threads finish (a
//! channel) come back in completion order.
//!
//! Check it: `cargo xtask learn check parallelism-chunks`.

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
    // TODO: cut `pairs` into `threads` chunks: `len / threads` each, one
    // more for the first `len % threads` (skip empty chunks).
    // TODO: in `thread::scope`, spawn a thread per chunk that maps `gcd`
    // over it; keep the handles in chunk order.
    // TODO: join them in that order and concatenate their answers.
    todo!("gcds_on_threads")
}
