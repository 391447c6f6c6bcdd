//! expect: one thread
//! `.iter()` where `.par_iter()` was meant: the prelude is imported, the
//! code compiles, the answers are right, and a single thread computes
//! every one of them.

#[allow(unused_imports)]
use rayon::prelude::*;

use crate::Pair;

/// Applies `gcd` to every pair on rayon's current pool; returns the
/// answers in the order of `pairs`.
pub fn gcds_with_rayon<F>(pairs: &[Pair], gcd: F) -> Vec<u64>
where
    F: Fn(Pair) -> u64 + Sync + Send,
{
    pairs.iter().map(|&pair| gcd(pair)).collect()
}
