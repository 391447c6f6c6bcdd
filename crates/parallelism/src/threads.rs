//! Sharing the pairs out over threads: `thread::scope` over equal chunks,
//! and rayon's `par_iter`.

use std::ops::Range;
use std::thread::{self, ThreadId};

use rayon::prelude::*;

use crate::workload::{Pair, timed};

/// What one thread of [`gcds_on_threads`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Share {
    /// The thread that computed this share.
    pub thread: ThreadId,
    /// Where the pairs it read lay in memory (addresses), to show whether
    /// they were the caller's own or a copy.
    pub read_from: Range<usize>,
    /// Its answers, in the order of its pairs.
    pub answers: Vec<u64>,
}

/// How [`gcds_on_threads`] hands each thread its pairs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handout {
    /// Lend each thread a slice of the caller's vector (`thread::scope`).
    Borrow,
    /// Give each thread its own copy of its chunk, as a process must get one.
    Copy,
}

/// The address range a slice occupies: evidence of where a thread read from.
pub fn address_range<T>(slice: &[T]) -> Range<usize> {
    let Range { start, end } = slice.as_ptr_range();
    start as usize..end as usize
}

// ANCHOR: on_threads
/// Splits `pairs` into `threads` chunks of (nearly) equal length, and applies
/// `gcd` to each chunk on a thread of its own. The shares come back in chunk
/// order, so their answers, concatenated, are in the order of `pairs`.
///
/// ```
/// use parallelism::{Handout, gcd, gcds_on_threads};
/// let pairs = [(12, 18), (9, 28), (14, 21)];
/// let shares = gcds_on_threads(&pairs, 2, gcd, Handout::Borrow);
/// let answers: Vec<u64> = shares.into_iter().flat_map(|share| share.answers).collect();
/// assert_eq!(answers, [6, 1, 7]);
/// ```
///
/// # Panics
///
/// If `threads` is 0, or `gcd` panics.
pub fn gcds_on_threads(
    pairs: &[Pair],
    threads: usize,
    gcd: fn(Pair) -> u64,
    handout: Handout,
) -> Vec<Share> {
    assert!(threads > 0, "at least one thread is needed");
    let chunk_len = pairs.len().div_ceil(threads).max(1);
    thread::scope(|s| {
        let workers: Vec<_> = pairs
            .chunks(chunk_len)
            .map(|chunk| {
                // Borrowed, the thread reads the caller's vector in place;
                // copied, it reads a vector of its own.
                let own: Option<Vec<Pair>> = (handout == Handout::Copy).then(|| chunk.to_vec());
                s.spawn(move || {
                    let chunk = own.as_deref().unwrap_or(chunk);
                    Share {
                        thread: thread::current().id(),
                        read_from: address_range(chunk),
                        // `timed(gcd, pair)` is `gcd(pair)`, noted for the chapter's pictures.
                        answers: chunk.iter().map(|&pair| timed(gcd, pair)).collect(),
                    }
                })
            })
            .collect();
        let _joining = trace::waiting(trace::Wait::Join, "join");
        workers
            .into_iter()
            .map(|worker| worker.join().expect("computing a gcd does not panic"))
            .collect()
    })
}
// ANCHOR_END: on_threads

// ANCHOR: with_rayon
/// Applies `gcd` to every pair on rayon's pool (the global one, unless called
/// inside `ThreadPool::install`), noting which thread computed each answer.
///
/// ```
/// use parallelism::{gcd, gcds_with_rayon};
/// let answered = gcds_with_rayon(&[(12, 18), (9, 28)], gcd);
/// let answers: Vec<u64> = answered.iter().map(|&(answer, _)| answer).collect();
/// assert_eq!(answers, [6, 1]); // in input order, whichever thread did each
/// ```
pub fn gcds_with_rayon(pairs: &[Pair], gcd: fn(Pair) -> u64) -> Vec<(u64, ThreadId)> {
    pairs
        .par_iter()
        .map(|&pair| (gcd(pair), thread::current().id()))
        .collect()
}
// ANCHOR_END: with_rayon
