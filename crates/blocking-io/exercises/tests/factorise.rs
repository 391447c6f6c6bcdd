//! `blocking-io-factorise`: the behaviour, with exact expectations.

use std::num::NonZeroU64;
use std::panic;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use blocking_io_exercises::factorise::{divisors, factorise, one_thread_each};

fn n(number: u64) -> NonZeroU64 {
    NonZeroU64::new(number).expect("not zero")
}

#[test]
fn item_53s_four_numbers_in_input_order() {
    // The biggest first: it finishes last.
    let numbers = [n(2139079), n(12), n(1214759), n(7), n(1516637), n(1852285)];
    let lists = factorise(&numbers);
    assert_eq!(lists.len(), numbers.len(), "one list per number");
    assert_eq!(lists[0], [1, 101, 21179, 2139079]);
    assert_eq!(
        lists[1],
        [1, 2, 3, 4, 6, 12],
        "results must come back in input order"
    );
    assert_eq!(lists[3], [1, 7], "results must come back in input order");
    assert_eq!(lists[4], [1, 19, 79823, 1516637]);
    for (number, list) in numbers.iter().zip(&lists) {
        assert_eq!(*list, divisors(*number), "the divisors of {number}");
    }
}

#[test]
fn results_come_back_in_job_order_not_in_finishing_order() {
    // Job i sleeps longer the earlier it comes: they finish in reverse.
    let jobs: Vec<_> = (0..5u64)
        .map(|i| {
            move || {
                thread::sleep(Duration::from_millis(30 * (5 - i)));
                i * 10
            }
        })
        .collect();
    assert_eq!(
        one_thread_each(jobs),
        [0, 10, 20, 30, 40],
        "results must come back in input order, not in the order the threads finished"
    );
}

#[test]
fn jobs_may_borrow_the_callers_data() {
    let words = ["blocking".to_owned(), "io".to_owned()];
    let lengths = one_thread_each(words.iter().map(|w| || w.len()));
    assert_eq!(lengths, [8, 2]);
    let none: Vec<fn() -> u8> = Vec::new();
    assert!(one_thread_each(none).is_empty());
}

#[test]
fn a_jobs_panic_is_passed_on_with_its_own_message_after_every_job_ran() {
    let finished = AtomicUsize::new(0);
    let finished = &finished;
    let result = panic::catch_unwind(|| {
        one_thread_each((0..4).map(|i| {
            move || {
                if i == 1 {
                    panic!("job 1 failed on purpose");
                }
                thread::sleep(Duration::from_millis(50));
                finished.fetch_add(1, Ordering::SeqCst);
                i
            }
        }))
    });
    let payload = result.expect_err("a job panicked, so one_thread_each must panic");
    let message = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    assert_eq!(
        message, "job 1 failed on purpose",
        "the panic passed on must be the job's own panic (resume_unwind), not a new one"
    );
    assert_eq!(
        finished.load(Ordering::SeqCst),
        3,
        "every other job must have run to the end: join them all before passing the panic on"
    );
}
