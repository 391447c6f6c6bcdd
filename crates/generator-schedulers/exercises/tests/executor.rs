//! `generator-schedulers-executor`: the behaviour, with exact expectations.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use generator_schedulers_exercises::executor::{Executor, countdown, countup, yield_now};

/// What CPython printed for the cookbook's program.
const CPYTHON: &str = include_str!("cpython_output.txt");

#[test]
fn yield_now_is_pending_once_then_ready() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut future = pin!(yield_now());
    assert_eq!(
        future.as_mut().poll(&mut cx),
        Poll::Pending,
        "the first poll must hand control back to the executor: Pending"
    );
    assert_eq!(
        future.as_mut().poll(&mut cx),
        Poll::Ready(()),
        "the second is Ready"
    );
}

#[test]
fn three_async_fns_interleave_exactly_as_cpythons_generators() {
    let out = RefCell::new(Vec::new());
    let mut executor = Executor::default();
    executor.spawn(countdown(10, &out));
    executor.spawn(countdown(5, &out));
    executor.spawn(countup(15, &out));
    let polls = executor.run();
    let expected: Vec<&str> = CPYTHON.lines().collect();
    assert_eq!(
        out.into_inner(),
        expected,
        "each yield_now().await must hand control back to the executor once (Pending), \
         and the executor must poll the futures in turn"
    );
    // One poll per yield, and one more to finish: 11 + 6 + 16.
    assert_eq!(polls, 33, "one poll per yield plus one to finish each task");
}

#[test]
fn every_future_runs_to_completion() {
    let finished = Cell::new(0);
    let mut executor = Executor::default();
    for yields in [0, 1, 7, 100] {
        let finished = &finished;
        executor.spawn(async move {
            for _ in 0..yields {
                yield_now().await;
            }
            finished.set(finished.get() + 1);
        });
    }
    assert_eq!(executor.run(), 1 + 2 + 8 + 101);
    assert_eq!(finished.get(), 4, "all four futures finished");
}

#[test]
fn an_empty_executor_finishes_at_once() {
    assert_eq!(Executor::default().run(), 0);
}
