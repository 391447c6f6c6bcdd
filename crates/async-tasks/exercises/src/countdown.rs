//! # Exercise `async-tasks-countdown`: a future written by hand
//!
//! Read first, in book/src/async-tasks.md (`cargo xtask learn` prints the
//! link to the section): "What an async fn compiles to", where `YieldOnce`
//! gives control back once and `poll_by_hand` polls a future with a waker
//! that does nothing.
//!
//! Write the `Future` impl of [`Countdown`]: a state machine that returns
//! `Poll::Pending` `n` times, then `Poll::Ready(polls)`, where `polls` is
//! how many times it was polled in all (`n + 1`). It waits for nothing but
//! itself, so every time it returns `Pending` it must wake its own waker:
//! that is how a runtime learns the task is worth polling again.
//!
//! The trap: returning `Pending` without waking. Polled by hand in a loop
//! (as `poll_by_hand` does, with `Waker::noop()`), such a future still
//! finishes, because the loop polls again whatever happens; on tokio it is
//! never polled again, and the task never finishes.
//!
//! Check it: `cargo xtask learn check async-tasks-countdown`.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Pending `remaining` more times (waking itself each time), then ready
/// with the number of times it was polled.
#[derive(Debug)]
pub struct Countdown {
    /// How many more times `poll` returns `Pending`.
    remaining: u32,
    /// How many times `poll` has been called so far.
    polls: u32,
}

/// A countdown that is `Pending` `n` times, then `Ready(n + 1)`.
pub fn countdown(n: u32) -> Countdown {
    Countdown {
        remaining: n,
        polls: 0,
    }
}

impl Future for Countdown {
    /// How many times the countdown was polled, the last (ready) poll
    /// included.
    type Output = u32;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        // TODO: count this poll.
        // TODO: nothing remaining: `Poll::Ready` with the number of polls.
        // TODO: otherwise count one down, wake the waker
        // (`cx.waker().wake_by_ref()`), and return `Poll::Pending`.
        todo!("Countdown::poll")
    }
}
