//! expect: the tests failed
//! Times each poll, but counts the polls after pushing the report: every
//! report names the poll before the slow one (poll 0 for the first).

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
            inner: Box::pin(future),
        }
    }
}

impl<F: Future> Future for WarnSlowPoll<F> {
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let this = self.get_mut();
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
        this.polls += 1;
        result
    }
}
