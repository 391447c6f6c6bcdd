//! # Exercise `parallelism-rayon`: the same with rayon
//!
//! The answer: the sequential chain with `par_` in front of `iter`. rayon
//! splits the slice in halves and idle threads steal halves from busy ones;
//! `collect` puts every answer at its pair's place.
//! (Read the exercise in `crates/parallelism/exercises/src/par_iter.rs`.)

use rayon::prelude::*;

use crate::Pair;

/// Applies `gcd` to every pair on rayon's current pool; returns the
/// answers in the order of `pairs`.
pub fn gcds_with_rayon<F>(pairs: &[Pair], gcd: F) -> Vec<u64>
where
    F: Fn(Pair) -> u64 + Sync + Send,
{
    pairs.par_iter().map(|&pair| gcd(pair)).collect()
}
