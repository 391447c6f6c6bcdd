//! The Rust side of this lesson's `cargo xtask compare` experiment: what it
//! measures, its sizes and its table rows are in `lesson.toml`
//! (`[[experiment]]`), the Python side in `python/compare_gcd.py`, the
//! protocol in `harness::compare`.
//!
//! ```text
//! cargo run --release -p parallelism --example parallelism-compare -- gcd --runs 5 --size 20
//! ```

use std::hint::black_box;
use std::process::ExitCode;

use harness::compare::{self, Result, Run, check};
use parallelism::{euclid, gcd, gcds_with_rayon, pairs};

fn main() -> ExitCode {
    compare::main(env!("CARGO_PKG_NAME"), &[("gcd", gcd_pairs)])
}

/// Item 64's workload: the slow gcd of `size` pairs from the lesson's seeded
/// generator (the Python side makes the same pairs), in sequence, then on
/// rayon's pool (the lesson's `gcds_with_rayon`).
fn gcd_pairs(run: &mut Run) -> Result {
    let count = usize::try_from(run.size).map_err(|_| "--size must fit in a usize")?;
    let pairs = pairs(64, count, 2_000_000, 5_000_000);
    let expected: Vec<u64> = pairs.iter().map(|&pair| euclid(pair)).collect();
    let agrees = |answers: &[u64]| {
        check(answers == expected, || {
            "an answer differs from Euclid's".to_owned()
        })
    };
    run.timed("sequential", || {
        let answers: Vec<u64> = pairs.iter().map(|&pair| gcd(pair)).collect();
        agrees(black_box(&answers))
    })?;
    run.timed("rayon", || {
        let answers: Vec<u64> = gcds_with_rayon(&pairs, gcd)
            .into_iter()
            .map(|(answer, _thread)| answer)
            .collect();
        agrees(black_box(&answers))
    })
}
