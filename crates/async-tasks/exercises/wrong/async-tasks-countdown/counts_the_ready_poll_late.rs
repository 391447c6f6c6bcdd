//! expect: the tests failed
//! Counts down after the check instead of before it, so the countdown is
//! `Pending` once too many (`n + 1` times) and reports `n + 2` polls: an
//! off-by-one the exact sequence of polls shows.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Pending `remaining` more times (waking itself each time), then ready
/// with the number of times it was polled.
#[derive(Debug)]
pub struct Countdown {
    remaining: u32,
    polls: u32,
    done: bool,
}

/// A countdown that is `Pending` `n` times, then `Ready(n + 1)`.
pub fn countdown(n: u32) -> Countdown {
    Countdown {
        remaining: n,
        polls: 0,
        done: false,
    }
}

impl Future for Countdown {
    type Output = u32;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        let this = self.get_mut();
        this.polls += 1;
        if this.done {
            return Poll::Ready(this.polls);
        }
        if this.remaining == 0 {
            this.done = true;
        } else {
            this.remaining -= 1;
        }
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}
