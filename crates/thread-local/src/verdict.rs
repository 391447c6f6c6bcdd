//! The checks behind every `yes`/`no` the lesson prints.
//!
//! `main.rs` prints what these return; `tests/verdicts.rs` runs a broken
//! variant for each (a value kept in a global, a socket handed out twice, a
//! connection that never asked anything) and watches the answer turn to
//! `no`. A verdict that could only ever say `yes` would prove nothing.

use std::io;
use std::net::TcpStream;
use std::sync::Mutex;

use crate::server::ServerReport;

/// `yes` or `no`, as the lesson prints a verdict.
pub fn yes_no(claim: bool) -> &'static str {
    if claim { "yes" } else { "no" }
}

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
            .unwrap_or_else(|poisoned| poisoned.into_inner())
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
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .push(self.thread);
    }
}

/// Whether thread `thread`'s value has been dropped by now.
pub fn value_was_dropped(log: &DropLog, thread: u32) -> bool {
    log.entries().contains(&thread)
}
// ANCHOR_END: drop_log

/// Whether `a` and `b` are two connections, not one seen twice: each TCP
/// connection has its own pair of local and remote address.
pub fn distinct_connections(a: &TcpStream, b: &TcpStream) -> io::Result<bool> {
    Ok((a.local_addr()?, a.peer_addr()?) != (b.local_addr()?, b.peer_addr()?))
}

/// Whether the server accepted, answered, and saw the client close, each
/// of the `opened` connections the threads report: no more, no fewer.
pub fn every_connection_accounted_for(report: &ServerReport, opened: u64) -> bool {
    [report.accepted, report.answered, report.closed_by_client] == [opened; 3]
}
