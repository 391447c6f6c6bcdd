//! expect: time each poll
//! Starts the clock at the first poll and reads it at the `Ready`: that is
//! how long the task lived, waits included, so a task that only awaited a
//! timer is reported, and a slow poll is reported once, at the end, under
//! the wrong poll number.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

pub use crate::report::{SlowPoll, SlowPollLog};

/// Wraps a future and times every poll of it; each poll longer than the
/// threshold is written to the log.
#[derive(Debug)]
pub struct WarnSlowPoll<F> {
    task: String,
    threshold: Duration,
    log: SlowPollLog,
    polls: u32,
    first_poll: Option<Instant>,
    inner: Pin<Box<F>>,
}

impl<F: Future> WarnSlowPoll<F> {
    /// Wraps `future`, naming it `task` in its reports.
    pub fn new(task: &str, threshold: Duration, log: &SlowPollLog, future: F) -> Self {
        WarnSlowPoll {
            task: task.to_owned(),
            threshold,
            log: log.clone(),
            polls: 0,
            first_poll: None,
            inner: Box::pin(future),
        }
    }
}

impl<F: Future> Future for WarnSlowPoll<F> {
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let this = self.get_mut();
        this.polls += 1;
        let started = *this.first_poll.get_or_insert_with(Instant::now);
        let result = this.inner.as_mut().poll(cx);
        if result.is_ready() {
            let took = started.elapsed(); // the whole life of the task
            if took > this.threshold {
                this.log.push(SlowPoll {
                    task: this.task.clone(),
                    poll: this.polls,
                    took,
                    threshold: this.threshold,
                });
            }
        }
        result
    }
}
