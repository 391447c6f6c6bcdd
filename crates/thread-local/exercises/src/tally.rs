//! # Exercise `thread-local-tally`: a per-thread count, reported at exit
//!
//! Read first, in book/src/thread-local.md (`cargo xtask learn` prints the
//! link to the section): "Destructors run when a thread exits", and "Each
//! thread sees its own value".
//!
//! Each thread counts its own events, and reports its count when it exits:
//!
//! - [`count_event`] adds one to the *calling thread's* count;
//! - [`this_thread_count`] is the calling thread's count so far (other
//!   threads' events are not in it);
//! - when a thread that counted at least one event exits, its count is
//!   reported (with the given `report`), once, and before `join` returns to
//!   whoever waits for the thread. A thread that counted nothing reports
//!   nothing.
//!
//! Nobody calls "report now": the thread-local's destructor does it. Put a
//! value in a `thread_local!` whose type has a `Drop` that reports, with the
//! count in a `Cell` (no other thread can reach it: no lock, no atomic).
//! `thread::current().id()` names the thread.
//!
//! Check it: `cargo xtask learn check thread-local-tally`.

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

// TODO: a type holding the count (`Cell<u64>`), whose `Drop` reports it
// (if it is not zero), and a `thread_local!` holding one.

/// Counts one event on the calling thread.
pub fn count_event() {
    // TODO
    todo!("count_event")
}

/// How many events the calling thread has counted.
pub fn this_thread_count() -> u64 {
    // TODO
    todo!("this_thread_count")
}
