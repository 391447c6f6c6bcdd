//! The answer to `blocking-io-factorise`: one thread per job, results in the
//! order of the jobs. (The exercise and its task:
//! crates/blocking-io/exercises/src/factorise.rs.)

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
    thread::scope(|scope| {
        // All spawned before any is joined.
        let handles: Vec<_> = jobs.into_iter().map(|job| scope.spawn(job)).collect();
        // Joined in job order: the i-th handle holds the i-th job's result.
        // Every thread is joined before a panic is passed on.
        let results: Vec<thread::Result<T>> =
            handles.into_iter().map(|handle| handle.join()).collect();
        results
            .into_iter()
            .map(|result| result.unwrap_or_else(|payload| panic::resume_unwind(payload)))
            .collect()
    })
}

/// The divisors of each number, each number on a thread of its own; the
/// lists in the order of `numbers`.
pub fn factorise(numbers: &[NonZeroU64]) -> Vec<Vec<u64>> {
    one_thread_each(numbers.iter().map(|&number| move || divisors(number)))
}
