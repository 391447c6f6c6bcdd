//! The Rust side of this lesson's `cargo xtask compare` experiments: what
//! they measure, their sizes and their table rows are in `lesson.toml`
//! (`[[experiment]]`), the Python sides in `python/compare_factorize.py` and
//! `python/compare_slow_calls.py`, the protocol in `harness::compare`.
//!
//! ```text
//! cargo run --release -p blocking-io --example blocking-io-compare -- factorize --runs 5 --size 1
//! cargo run --release -p blocking-io --example blocking-io-compare -- slow-calls --runs 5 --size 100
//! ```

use std::hint::black_box;
use std::num::NonZeroU64;
use std::process::ExitCode;
use std::thread;
use std::time::Duration;

use blocking_io::shares::{divisors_in_shares, equal_shares};
use blocking_io::{NUMBERS, divisors, one_thread_each, slow_system_call};
use harness::compare::{self, Result, Run, check};

fn main() -> ExitCode {
    compare::main(
        env!("CARGO_PKG_NAME"),
        &[("factorize", factorize), ("slow-calls", slow_calls)],
    )
}

/// Every divisor of the notes' four numbers (each divided by `size`; 1
/// keeps them), found by trial division: one after another, then one
/// thread each (the lesson's `divisors` and `one_thread_each`), then in
/// equal shares, one thread per core (`equal_shares` and
/// `divisors_in_shares`). The numbers are reported as the fact `numbers`:
/// the table names them, and the floor of one thread each is set by the
/// largest.
fn factorize(run: &mut Run) -> Result {
    let size = run.size;
    let numbers: Vec<NonZeroU64> = NUMBERS
        .iter()
        .map(|n| NonZeroU64::new(n.get() / size).ok_or("--size is larger than the numbers"))
        .collect::<std::result::Result<_, _>>()?;
    let listed: Vec<String> = numbers.iter().map(|n| n.to_string()).collect();
    run.fact("numbers", listed.join(", "));
    let cores = thread::available_parallelism().map_err(|e| format!("how many cores: {e}"))?;
    // What every split must find (computed once, outside the timings).
    let expected: Vec<Vec<u64>> = numbers.iter().map(|&n| divisors(n)).collect();
    let all_found = |found: &[Vec<u64>]| {
        check(
            found.len() == numbers.len()
                && found.iter().zip(&numbers).all(|(divisors, n)| {
                    divisors.first() == Some(&1) && divisors.last() == Some(&n.get())
                }),
            || "a list of divisors does not run from 1 to the number".to_owned(),
        )
    };
    run.timed("sequential", || {
        let found: Vec<Vec<u64>> = numbers.iter().map(|&n| divisors(n)).collect();
        all_found(black_box(&found))
    })?;
    run.timed("threads", || {
        let found = one_thread_each(numbers.iter().map(|&n| move || divisors(n)));
        all_found(black_box(&found))
    })?;
    run.timed("shares", || {
        let shared = divisors_in_shares(&numbers, equal_shares(&numbers, cores));
        // Each list is put back together from the pieces of several
        // threads: it must be the whole list, in order.
        check(black_box(&shared.divisors) == &expected, || {
            "the shares' divisors, put together, differ from one thread's".to_owned()
        })
    })
}

/// How many slow calls each run makes.
const CALLS: usize = 5;

/// `CALLS` blocking system calls that each wait `size` ms (the lesson's
/// `slow_system_call`: `poll()` on a socket nobody writes to), one after
/// another, then one thread each.
fn slow_calls(run: &mut Run) -> Result {
    let wait = Duration::from_millis(run.size);
    run.fact("calls", CALLS);
    run.timed("sequential", || {
        (0..CALLS).try_for_each(|_| slow_system_call(wait).map_err(|e| e.to_string()))
    })?;
    run.timed("threads", || {
        one_thread_each((0..CALLS).map(|_| move || slow_system_call(wait)))
            .into_iter()
            .try_for_each(|result| result.map_err(|e| e.to_string()))
    })
}
