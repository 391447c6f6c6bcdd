//! The checks behind every `yes`/`no` the lesson prints, one function per
//! claim, each returning a [`Verdict`].
//!
//! `main.rs` prints what these return; `tests/verdicts.rs` runs a broken
//! variant for each (a value kept in a global instead of a thread-local, a
//! per-thread cache that hands one socket out twice, a connection that
//! never asked anything) and watches the answer turn to `no`. A verdict
//! that could only ever say `yes` would prove nothing.
//!
//! `Noisy` and its `DropLog` live here too: they are the evidence the
//! drop verdict reads.

use std::net::TcpStream;
use std::sync::{Mutex, PoisonError};

use kit::Verdict;

use crate::server::ServerReport;

// ANCHOR: drop_log
/// Where [`Noisy`] values record their drop: the numbers of the threads
/// whose value has been dropped, in the order it happened.
#[derive(Debug, Default)]
pub struct DropLog(Mutex<Vec<u32>>);

impl DropLog {
    /// An empty log; `const`, so it can be a `static`.
    pub const fn new() -> DropLog {
        DropLog(Mutex::new(Vec::new()))
    }

    /// The threads whose value has been dropped, in order.
    pub fn entries(&self) -> Vec<u32> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

/// A value that records its drop in a [`DropLog`], so we can see when a
/// thread's value is destroyed.
#[derive(Debug)]
pub struct Noisy {
    thread: u32,
    log: &'static DropLog,
}

impl Noisy {
    pub fn new(thread: u32, log: &'static DropLog) -> Noisy {
        Noisy { thread, log }
    }
}

impl Drop for Noisy {
    fn drop(&mut self) {
        self.log
            .0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(self.thread);
    }
}

/// Thread `thread`'s value has been dropped by now.
pub fn value_was_dropped(log: &DropLog, thread: u32) -> Verdict {
    Verdict::from(log.entries().contains(&thread))
}
// ANCHOR_END: drop_log

/// `a` and `b` are two connections, not one seen twice: each TCP
/// connection has its own pair of local and remote address. A socket whose
/// addresses cannot be read (it is not connected) proves nothing: `no`.
pub fn distinct_connections(a: &TcpStream, b: &TcpStream) -> Verdict {
    let ends = |s: &TcpStream| Some((s.local_addr().ok()?, s.peer_addr().ok()?));
    Verdict::from(matches!((ends(a), ends(b)), (Some(a), Some(b)) if a != b))
}

/// The server accepted, answered, and saw the client close, each of the
/// `opened` connections the threads report: no more, no fewer.
pub fn every_connection_accounted_for(report: &ServerReport, opened: u64) -> Verdict {
    Verdict::from([report.accepted, report.answered, report.closed_by_client] == [opened; 3])
}
