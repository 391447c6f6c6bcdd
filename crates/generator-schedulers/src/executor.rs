//! The same tasks as `async fn`s, and the smallest executor that runs them.
//!
//! An `async fn` compiles to a state machine much like [`crate::task::Countdown`]:
//! its locals become fields, each `.await` becomes a state, and `poll()` runs
//! from one `.await` to the next. The compiler writes the code we wrote by
//! hand in [`crate::task`]. What is left for us is the loop that polls —
//! the executor — which is what every async runtime has at its core.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

// ANCHOR: yield_now
/// A future that is pending once, then ready: Python's bare `yield`.
///
/// Polled the first time, it says "not yet" and so hands control back to
/// the executor; polled again, it is done.
#[derive(Debug, Default)]
pub struct YieldNow {
    yielded: bool,
}

impl Future for YieldNow {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.yielded {
            return Poll::Ready(());
        }
        self.yielded = true;
        // A real runtime parks a pending task until its waker is called.
        // Waking at once says "run me again soon", which is all a yield means.
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

/// Gives control back to the executor once.
pub fn yield_now() -> YieldNow {
    YieldNow::default()
}
// ANCHOR_END: yield_now

// ANCHOR: async_tasks
/// `countdown(n)` as an `async fn`: the Python beside it, almost line for
/// line, with `.await` where Python awaits.
pub async fn countdown(n: u32, out: &RefCell<Vec<String>>) {
    for left in (1..=n).rev() {
        out.borrow_mut().push(format!("T-minus {left}"));
        yield_now().await;
    }
    out.borrow_mut().push("Blastoff!".to_owned());
}

/// `countup(n)` as an `async fn`.
pub async fn countup(n: u32, out: &RefCell<Vec<String>>) {
    for x in 0..n {
        out.borrow_mut().push(format!("Counting up {x}"));
        yield_now().await;
    }
}
// ANCHOR_END: async_tasks

// ANCHOR: executor
/// A round-robin executor: a queue of pinned futures, polled in turn.
///
/// The futures may borrow from the caller (`'a`), because they cannot
/// outlive the executor: the same reason scoped threads can borrow.
///
/// ```
/// use std::cell::RefCell;
/// use generator_schedulers::executor::{countdown, Executor};
///
/// let out = RefCell::new(Vec::new());
/// let mut executor = Executor::default();
/// executor.spawn(countdown(1, &out));
/// assert_eq!(executor.run(), 2); // polled twice: once per yield, once to finish
/// assert_eq!(*out.borrow(), ["T-minus 1", "Blastoff!"]);
/// ```
#[derive(Default)]
pub struct Executor<'a> {
    queue: VecDeque<Pin<Box<dyn Future<Output = ()> + 'a>>>,
}

impl<'a> Executor<'a> {
    pub fn spawn(&mut self, future: impl Future<Output = ()> + 'a) {
        // `Box::pin`: once polled, a future may hold pointers into itself,
        // so it must never move again. The box gives it a fixed address.
        self.queue.push_back(Box::pin(future));
    }

    /// Polls every future until all are ready; returns how many polls it took.
    pub fn run(mut self) -> u64 {
        // Nothing here sleeps waiting for a wake-up: a pending future goes
        // straight to the back of the queue. So the waker has nothing to do,
        // and a no-op waker is enough.
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
// ANCHOR_END: executor

impl std::fmt::Debug for Executor<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Executor")
            .field("queued", &self.queue.len())
            .finish()
    }
}
