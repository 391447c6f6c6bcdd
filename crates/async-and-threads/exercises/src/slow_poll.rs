//! # Exercise `async-and-threads-slow-poll`: a wrapper future that reports slow polls
//!
//! Read first, in book/src/async-and-threads.md (`cargo xtask learn` prints
//! the link to the section): "A wrapper future reports slow polls".
//!
//! asyncio's debug mode warns about every step of a task that held the
//! event loop for too long ("Executing <Task ...> took 0.150 seconds");
//! tokio has no such mode. Write [`WarnSlowPoll`]: a future that wraps
//! another, polls it whenever it is polled, and times *each poll*: a poll
//! that took longer than `threshold` held the thread that long, and every
//! other task on that thread waited. Each such poll goes into the
//! [`SlowPollLog`] as a [`SlowPoll`] (the task's name, which poll it was
//! counting from 1, how long it took, the threshold).
//!
//! The trap: timing the whole future, from its first poll to its `Ready`.
//! That measures the waits too: a task that awaits a 150 ms timer takes
//! 150 ms, and never holds the thread for more than a few microseconds.
//!
//! Check it: `cargo xtask learn check async-and-threads-slow-poll`.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

pub use crate::report::{SlowPoll, SlowPollLog};

/// Wraps a future and times every poll of it; each poll longer than the
/// threshold is written to the log.
///
/// The inner future is boxed and pinned on the heap (`Pin<Box<F>>`), so the
/// wrapper is `Unpin` whatever `F` is: in `poll`, `self.get_mut()` gives a
/// plain `&mut WarnSlowPoll<F>`.
#[derive(Debug)]
pub struct WarnSlowPoll<F> {
    task: String,
    threshold: Duration,
    log: SlowPollLog,
    /// How many times the wrapper has been polled so far.
    polls: u32,
    inner: Pin<Box<F>>,
}

impl<F: Future> WarnSlowPoll<F> {
    /// Wraps `future`, naming it `task` in its reports (`log` is cloned:
    /// the clone shares the same list of reports).
    pub fn new(task: &str, threshold: Duration, log: &SlowPollLog, future: F) -> Self {
        // TODO: fill in the fields; `Box::pin(future)` for `inner`.
        todo!("WarnSlowPoll::new")
    }
}

impl<F: Future> Future for WarnSlowPoll<F> {
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        // TODO: count this poll.
        // TODO: poll the inner future once (`self.inner.as_mut().poll(cx)`),
        // between two readings of the clock.
        // TODO: longer than the threshold? push a `SlowPoll` to the log.
        // TODO: return what the inner future returned.
        todo!("WarnSlowPoll::poll")
    }
}
