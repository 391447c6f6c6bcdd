//! # Exercise `generator-schedulers-executor`: `yield_now` and an executor
//!
//! Read first, in book/src/generator-schedulers.md (`cargo xtask learn`
//! prints the link to the section): "An async fn is a state machine the
//! compiler writes".
//!
//! `countdown` and `countup` below are the cookbook's generators as
//! `async fn`s, written for you: `yield_now().await` where Python had a
//! bare `yield`. The compiler turns each into a state machine; you write
//! the two pieces it does not:
//!
//! - `YieldNow::poll`: the smallest future that gives control back.
//!   Polled the first time, it is `Poll::Pending` (and it wakes its waker:
//!   "run me again soon"); polled again, `Poll::Ready(())`;
//! - `Executor::spawn` and `Executor::run`: a queue of pinned, boxed
//!   futures (`Pin<Box<dyn Future<Output = ()> + 'a>>`), polled round
//!   robin: pop the front one, poll it once, put it back if it is still
//!   pending. `run` returns how many polls it made.
//!
//! The tests run countdown(10), countdown(5) and countup(15) on your
//! executor and compare the output line for line with what CPython printed
//! for the generators (`tests/cpython_output.txt`), in 33 polls.
//!
//! No threads: nothing to model-check. The order is yours alone.
//!
//! Check it: `cargo xtask learn check generator-schedulers-executor`.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

/// A future that is pending once, then ready: Python's bare `yield`.
#[derive(Debug, Default)]
pub struct YieldNow {
    // TODO: has it been polled once already?
}

impl Future for YieldNow {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        // TODO: the second poll is `Ready(())`; the first notes that it
        // has yielded, calls `cx.waker().wake_by_ref()`, and is `Pending`.
        todo!("YieldNow::poll")
    }
}

/// Gives control back to the executor once.
pub fn yield_now() -> YieldNow {
    YieldNow::default()
}

/// `countdown(n)` as an `async fn`.
pub async fn countdown(n: u32, out: &RefCell<Vec<String>>) {
    let mut n = n;
    while n > 0 {
        out.borrow_mut().push(format!("T-minus {n}"));
        yield_now().await;
        n -= 1;
    }
    out.borrow_mut().push("Blastoff!".to_owned());
}

/// `countup(n)` as an `async fn`.
pub async fn countup(n: u32, out: &RefCell<Vec<String>>) {
    let mut x = 0;
    while x < n {
        out.borrow_mut().push(format!("Counting up {x}"));
        yield_now().await;
        x += 1;
    }
}

/// A round-robin executor: a queue of pinned futures, polled in turn.
#[derive(Default)]
pub struct Executor<'a> {
    // TODO: a queue of pinned, boxed futures that may borrow for `'a`.
    _todo: std::marker::PhantomData<&'a ()>,
}

impl<'a> Executor<'a> {
    /// Puts `future` at the back of the queue.
    pub fn spawn(&mut self, future: impl Future<Output = ()> + 'a) {
        // TODO: `Box::pin` it (once polled, a future must not move), and
        // queue it.
        todo!("Executor::spawn")
    }

    /// Polls every future until all are ready, round robin; returns how
    /// many polls it took.
    pub fn run(self) -> u64 {
        // TODO: a `Context` from `Waker::noop()` (this executor never
        // sleeps, so the waker has nothing to do); then pop, poll once
        // (`future.as_mut().poll(&mut cx)`), push back if pending; count.
        todo!("Executor::run")
    }
}

impl fmt::Debug for Executor<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Executor").finish_non_exhaustive()
    }
}
