//! The CPU-bound half: the divisors are right, `one_thread_each` returns what
//! every job returned in job order and passes a panic on, and the speed-up
//! bound is exact.

use std::num::{NonZeroU64, NonZeroUsize};
use std::panic;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use blocking_io::{NUMBERS, best_speed_up, divisors, one_thread_each};

/// Every divisor of each number, worked out from its prime factors
/// (101 × 21179; 7² × 13 × 1907; 19 × 79823; 5 × 271 × 1367, checked in
/// `src/lib.rs`): all the products of those factors, in ascending order.
const REFERENCE: [(u64, &[u64]); 4] = [
    (2139079, &[1, 101, 21179, 2139079]),
    (
        1214759,
        &[
            1, 7, 13, 49, 91, 637, 1907, 13349, 24791, 93443, 173537, 1214759,
        ],
    ),
    (1516637, &[1, 19, 79823, 1516637]),
    (1852285, &[1, 5, 271, 1355, 1367, 6835, 370457, 1852285]),
];

fn non_zero(n: u64) -> NonZeroU64 {
    NonZeroU64::new(n).expect("the tests pass no zero")
}

fn cores(n: usize) -> NonZeroUsize {
    NonZeroUsize::new(n).expect("the tests pass no zero")
}

#[test]
fn divisors_match_the_reference_for_all_four_numbers() {
    for (number, (reference, expected)) in NUMBERS.iter().zip(REFERENCE) {
        assert_eq!(number.get(), reference);
        assert_eq!(divisors(*number), expected, "{number}");
    }
}

#[test]
fn divisors_of_small_numbers() {
    assert_eq!(divisors(non_zero(1)), [1]);
    assert_eq!(divisors(non_zero(2)), [1, 2]);
    assert_eq!(divisors(non_zero(97)), [1, 97]);
    assert_eq!(divisors(non_zero(36)), [1, 2, 3, 4, 6, 9, 12, 18, 36]);
}

#[test]
fn one_thread_each_gives_the_same_divisors_as_one_thread() {
    let in_sequence: Vec<Vec<u64>> = NUMBERS.iter().map(|&n| divisors(n)).collect();
    let on_threads = one_thread_each(NUMBERS.map(|n| move || divisors(n)));
    assert_eq!(on_threads, in_sequence);
}

#[test]
fn results_come_back_in_job_order_whatever_order_the_jobs_finish_in() {
    // Job i may finish only after job i + 1 has: they finish last to first.
    const JOBS: usize = 6;
    let (senders, receivers): (Vec<_>, Vec<_>) = (0..JOBS).map(|_| mpsc::channel::<()>()).unzip();
    let mut senders: Vec<Option<mpsc::Sender<()>>> = senders.into_iter().map(Some).collect();
    // Job i holds receiver i and the sender that wakes job i - 1.
    let mut jobs = Vec::new();
    for (i, done) in receivers.into_iter().enumerate() {
        let wake_previous = if i == 0 { None } else { senders[i - 1].take() };
        let is_last = i == JOBS - 1;
        jobs.push(move || {
            if !is_last {
                // Generous: only a broken, one-at-a-time runner waits this out.
                done.recv_timeout(Duration::from_secs(2))
                    .expect("the next job finished first");
            }
            if let Some(wake) = wake_previous {
                wake.send(()).expect("the previous job is waiting");
            }
            i * 10
        });
    }
    assert_eq!(one_thread_each(jobs), [0, 10, 20, 30, 40, 50]);
}

#[test]
fn a_panicking_job_panics_the_caller_after_every_thread_is_joined() {
    let finished = AtomicUsize::new(0);
    let outcome = panic::catch_unwind(|| {
        one_thread_each((0..4).map(|i| {
            let finished = &finished;
            move || {
                if i == 2 {
                    panic!("job 2 failed");
                }
                finished.fetch_add(1, Ordering::SeqCst);
            }
        }))
    });
    let payload = outcome.expect_err("job 2 panicked");
    assert_eq!(payload.downcast_ref::<&str>(), Some(&"job 2 failed"));
    // The other three ran to the end before the panic reached us.
    assert_eq!(finished.load(Ordering::SeqCst), 3);
}

#[test]
fn when_several_jobs_panic_the_first_in_job_order_is_passed_on() {
    // Job 3 panics first in time; job 1 panics only after it has heard so.
    let (job_3_is_done, hear) = mpsc::channel::<()>();
    let mut hear = Some(hear);
    let mut tell = Some(job_3_is_done);
    let jobs: Vec<Box<dyn FnOnce() + Send>> = (0..4)
        .map(|i| -> Box<dyn FnOnce() + Send> {
            match i {
                1 => {
                    let hear = hear.take().expect("one job 1");
                    Box::new(move || {
                        // Err too: job 3 dropped its sender by panicking.
                        let _ = hear.recv_timeout(Duration::from_secs(2));
                        panic!("job 1 failed");
                    })
                }
                3 => {
                    let tell = tell.take().expect("one job 3");
                    Box::new(move || {
                        let _tell_on_drop = tell;
                        panic!("job 3 failed");
                    })
                }
                _ => Box::new(|| {}),
            }
        })
        .collect();
    // The jobs are boxed closures, which the compiler cannot show unwind
    // safe; nothing of them is used after the panic.
    let outcome = panic::catch_unwind(panic::AssertUnwindSafe(|| one_thread_each(jobs)));
    let payload = outcome.expect_err("two jobs panicked");
    assert_eq!(payload.downcast_ref::<&str>(), Some(&"job 1 failed"));
}

#[test]
fn no_jobs_no_threads_no_results() {
    let jobs: Vec<fn() -> u8> = Vec::new();
    assert_eq!(one_thread_each(jobs), Vec::<u8>::new());
}

#[test]
fn the_best_speed_up_is_capped_by_cores_and_by_the_longest_job() {
    let jobs = NUMBERS.map(NonZeroU64::get);
    let total = 2139079 + 1214759 + 1516637 + 1852285;
    assert_eq!(best_speed_up(&jobs, cores(1)), 1.0);
    assert_eq!(best_speed_up(&jobs, cores(2)), 2.0);
    assert_eq!(best_speed_up(&jobs, cores(3)), 3.0);
    assert_eq!(best_speed_up(&jobs, cores(4)), total as f64 / 2139079.0);
    assert_eq!(best_speed_up(&jobs, cores(64)), total as f64 / 2139079.0);
    assert_eq!(best_speed_up(&[], cores(4)), 1.0);
    assert_eq!(best_speed_up(&[0, 0], cores(4)), 1.0);
    assert_eq!(best_speed_up(&[7], cores(4)), 1.0);
}
