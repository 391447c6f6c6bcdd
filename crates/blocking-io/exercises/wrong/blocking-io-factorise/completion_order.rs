//! expect: input order
//! Collects the results from a channel as the threads send them: in the
//! order the threads *finished*, not the order of the jobs. The slow first
//! number comes back last. (Caught by the tests:
//! `item_53s_four_numbers_in_input_order`,
//! `results_come_back_in_job_order_not_in_finishing_order`.)

use std::num::NonZeroU64;
use std::sync::mpsc;
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
    let (sender, receiver) = mpsc::channel();
    thread::scope(|scope| {
        for job in jobs {
            let sender = sender.clone();
            scope.spawn(move || {
                let _ = sender.send(job());
            });
        }
    });
    drop(sender);
    // Whatever arrives first comes first: the order the threads finished in.
    receiver.into_iter().collect()
}

/// The divisors of each number, each number on a thread of its own; the
/// lists in the order of `numbers`.
pub fn factorise(numbers: &[NonZeroU64]) -> Vec<Vec<u64>> {
    one_thread_each(numbers.iter().map(|&number| move || divisors(number)))
}
