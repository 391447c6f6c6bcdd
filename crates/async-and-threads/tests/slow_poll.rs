//! `WarnSlowPoll` reports a poll that holds its thread too long, and
//! nothing else (`a_wrapper_future_reports_slow_polls`). The controls for
//! its verdicts are in `tests/verdicts.rs`.

#[path = "support/wrapped.rs"]
mod wrapped;

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::thread;
use std::time::Duration;

use async_and_threads::SlowPoll;

use wrapped::{BLOCK, THRESHOLD, run_wrapped};

/// A future that returns `Pending` (waking itself at once) until its
/// `blocking_poll`-th poll, which sleeps for `BLOCK` and returns `Ready`.
struct BlocksOnPoll {
    polls: u32,
    blocking_poll: u32,
}

impl Future for BlocksOnPoll {
    type Output = u32;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        self.polls += 1;
        if self.polls < self.blocking_poll {
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        thread::sleep(BLOCK);
        Poll::Ready(self.polls)
    }
}

#[test]
fn the_slow_poll_is_reported_with_its_number_and_the_output_passes_through() {
    let (reports, outputs) = run_wrapped(vec![(
        "reader",
        BlocksOnPoll {
            polls: 0,
            blocking_poll: 3,
        },
    )]);
    assert_eq!(outputs, [3]);
    assert_eq!(reports.len(), 1, "{reports:?}");
    assert_eq!((reports[0].task.as_str(), reports[0].poll), ("reader", 3));
    assert!(reports[0].took >= BLOCK);
    assert_eq!(reports[0].threshold, THRESHOLD);
}

#[test]
fn the_report_reads_like_asyncios_warning() {
    let report = SlowPoll {
        task: "reader".into(),
        poll: 2,
        took: Duration::from_micros(100_250),
        threshold: THRESHOLD,
    };
    assert_eq!(
        report.to_string(),
        "Executing <Task \"reader\"> took 100.2ms in poll 2, over the threshold of 50 milliseconds"
    );
}

#[test]
fn each_blocking_task_is_reported_once_in_the_order_they_ran() {
    let block = || async { thread::sleep(BLOCK) };
    let (reports, _) = run_wrapped(vec![("first", block()), ("second", block())]);
    let names: Vec<&str> = reports.iter().map(|report| report.task.as_str()).collect();
    assert_eq!(names, ["first", "second"]);
}

#[test]
fn a_task_that_waits_as_long_by_awaiting_is_not_reported() {
    let (reports, _) = run_wrapped(vec![("reader", async {
        tokio::time::sleep(BLOCK).await;
    })]);
    assert_eq!(reports, []);
}
