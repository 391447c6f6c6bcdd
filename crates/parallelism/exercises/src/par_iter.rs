//! # Exercise `parallelism-rayon`: the same with rayon
//!
//! Read first, in book/src/parallelism.md (`cargo xtask learn` prints the
//! link to the section): "Threads run in parallel: thread::scope and rayon".
//!
//! Write [`gcds_with_rayon`]: apply `gcd` to every pair on rayon's pool
//! (the global one, or the pool it is called in with `pool.install`), and
//! return the answers in the order of `pairs`. rayon cuts the slice and
//! balances the work itself: no chunks to compute, no threads to join.
//!
//! The tests count the threads that computed pairs (from their `ThreadId`s)
//! on a pool of four: more than one must have. The traps: `.iter()` where
//! `.par_iter()` was meant (one thread does everything, and it compiles
//! just the same), and collecting answers as they are computed (a
//! `Mutex<Vec<_>>` pushed to from `for_each`), which loses the order.
//!
//! Check it: `cargo xtask learn check parallelism-rayon`.

use rayon::prelude::*;

use crate::Pair;

/// Applies `gcd` to every pair on rayon's current pool; returns the
/// answers in the order of `pairs`.
pub fn gcds_with_rayon<F>(pairs: &[Pair], gcd: F) -> Vec<u64>
where
    F: Fn(Pair) -> u64 + Sync + Send,
{
    // TODO: `par_iter`, `map`, `collect`: rayon keeps the input order.
    todo!("gcds_with_rayon")
}
