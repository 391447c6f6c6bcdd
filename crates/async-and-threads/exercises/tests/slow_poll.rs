//! `async-and-threads-slow-poll`: the behaviour, both ways: a task whose
//! polls block is reported, poll by poll, with exact poll numbers; a task
//! that waits just as long by awaiting is not. Durations are only ever
//! checked from below (a poll that slept 120 ms took at least 120 ms).

use std::future::Future;
use std::pin::{Pin, pin};
use std::task::{Context, Poll, Waker};
use std::thread;
use std::time::Duration;

use async_and_threads_exercises::slow_poll::{SlowPoll, SlowPollLog, WarnSlowPoll};

const THRESHOLD: Duration = Duration::from_millis(50);

fn one_thread_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a one-thread runtime builds")
}

/// Pending once (waking itself), then ready.
#[derive(Default)]
struct YieldOnce(bool);

impl Future for YieldOnce {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            return Poll::Ready(());
        }
        self.0 = true;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

/// Three polls: the first quick, the second blocks 120 ms, the third 80 ms.
async fn blocker() -> u32 {
    YieldOnce::default().await;
    thread::sleep(Duration::from_millis(120));
    YieldOnce::default().await;
    thread::sleep(Duration::from_millis(80));
    42
}

/// Waits 150 ms in all, by awaiting: every poll is quick.
async fn waiter() -> u32 {
    tokio::time::sleep(Duration::from_millis(75)).await;
    tokio::time::sleep(Duration::from_millis(75)).await;
    7
}

fn polls_and_tasks(reports: &[SlowPoll]) -> Vec<(String, u32)> {
    reports.iter().map(|r| (r.task.clone(), r.poll)).collect()
}

#[test]
fn a_task_whose_polls_block_is_reported_poll_by_poll() {
    let log = SlowPollLog::default();
    let answer =
        one_thread_runtime().block_on(WarnSlowPoll::new("blocker", THRESHOLD, &log, blocker()));
    assert_eq!(answer, 42, "the wrapper returns the inner future's output");
    let reports = log.reports();
    assert_eq!(
        polls_and_tasks(&reports),
        [("blocker".to_owned(), 2), ("blocker".to_owned(), 3)],
        "polls 2 and 3 each blocked longer than 50 ms (poll 1 did not): one report each, \
         numbered from 1. Got: {reports:#?}"
    );
    assert!(
        reports[0].took >= Duration::from_millis(120),
        "{reports:#?}"
    );
    assert!(reports[1].took >= Duration::from_millis(80), "{reports:#?}");
    assert!(reports.iter().all(|r| r.threshold == THRESHOLD));
}

#[test]
fn a_task_that_only_awaits_is_not_reported() {
    let log = SlowPollLog::default();
    let answer =
        one_thread_runtime().block_on(WarnSlowPoll::new("waiter", THRESHOLD, &log, waiter()));
    assert_eq!(answer, 7);
    let reports = log.reports();
    assert!(
        reports.is_empty(),
        "the task `waiter` was reported, but none of its polls took long: it awaited timers for \
         150 ms and held the thread for microseconds. Time each poll, not the whole future. \
         Got: {reports:#?}"
    );
}

#[test]
fn side_by_side_only_the_blocker_is_reported() {
    let log = SlowPollLog::default();
    let (a, b) = one_thread_runtime().block_on(async {
        let a = tokio::spawn(WarnSlowPoll::new("blocker", THRESHOLD, &log, blocker()));
        let b = tokio::spawn(WarnSlowPoll::new("waiter", THRESHOLD, &log, waiter()));
        (a.await, b.await)
    });
    assert_eq!((a.expect("no panic"), b.expect("no panic")), (42, 7));
    let tasks: Vec<String> = log.reports().into_iter().map(|r| r.task).collect();
    assert_eq!(
        tasks,
        ["blocker", "blocker"],
        "only the task that blocked is reported (time each poll, not the whole future)"
    );
}

#[test]
fn polled_by_hand_it_is_pending_exactly_when_the_inner_future_is() {
    let log = SlowPollLog::default();
    let mut cx = Context::from_waker(Waker::noop());
    let mut wrapped = pin!(WarnSlowPoll::new(
        "yield",
        Duration::from_secs(1),
        &log,
        YieldOnce::default()
    ));
    assert_eq!(wrapped.as_mut().poll(&mut cx), Poll::Pending);
    assert_eq!(wrapped.as_mut().poll(&mut cx), Poll::Ready(()));
    let mut ready = pin!(WarnSlowPoll::new(
        "ready",
        Duration::from_secs(1),
        &log,
        async { 5 }
    ));
    assert_eq!(ready.as_mut().poll(&mut cx), Poll::Ready(5));
    assert_eq!(log.reports(), [], "no poll took a second");

    let slow = async {
        thread::sleep(Duration::from_millis(30));
        "done"
    };
    let mut slow = pin!(WarnSlowPoll::new(
        "slow",
        Duration::from_millis(10),
        &log,
        slow
    ));
    assert_eq!(slow.as_mut().poll(&mut cx), Poll::Ready("done"));
    assert_eq!(polls_and_tasks(&log.reports()), [("slow".to_owned(), 1)]);
}
