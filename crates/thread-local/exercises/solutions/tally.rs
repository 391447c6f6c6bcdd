//! The answer to `thread-local-tally`: a per-thread counter that reports
//! itself when its thread exits. (The exercise and its task:
//! crates/thread-local/exercises/src/tally.rs.)

use std::cell::Cell;
use std::sync::{Mutex, PoisonError};
use std::thread::{self, ThreadId};

/// What a thread counted, reported when it exited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Report {
    pub thread: ThreadId,
    pub count: u64,
}

/// Every report so far, in the order the threads exited. (Given.)
static REPORTS: Mutex<Vec<Report>> = Mutex::new(Vec::new());

/// Adds `report` to the reports. (Given.)
fn report(report: Report) {
    REPORTS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push(report);
}

/// A copy of every report so far. (Given.)
pub fn reports() -> Vec<Report> {
    REPORTS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone()
}

/// One thread's tally: its count, and, in its `Drop`, the report.
struct Tally {
    count: Cell<u64>,
}

impl Drop for Tally {
    fn drop(&mut self) {
        // Runs when the thread exits, before `join` returns.
        let count = self.count.get();
        if count > 0 {
            report(Report {
                thread: thread::current().id(),
                count,
            });
        }
    }
}

thread_local! {
    /// Made on the thread's first use; dropped when the thread exits.
    static TALLY: Tally = const { Tally { count: Cell::new(0) } };
}

/// Counts one event on the calling thread.
pub fn count_event() {
    TALLY.with(|tally| tally.count.set(tally.count.get() + 1));
}

/// How many events the calling thread has counted.
pub fn this_thread_count() -> u64 {
    TALLY.with(|tally| tally.count.get())
}
