//! Section 6: `WarnSlowPoll` reports a poll that holds its thread too long,
//! and nothing else.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::thread;
use std::time::Duration;

use async_and_threads::slow_poll::{was_left_alone, was_reported};
use async_and_threads::{SlowPoll, SlowPollLog, WarnSlowPoll, one_thread_runtime};

const THRESHOLD: Duration = Duration::from_millis(50);
const BLOCK: Duration = Duration::from_millis(100);

/// Runs each `(name, future)` as a task wrapped in `WarnSlowPoll`, on a
/// one-thread runtime, and returns the reports and the tasks' outputs.
fn run_wrapped<F>(tasks: Vec<(&str, F)>) -> (Vec<SlowPoll>, Vec<F::Output>)
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    let log = SlowPollLog::default();
    let runtime = one_thread_runtime();
    let outputs = runtime.block_on(async {
        let handles: Vec<_> = tasks
            .into_iter()
            .map(|(name, future)| tokio::spawn(WarnSlowPoll::new(name, THRESHOLD, &log, future)))
            .collect();
        let mut outputs = Vec::new();
        for handle in handles {
            outputs.push(handle.await.expect("the task does not panic"));
        }
        outputs
    });
    (log.reports(), outputs)
}

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
fn verdict_blocking_task_was_reported_can_fail() {
    // The fixed variant of the blocking task: it awaits a timer instead.
    let (reports, _) = run_wrapped(vec![("reader", async {
        tokio::time::sleep(BLOCK).await;
    })]);
    assert_eq!(reports, []);
    assert!(!was_reported(&reports, "reader"));
}

#[test]
fn verdict_awaiting_task_was_left_alone_can_fail() {
    // The broken variant of the awaiting task: it blocks instead.
    let (reports, _) = run_wrapped(vec![("reader", async {
        thread::sleep(BLOCK);
    })]);
    assert!(!was_left_alone(&reports, "reader"));
}
