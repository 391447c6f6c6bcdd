//! expect: the job's own panic
//! `handle.join().unwrap()`: a job's panic comes back as
//! "called `Result::unwrap()` on an `Err` value: Any { .. }", and the job's
//! own message is lost. (Caught by the tests:
//! `a_jobs_panic_is_passed_on_with_its_own_message_after_every_job_ran`.)

use std::num::NonZeroU64;
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
        let handles: Vec<_> = jobs.into_iter().map(|job| scope.spawn(job)).collect();
        handles
            .into_iter()
            .map(|handle| handle.join().unwrap())
            .collect()
    })
}

/// The divisors of each number, each number on a thread of its own; the
/// lists in the order of `numbers`.
pub fn factorise(numbers: &[NonZeroU64]) -> Vec<Vec<u64>> {
    one_thread_each(numbers.iter().map(|&number| move || divisors(number)))
}
