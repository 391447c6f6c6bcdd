//! expect: its own events
//! A `static` counter: one count shared by every thread, so a thread's
//! count includes everyone's events; and a `static` is never dropped, so no
//! thread ever reports at its exit. (Caught by the tests:
//! `each_thread_counts_only_its_own_events`.)
#![allow(dead_code)]

use std::sync::atomic::{AtomicU64, Ordering};
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

/// Every thread's events, counted in one place.
static COUNT: AtomicU64 = AtomicU64::new(0);

/// Counts one event on the calling thread.
pub fn count_event() {
    COUNT.fetch_add(1, Ordering::SeqCst);
}

/// How many events the calling thread has counted.
pub fn this_thread_count() -> u64 {
    COUNT.load(Ordering::SeqCst)
}
