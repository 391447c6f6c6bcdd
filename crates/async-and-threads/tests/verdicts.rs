//! The controls: for every verdict function in `src/verdict.rs`, a test
//! `verdict_<name>_can_fail` runs a broken variant of the section that
//! prints it, feeds what it saw to the same function `main.rs` uses, and
//! expects "no", where the snapshot says "yes" to every claim.

#[path = "support/pipeline.rs"]
mod pipeline;
#[path = "support/ticker.rs"]
mod ticker;
#[path = "support/wrapped.rs"]
mod wrapped;

use std::sync::mpsc as std_mpsc;
use std::thread;
use std::time::{Duration, Instant};

use async_and_threads::blocking::{blocking_lookup, timed};
use async_and_threads::channel::catch_panic_quietly;
use async_and_threads::verdict::{
    came_back_in_order, loop_stalled, on_time, overlapped, ran_on_another_thread,
    ran_on_the_calling_thread, refused_to_block_a_runtime_thread, was_left_alone, was_reported,
};
use async_and_threads::{multi_thread_runtime, one_thread_runtime};
use kit::Verdict;
use tokio::task;

use pipeline::pipeline;
use ticker::{Sleep, ticker_beside_a_sleep};

const LOOKUP: Duration = Duration::from_millis(20);

/// Printed twice, each time with its own way to go wrong: in
/// `blocking_code_runs_on_the_blocking_pool`, the task calls the blocking
/// function itself instead of through `spawn_blocking`; in
/// `a_plain_thread_runs_async_code_through_a_handle`, the plain thread runs
/// the future with `handle.block_on` instead of `handle.spawn`.
#[test]
fn verdict_ran_on_another_thread_can_fail() {
    let runtime = multi_thread_runtime();
    let (task_thread, call_thread) = runtime
        .block_on(runtime.spawn(async {
            let task_thread = thread::current().id();
            let (_, call_thread) = blocking_lookup(7, LOOKUP);
            (task_thread, call_thread)
        }))
        .expect("the task does not panic");
    assert_eq!(ran_on_another_thread(task_thread, call_thread), Verdict::No);

    let handle = runtime.handle().clone();
    let (caller, ran_on) = thread::spawn(move || {
        let ran_on = handle.block_on(async {
            tokio::time::sleep(Duration::from_millis(1)).await;
            thread::current().id()
        });
        (thread::current().id(), ran_on)
    })
    .join()
    .expect("the plain thread does not panic");
    assert_eq!(ran_on_another_thread(caller, ran_on), Verdict::No);
}

/// The three lookups, each awaited before the next is started: they run
/// one after another.
#[test]
fn verdict_overlapped_can_fail() {
    let runtime = multi_thread_runtime();
    let (values, calls): (Vec<u64>, Vec<_>) = runtime.block_on(async {
        let mut answers = Vec::new();
        for key in 1..=3 {
            let lookup = task::spawn_blocking(move || timed(|| blocking_lookup(key, LOOKUP).0));
            answers.push(lookup.await.expect("the lookup does not panic"));
        }
        answers.into_iter().unzip()
    });
    assert_eq!(values, [1, 4, 9]);
    assert_eq!(overlapped(&calls), Verdict::No, "in a row: {calls:?}");
}

/// The plain thread runs the future as a task (`handle.spawn`) where the
/// section uses `handle.block_on`: it runs on a worker, not on the caller.
#[test]
fn verdict_ran_on_the_calling_thread_can_fail() {
    let runtime = multi_thread_runtime();
    let handle = runtime.handle().clone();
    let (caller, ran_on) = thread::spawn(move || {
        let task = handle.spawn(async { thread::current().id() });
        (
            thread::current().id(),
            handle.block_on(task).expect("the task does not panic"),
        )
    })
    .join()
    .expect("the plain thread does not panic");
    assert_eq!(ran_on_the_calling_thread(caller, ran_on), Verdict::No);
}

/// A task that gives up after two lines. Its inbox is dropped, so the
/// feeder's next `blocking_send` fails and it stops, and the reader sees
/// the channel close after two answers.
#[test]
fn verdict_came_back_in_order_can_fail() {
    let lines = ["a", "b", "c", "d"];
    let received = pipeline(&lines, 2);
    assert_eq!(received, ["A", "B"]);
    let expected: Vec<String> = lines.iter().map(|line| line.to_uppercase()).collect();
    assert_eq!(came_back_in_order(&expected, &received), Verdict::No);
}

/// The same blocking receive inside async code, on std's channel instead
/// of tokio's: tokio cannot see it, so nothing refuses it, and it holds the
/// runtime's only thread for its whole timeout.
#[test]
fn verdict_refused_to_block_a_runtime_thread_can_fail() {
    const WAIT: Duration = Duration::from_millis(50);
    let (_keep_open, inbox) = std_mpsc::channel::<String>();
    let runtime = one_thread_runtime();
    let started = Instant::now();
    let outcome = runtime.block_on(async { catch_panic_quietly(|| inbox.recv_timeout(WAIT)) });
    assert!(started.elapsed() >= WAIT, "it blocked the thread");
    assert_eq!(outcome, Ok(Err(std_mpsc::RecvTimeoutError::Timeout)));
    assert_eq!(refused_to_block_a_runtime_thread(&outcome), Verdict::No);
}

/// The sleep beside the ticker sent to `spawn_blocking`: the loop does not
/// stall.
#[test]
fn verdict_loop_stalled_can_fail() {
    let lateness = ticker_beside_a_sleep(Sleep::OnTheBlockingPool);
    assert_eq!(
        loop_stalled(lateness.worst, ticker::BLOCK),
        Verdict::No,
        "{lateness:?}"
    );
}

/// The sleep beside the ticker made on the loop's own thread: the ticker
/// is late.
#[test]
fn verdict_on_time_can_fail() {
    let lateness = ticker_beside_a_sleep(Sleep::OnTheLoop);
    assert_eq!(
        on_time(lateness.worst, ticker::BLOCK),
        Verdict::No,
        "{lateness:?}"
    );
}

/// The blocking reader fixed: it awaits a timer instead, and is not
/// reported.
#[test]
fn verdict_was_reported_can_fail() {
    let (reports, _) = wrapped::run_wrapped(vec![("blocking-reader", async {
        tokio::time::sleep(wrapped::BLOCK).await;
    })]);
    assert_eq!(was_reported(&reports, "blocking-reader"), Verdict::No);
}

/// The awaiting reader broken: it blocks in `thread::sleep` instead, and is
/// reported.
#[test]
fn verdict_was_left_alone_can_fail() {
    let (reports, _) = wrapped::run_wrapped(vec![("awaiting-reader", async {
        thread::sleep(wrapped::BLOCK);
    })]);
    assert_eq!(was_left_alone(&reports, "awaiting-reader"), Verdict::No);
}
