//! # Exercise `async-and-threads-slow-poll`: a wrapper future that reports slow polls
//!
//! The answer: every poll of the wrapper polls the inner future once,
//! between two readings of the clock, and returns what it returned.
//! (Read the exercise in `crates/async-and-threads/exercises/src/slow_poll.rs`.)

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
        WarnSlowPoll {
            task: task.to_owned(),
            threshold,
            log: log.clone(),
            polls: 0,
            inner: Box::pin(future),
        }
    }
}

impl<F: Future> Future for WarnSlowPoll<F> {
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        // Every field is `Unpin` (the future is behind its own `Pin<Box>`).
        let this = self.get_mut();
        this.polls += 1;
        let started = Instant::now();
        let result = this.inner.as_mut().poll(cx);
        let took = started.elapsed();
        if took > this.threshold {
            this.log.push(SlowPoll {
                task: this.task.clone(),
                poll: this.polls,
                took,
                threshold: this.threshold,
            });
        }
        result
    }
}
