//! expect: did not finish in 10 s
//! `yield_now` is pending every time it is polled, never ready: the first
//! `.await` on it never completes, so no task gets past its first line,
//! and the executor polls them round and round for ever. (Caught by the
//! tests: they run until the checker stops them at its limit.)

use std::cell::RefCell;
use std::collections::VecDeque;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

/// A future that is pending once, then ready: Python's bare `yield`.
#[derive(Debug, Default)]
pub struct YieldNow {
    yielded: bool,
}

impl Future for YieldNow {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        // Give control back to the executor, and ask to be run again.
        self.yielded = true;
        cx.waker().wake_by_ref();
        Poll::Pending
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
    queue: VecDeque<Pin<Box<dyn Future<Output = ()> + 'a>>>,
}

impl<'a> Executor<'a> {
    /// Puts `future` at the back of the queue.
    pub fn spawn(&mut self, future: impl Future<Output = ()> + 'a) {
        // Pinned in a box: once polled, a future must never move again.
        self.queue.push_back(Box::pin(future));
    }

    /// Polls every future until all are ready, round robin; returns how
    /// many polls it took.
    pub fn run(mut self) -> u64 {
        let mut cx = Context::from_waker(Waker::noop());
        let mut polls = 0;
        while let Some(mut future) = self.queue.pop_front() {
            polls += 1;
            if future.as_mut().poll(&mut cx).is_pending() {
                self.queue.push_back(future);
            }
        }
        polls
    }
}

impl fmt::Debug for Executor<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Executor")
            .field("queued", &self.queue.len())
            .finish()
    }
}
