//! Blocking code from async (`blocking_code_runs_on_the_blocking_pool`),
//! async code from threads (`a_plain_thread_runs_async_code_through_a_handle`)
//! and channels between them (`a_channel_joins_threads_and_a_task`). The
//! controls for their verdicts are in `tests/verdicts.rs`.

#[path = "support/pipeline.rs"]
mod pipeline;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

use async_and_threads::blocking::blocking_lookup;
use async_and_threads::channel::catch_panic_quietly;
use async_and_threads::verdict::came_back_in_order;
use async_and_threads::{multi_thread_runtime, one_thread_runtime};
use kit::Verdict;
use tokio::sync::mpsc;

use pipeline::pipeline;

#[test]
fn spawn_blocking_returns_the_functions_value_to_the_task() {
    let runtime = one_thread_runtime();
    let (value, _) = runtime
        .block_on(runtime.spawn_blocking(|| blocking_lookup(12, Duration::ZERO)))
        .expect("the lookup does not panic");
    assert_eq!(value, 144);
}

#[test]
fn every_line_comes_back_in_order_through_capacity_one_channels() {
    let lines: Vec<String> = (0..100).map(|n| format!("line {n}")).collect();
    let borrowed: Vec<&str> = lines.iter().map(String::as_str).collect();
    let received = pipeline(&borrowed, usize::MAX);
    let expected: Vec<String> = (0..100).map(|n| format!("LINE {n}")).collect();
    assert_eq!(received, expected);
    assert_eq!(came_back_in_order(&expected, &received), Verdict::Yes);
}

#[test]
fn blocking_send_inside_a_task_panics_and_the_join_handle_says_so() {
    let runtime = multi_thread_runtime();
    let (to_nobody, _inbox) = mpsc::channel::<u8>(1);
    let joined = catch_panic_quietly(|| {
        runtime
            .block_on(async move { tokio::spawn(async move { to_nobody.blocking_send(1) }).await })
    })
    .expect("the panic stays in the task");
    let error = joined.expect_err("blocking_send inside a task panics");
    assert!(error.is_panic());
}

#[test]
fn handle_block_on_inside_async_code_panics_too() {
    let runtime = one_thread_runtime();
    let handle = runtime.handle().clone();
    let outcome = runtime.block_on(async { catch_panic_quietly(|| handle.block_on(async { 1 })) });
    let message = outcome.expect_err("a runtime thread may not block on the runtime");
    assert!(
        message.starts_with("Cannot start a runtime from within a runtime"),
        "{message}"
    );
}

#[test]
fn blocking_recv_on_a_plain_thread_returns_what_was_sent() {
    let (to_thread, mut inbox) = mpsc::channel::<String>(1);
    to_thread
        .try_send("hello".to_owned())
        .expect("the channel has room for one");
    let outcome = thread::spawn(move || catch_panic_quietly(|| inbox.blocking_recv()))
        .join()
        .expect("the plain thread does not panic");
    assert_eq!(outcome, Ok(Some("hello".to_owned())));
}

#[test]
fn dropping_the_runtime_waits_for_its_blocking_calls() {
    // Nothing is left running: a runtime's drop joins the blocking pool, so a
    // blocking call still running when the runtime goes has finished by the
    // time `drop` returns.
    let finished = Arc::new(AtomicBool::new(false));
    let runtime = one_thread_runtime();
    let (started_tx, started_rx) = std::sync::mpsc::channel();
    let flag = Arc::clone(&finished);
    runtime.spawn_blocking(move || {
        started_tx.send(()).expect("the test is waiting");
        thread::sleep(Duration::from_millis(50));
        flag.store(true, Ordering::SeqCst);
    });
    started_rx.recv().expect("the blocking call starts");
    drop(runtime);
    assert!(finished.load(Ordering::SeqCst));
}
