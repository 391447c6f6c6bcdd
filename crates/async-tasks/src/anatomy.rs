//! What an `async fn` compiles to: a value that does nothing until polled,
//! as big as the locals it keeps across its `.await`s, and a `poll` that
//! runs it from one `.await` to the next. The `generator-schedulers` lesson
//! built an executor out of exactly this; here we poll by hand.

use std::cell::Cell;
use std::future::Future;
use std::hint::black_box;
use std::pin::{Pin, pin};
use std::task::{Context, Poll, Waker};

// ANCHOR: yield_once
/// Pending once, then ready: the smallest future that gives control back
/// (`generator-schedulers`' `YieldNow`, and what `tokio::task::yield_now`
/// does).
#[derive(Debug, Default)]
pub struct YieldOnce {
    yielded: bool,
}

impl Future for YieldOnce {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.yielded {
            return Poll::Ready(());
        }
        self.yielded = true;
        cx.waker().wake_by_ref(); // "poll me again": a runtime queues the task
        Poll::Pending
    }
}

pub fn yield_once() -> YieldOnce {
    YieldOnce::default()
}
// ANCHOR_END: yield_once

// ANCHOR: add_slowly
/// Adds two numbers, giving control back twice on the way. `started` is set
/// when the body begins to run.
pub async fn add_slowly(a: u32, b: u32, started: &Cell<bool>) -> u32 {
    started.set(true);
    yield_once().await;
    let sum = a + b;
    yield_once().await;
    sum
}

/// The control for "creating it ran none of its body": a plain function
/// that does the work at once and returns a future that is already done.
pub fn add_eagerly(a: u32, b: u32, started: &Cell<bool>) -> impl Future<Output = u32> {
    started.set(true);
    std::future::ready(a + b)
}
// ANCHOR_END: add_slowly

// ANCHOR: poll_by_hand
/// Polls `future` with a waker that does nothing until it is ready (at most
/// `limit` times), and returns what each poll returned: an executor with
/// one task and no queue.
pub fn poll_by_hand<F: Future>(future: F, limit: usize) -> Vec<Poll<F::Output>> {
    let mut future = pin!(future); // polled futures must not move: pin it here
    let mut cx = Context::from_waker(Waker::noop());
    let mut polls = Vec::new();
    for _ in 0..limit {
        let poll = future.as_mut().poll(&mut cx);
        let ready = poll.is_ready();
        polls.push(poll);
        if ready {
            break;
        }
    }
    polls
}
// ANCHOR_END: poll_by_hand

// ANCHOR: sizes
/// Keeps a 1 KiB buffer alive across an `.await`: it becomes a field of
/// the future.
pub async fn holds_a_buffer() -> u8 {
    let buffer = [7u8; 1024];
    yield_once().await;
    black_box(&buffer)[0]
}

/// Uses the same buffer, but is done with it before the `.await`: it lives
/// on the stack of one `poll` call, not in the future.
pub async fn drops_a_buffer() -> u8 {
    let first = {
        let buffer = [7u8; 1024];
        black_box(&buffer)[0]
    };
    yield_once().await;
    first
}
// ANCHOR_END: sizes
