//! expect: input order
//! Computes in parallel, but pushes each answer into a shared vector as it
//! is computed: the order of the answers is the order the threads got to
//! them, not the order of the pairs.

use std::sync::{Mutex, PoisonError};

use rayon::prelude::*;

use crate::Pair;

/// Applies `gcd` to every pair on rayon's current pool; returns the
/// answers in the order of `pairs`.
pub fn gcds_with_rayon<F>(pairs: &[Pair], gcd: F) -> Vec<u64>
where
    F: Fn(Pair) -> u64 + Sync + Send,
{
    let answers = Mutex::new(Vec::with_capacity(pairs.len()));
    pairs.par_iter().for_each(|&pair| {
        let answer = gcd(pair);
        answers
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(answer);
    });
    answers.into_inner().unwrap_or_else(PoisonError::into_inner)
}
