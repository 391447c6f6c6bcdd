//! Tasks wrapped in `WarnSlowPoll` on a one-thread runtime, as
//! `a_wrapper_future_reports_slow_polls` runs them: shared by the behaviour
//! tests (`tests/slow_poll.rs`) and the controls (`tests/verdicts.rs`).
//!
//! Each test file that includes it uses only part of it.
#![allow(dead_code)]

use std::future::Future;
use std::time::Duration;

use async_and_threads::{SlowPoll, SlowPollLog, WarnSlowPoll, one_thread_runtime};

pub const THRESHOLD: Duration = Duration::from_millis(50);
pub const BLOCK: Duration = Duration::from_millis(100);

/// Runs each `(name, future)` as a task wrapped in `WarnSlowPoll`, on a
/// one-thread runtime, and returns the reports and the tasks' outputs.
pub fn run_wrapped<F>(tasks: Vec<(&str, F)>) -> (Vec<SlowPoll>, Vec<F::Output>)
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    let log = SlowPollLog::default();
    let runtime = one_thread_runtime();
    let outputs = runtime.block_on(async {
        let handles: Vec<_> = tasks
            .into_iter()
            .map(|(name, future)| tokio::spawn(WarnSlowPoll::new(name, THRESHOLD, &log, future)))
            .collect();
        let mut outputs = Vec::new();
        for handle in handles {
            outputs.push(handle.await.expect("the task does not panic"));
        }
        outputs
    });
    (log.reports(), outputs)
}
