//! # Exercise `blocking-io-factorise`: one thread per number, results in order
//!
//! Read first, in book/src/blocking-io.md (`cargo xtask learn` prints the
//! link to the section): "Factorising on one thread per number".
//!
//! Item 53 factorises four numbers on one `Thread` each. Write
//!
//! - [`one_thread_each`]: run every job on a thread of its own, all at once,
//!   and return their results **in the order of the jobs**, whatever order
//!   the threads finish in. If a job panics, panic with *that job's* panic
//!   (its message, not a generic one), after every thread has been joined.
//! - [`factorise`]: the divisors of each number, one thread per number,
//!   with `one_thread_each` and the given [`divisors`].
//!
//! Check it: `cargo xtask learn check blocking-io-factorise`.

use std::num::NonZeroU64;
use std::panic;
use std::thread;

/// Every divisor of `number`, ascending, found the slow way Item 53 chose on
/// purpose: `number` trial divisions. (Given: not the exercise.)
pub fn divisors(number: NonZeroU64) -> Vec<u64> {
    let number = number.get();
    (1..=number).filter(|&i| number.is_multiple_of(i)).collect()
}

/// Runs every job on a thread of its own, all at once, and returns their
/// results in the order of `jobs`, whatever order the threads finish in.
///
/// If a job panics, this panics with that job's own panic, once every
/// thread has been joined.
pub fn one_thread_each<T, F>(jobs: impl IntoIterator<Item = F>) -> Vec<T>
where
    F: FnOnce() -> T + Send,
    T: Send,
{
    // TODO: scoped threads: spawn every job first, keeping the handles in
    // job order; then join them in that order.
    // TODO: `join()` gives `Err(payload)` for a job that panicked. Join them
    // all, then pass the payload on as it is (`std::panic::resume_unwind`).
    todo!("one_thread_each")
}

/// The divisors of each number, each number on a thread of its own; the
/// lists in the order of `numbers`.
pub fn factorise(numbers: &[NonZeroU64]) -> Vec<Vec<u64>> {
    // TODO: one job per number: `move || divisors(number)`.
    todo!("factorise")
}
