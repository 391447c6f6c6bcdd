//! A wrapper future that reports slow polls, like asyncio's debug mode
//! ("Executing <Task …> took 0.203 seconds"), which tokio does not have:
//! what `a_wrapper_future_reports_slow_polls` runs.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

/// One poll that held its thread for longer than the threshold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlowPoll {
    /// The name the task was given.
    pub task: String,
    /// Which poll of the task it was, counting from 1.
    pub poll: u32,
    /// How long the poll took.
    pub took: Duration,
    /// The threshold it went over.
    pub threshold: Duration,
}

impl fmt::Display for SlowPoll {
    /// The report, in the words of asyncio's warning. The threshold is
    /// written out in words, so that it stays visible in the redacted
    /// output where measured durations become `[time]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Executing <Task {:?}> took {:.1?} in poll {}, over the threshold of {} milliseconds",
            self.task,
            self.took,
            self.poll,
            self.threshold.as_millis()
        )
    }
}

/// Where [`WarnSlowPoll`] writes its reports: shared by every task it wraps,
/// read once they have finished (asyncio writes to its logger instead).
#[derive(Debug, Clone, Default)]
pub struct SlowPollLog {
    reports: Arc<Mutex<Vec<SlowPoll>>>,
}

impl SlowPollLog {
    /// The reports so far, in the order the slow polls ended.
    pub fn reports(&self) -> Vec<SlowPoll> {
        self.reports
            .lock()
            .expect("no thread panics while pushing a report")
            .clone()
    }

    fn push(&self, report: SlowPoll) {
        self.reports
            .lock()
            .expect("no thread panics while pushing a report")
            .push(report);
    }
}

// ANCHOR: warn_slow_poll
/// Wraps a future and times every poll of it: a poll that takes longer than
/// `threshold` held the thread that long, and every other task waiting for
/// that thread waited too. Each such poll is written to the log.
///
/// The inner future is boxed and pinned on the heap (`Pin<Box<F>>`), so the
/// wrapper itself never has to be pinned in place: it is `Unpin` whatever
/// `F` is, and `poll` can take `&mut self` with no `unsafe` (the alternative
/// is pin projection: `pin-project`, or `Pin::map_unchecked_mut` and a
/// promise never to move the field).
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
        // Every field is `Unpin` (the future is behind its own `Pin<Box>`),
        // so the wrapper may be unpinned and used as a plain `&mut`.
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
// ANCHOR_END: warn_slow_poll
