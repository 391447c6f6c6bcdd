//! expect: did not finish on the runtime
//! Returns `Pending` without waking the waker: polled by hand in a loop it
//! still gets to `Ready`, but tokio never polls the task again.
//! (Caught by `on_tokio_the_task_finishes`.)

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Pending `remaining` more times (waking itself each time), then ready
/// with the number of times it was polled.
#[derive(Debug)]
pub struct Countdown {
    remaining: u32,
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
    type Output = u32;

    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<u32> {
        let this = self.get_mut();
        this.polls += 1;
        if this.remaining == 0 {
            return Poll::Ready(this.polls);
        }
        this.remaining -= 1;
        Poll::Pending // and nobody will ever say "poll me again"
    }
}
