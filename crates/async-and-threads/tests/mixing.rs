//! Sections 1 to 3: blocking code from async, async code from threads, and
//! channels between them. Each verdict the lesson prints is also fed the
//! evidence of a run where its claim is false (`verdict_…_can_fail`).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use async_and_threads::blocking::{blocking_lookup, overlapped, ran_on_another_thread};
use async_and_threads::channel::{
    came_back_in_order, catch_panic_quietly, refused_to_block_a_runtime_thread,
};
use async_and_threads::handle::ran_on_the_calling_thread;
use async_and_threads::{multi_thread_runtime, one_thread_runtime};
use tokio::sync::mpsc;
use tokio::task;

const LOOKUP: Duration = Duration::from_millis(20);

#[test]
fn spawn_blocking_returns_the_functions_value_to_the_task() {
    let runtime = one_thread_runtime();
    let (value, _) = runtime
        .block_on(runtime.spawn_blocking(|| blocking_lookup(12, Duration::ZERO)))
        .expect("the lookup does not panic");
    assert_eq!(value, 144);
}

#[test]
fn verdict_ran_on_another_thread_can_fail() {
    // The broken variant: the task calls the blocking function directly, so
    // it runs on the task's own thread (and holds it).
    let runtime = multi_thread_runtime();
    let (task_thread, call_thread) = runtime
        .block_on(runtime.spawn(async {
            let task_thread = thread::current().id();
            let (_, call_thread) = blocking_lookup(7, LOOKUP);
            (task_thread, call_thread)
        }))
        .expect("the task does not panic");
    assert!(!ran_on_another_thread(task_thread, call_thread));
}

#[test]
fn verdict_overlapped_can_fail() {
    // The broken variant: each lookup is awaited before the next is started,
    // so the three run one after another.
    let runtime = multi_thread_runtime();
    let started = Instant::now();
    let values = runtime.block_on(async {
        let mut values = Vec::new();
        for key in 1..=3 {
            let lookup = task::spawn_blocking(move || blocking_lookup(key, LOOKUP));
            values.push(lookup.await.expect("the lookup does not panic").0);
        }
        values
    });
    let took = started.elapsed();
    assert_eq!(values, [1, 4, 9]);
    assert!(!overlapped(took, LOOKUP, 3), "in a row, they took {took:?}");
}

#[test]
fn verdict_block_on_ran_on_the_calling_thread_can_fail() {
    // The other way from a plain thread: a task from `handle.spawn` runs on a
    // worker, never on the thread that spawned it.
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
    assert!(!ran_on_the_calling_thread(caller, ran_on));
}

#[test]
fn verdict_spawn_ran_on_a_worker_can_fail() {
    // The other way from a plain thread: `handle.block_on` runs the future on
    // the calling thread itself.
    let runtime = multi_thread_runtime();
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
    assert!(!ran_on_another_thread(caller, ran_on));
}

/// Section 3's pipeline: a feeder thread, a task that forwards at most
/// `forward` lines (upper-cased), and the calling thread reading the answers.
fn pipeline(lines: &[&str], forward: usize) -> Vec<String> {
    let runtime = multi_thread_runtime();
    let (to_task, mut task_inbox) = mpsc::channel::<String>(1);
    let (to_main, mut main_inbox) = mpsc::channel::<String>(1);
    let task = runtime.spawn(async move {
        for _ in 0..forward {
            let Some(line) = task_inbox.recv().await else {
                break;
            };
            if to_main.send(line.to_uppercase()).await.is_err() {
                break;
            }
        }
    });
    let lines: Vec<String> = lines.iter().map(|line| (*line).to_owned()).collect();
    let feeder = thread::spawn(move || {
        let mut sent = 0;
        for line in lines {
            if to_task.blocking_send(line).is_err() {
                break;
            }
            sent += 1;
        }
        sent
    });
    let mut received = Vec::new();
    while let Some(line) = main_inbox.blocking_recv() {
        received.push(line);
    }
    feeder.join().expect("the feeder does not panic");
    runtime.block_on(task).expect("the task does not panic");
    received
}

#[test]
fn every_line_comes_back_in_order_through_capacity_one_channels() {
    let lines: Vec<String> = (0..100).map(|n| format!("line {n}")).collect();
    let borrowed: Vec<&str> = lines.iter().map(String::as_str).collect();
    let received = pipeline(&borrowed, usize::MAX);
    let expected: Vec<String> = (0..100).map(|n| format!("LINE {n}")).collect();
    assert_eq!(received, expected);
    assert!(came_back_in_order(&expected, &received));
}

#[test]
fn verdict_every_line_came_back_in_order_can_fail() {
    // The broken variant: a task that gives up after two lines. Its inbox is
    // dropped, so the feeder's next `blocking_send` fails and it stops, and
    // the reader sees the channel close after two answers.
    let lines = ["a", "b", "c", "d"];
    let received = pipeline(&lines, 2);
    assert_eq!(received, ["A", "B"]);
    let expected: Vec<String> = lines.iter().map(|line| line.to_uppercase()).collect();
    assert!(!came_back_in_order(&expected, &received));
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
fn verdict_refused_to_block_can_fail() {
    // The other case: on a plain thread, `blocking_recv` is allowed, and
    // returns what was sent.
    let (to_thread, mut inbox) = mpsc::channel::<String>(1);
    to_thread
        .try_send("hello".to_owned())
        .expect("the channel has room for one");
    let outcome = thread::spawn(move || catch_panic_quietly(|| inbox.blocking_recv()))
        .join()
        .expect("the plain thread does not panic");
    assert_eq!(outcome, Ok(Some("hello".to_owned())));
    assert!(!refused_to_block_a_runtime_thread(&outcome));
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
