//! Behaviour of `Worker` and its `ResultHandle`: results, order, close, and a
//! panic reported to the waiter and at `join`.

use std::sync::mpsc;
use std::thread;

use actors::{ActorPanicked, JobError, Worker, result_handle};

fn quiet_panics() {
    std::panic::set_hook(Box::new(|_| {}));
}

#[test]
fn submit_returns_a_handle_to_the_result() {
    let worker = Worker::spawn("pow");
    let handle = worker.submit(|| 2_i32.pow(3)).expect("open");
    assert_eq!(handle.result(), Ok(8));
    worker.join().expect("no job panicked");
}

#[test]
fn each_handle_gets_its_own_jobs_result_whatever_order_they_are_awaited() {
    let worker = Worker::spawn("squares");
    let handles: Vec<_> = (0..100_u64)
        .map(|n| worker.submit(move || n * n).expect("open"))
        .collect();
    let squares: Vec<u64> = handles
        .into_iter()
        .rev()
        .map(|h| h.result().expect("no job panics"))
        .collect();
    assert_eq!(
        squares,
        (0..100_u64).rev().map(|n| n * n).collect::<Vec<_>>()
    );
    worker.join().expect("no job panicked");
}

#[test]
fn jobs_run_one_at_a_time_in_the_order_submitted() {
    let worker = Worker::spawn("ordered");
    let (log, entries) = mpsc::channel();
    for n in 0..50 {
        let log = log.clone();
        worker
            .submit(move || log.send(n).expect("the test listens"))
            .expect("open");
    }
    drop(log);
    worker.join().expect("no job panicked");
    assert_eq!(
        entries.iter().collect::<Vec<_>>(),
        (0..50).collect::<Vec<_>>()
    );
}

#[test]
fn jobs_submitted_before_close_still_run_and_later_ones_are_refused() {
    let worker = Worker::spawn("closing");
    let (go, gate) = mpsc::channel::<()>();
    let first = worker
        .submit(move || gate.recv().map(|()| "first"))
        .expect("open");
    let second = worker.submit(|| "second").expect("open");
    worker.close();
    assert!(worker.is_closed());
    assert!(worker.submit(|| "third").is_err());
    go.send(()).expect("the first job waits at the gate");
    assert_eq!(first.result(), Ok(Ok("first")));
    assert_eq!(second.result(), Ok("second"));
    worker.join().expect("no job panicked");
}

#[test]
fn a_panicking_job_is_reported_to_its_waiter_and_at_join() {
    quiet_panics();
    let worker = Worker::spawn("fragile");
    let (go, gate) = mpsc::channel::<()>();
    let fine = worker.submit(|| 1).expect("open");
    let fails = worker
        .submit(move || -> i32 {
            gate.recv().expect("the test opens the gate");
            panic!("job {} failed", 2)
        })
        .expect("open");
    let behind = worker
        .submit(|| 3)
        .expect("open: the worker is stuck at the gate");
    go.send(()).expect("the job waits at the gate");

    assert_eq!(fine.result(), Ok(1));
    assert_eq!(
        fails.result(),
        Err(JobError::Panicked("job 2 failed".to_owned()))
    );
    assert_eq!(behind.result(), Err(JobError::NotRun));
    // By the time `behind` heard `NotRun`, the mailbox was closed.
    assert!(worker.is_closed());
    assert!(worker.submit(|| 4).is_err());
    assert_eq!(
        worker.join(),
        Err(ActorPanicked {
            actor: "fragile".to_owned(),
            message: "job 2 failed".to_owned(),
        })
    );
}

#[test]
fn a_waiter_on_another_thread_hears_of_the_panic_too() {
    quiet_panics();
    let worker = Worker::spawn("fragile");
    let (go, gate) = mpsc::channel::<()>();
    let handle = worker
        .submit(move || -> u8 {
            gate.recv().expect("the test opens the gate");
            panic!("boom")
        })
        .expect("open");
    let waiter = thread::spawn(move || handle.result());
    go.send(()).expect("the job waits at the gate");
    assert_eq!(
        waiter.join().expect("result() does not panic"),
        Err(JobError::Panicked("boom".to_owned()))
    );
    assert!(worker.join().is_err());
}

#[test]
fn a_promise_dropped_unset_tells_the_waiter_not_run() {
    let (promise, handle) = result_handle::<String>();
    assert!(!handle.is_ready());
    drop(promise);
    assert!(handle.is_ready());
    assert_eq!(handle.result(), Err(JobError::NotRun));
}

#[test]
fn a_promise_set_on_another_thread_wakes_the_waiter() {
    let (promise, handle) = result_handle();
    let waiter = thread::spawn(move || handle.result());
    promise.set(vec![1, 2, 3]);
    assert_eq!(waiter.join().expect("no panic"), Ok(vec![1, 2, 3]));
}

#[test]
fn a_failed_promise_carries_the_message() {
    let (promise, handle) = result_handle::<()>();
    promise.fail("out of disk".to_owned());
    let err = handle.result().unwrap_err();
    assert_eq!(err.to_string(), "the job panicked: out of disk");
}
