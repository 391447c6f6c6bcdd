//! # Exercise `async-tasks-countdown`: a future written by hand
//!
//! The answer. `Countdown` holds only numbers, so it is `Unpin`: a pinned
//! `&mut` to it can be turned back into a plain one (`get_mut`). Every
//! `Pending` is paired with a wake-up, so a runtime polls it again.
//! (Read the exercise in `crates/async-tasks/exercises/src/countdown.rs`.)

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
        let this = self.get_mut(); // allowed: `Countdown` is `Unpin`
        this.polls += 1;
        if this.remaining == 0 {
            return Poll::Ready(this.polls);
        }
        this.remaining -= 1;
        // Nothing else will wake this task: "poll me again" is up to us.
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}
