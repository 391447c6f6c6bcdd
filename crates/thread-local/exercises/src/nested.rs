//! # Exercise `thread-local-nested`: a per-thread stack of nested connections
//!
//! Read first, in book/src/thread-local.md (`cargo xtask learn` prints the
//! link to the section): "Nested connections keep a stack".
//!
//! The cookbook's second `LazyConnection` lets a thread enter several times,
//! nested (`with conn as s1, conn as s2:`), and keeps a per-thread *list*
//! of its connections. Build it:
//!
//! - [`NestedLazyConnection::enter`]: open a new connection (a distinct one
//!   each time, even nested), push it on the calling thread's stack, and
//!   return a guard;
//! - dropping a [`NestedConnection`] takes *its own* entry off the stack
//!   (and its stream closes with it): innermost first when scopes unwind,
//!   but a guard may also be dropped early, out of order;
//! - [`NestedLazyConnection::open_ports`] and [`depth`](NestedLazyConnection::depth):
//!   the calling thread's stack, outermost first, as the connections' local
//!   ports. Another thread's connections are not on it, nor another
//!   `NestedLazyConnection`'s.
//!
//! The stack lives in a `thread_local!`, keyed by the lazy connection's `id`
//! (given, with `new`, the guard's fields, `port` and `request`).
//!
//! Check it: `cargo xtask learn check thread-local-nested`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::{self, BufReader};
use std::marker::PhantomData;
use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::lazy::ask;

// TODO: a `thread_local!`: for each `NestedLazyConnection` (by its `id`),
// the stack of this thread's open connections (their local ports),
// outermost first: `RefCell<HashMap<u64, Vec<u16>>>`.

/// The cookbook's second form: a thread may enter any number of times,
/// nested; each `enter()` pushes a new connection on the thread's stack,
/// and each guard's drop takes its own off.
#[derive(Debug)]
pub struct NestedLazyConnection {
    /// Tells lazy connections apart, so each has stacks of its own.
    id: u64,
    address: SocketAddr,
}

impl NestedLazyConnection {
    /// Nothing is opened yet.
    pub fn new(address: SocketAddr) -> NestedLazyConnection {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        NestedLazyConnection {
            id: NEXT.fetch_add(1, Ordering::Relaxed),
            address,
        }
    }

    /// Opens one more connection for the calling thread and pushes it on the
    /// thread's stack.
    pub fn enter(&self) -> io::Result<NestedConnection<'_>> {
        // TODO: connect; note the stream's local port; push the port on this
        // thread's stack for `self.id`; return the guard.
        todo!("NestedLazyConnection::enter")
    }

    /// How many connections the calling thread has open.
    pub fn depth(&self) -> usize {
        // TODO
        todo!("NestedLazyConnection::depth")
    }

    /// The calling thread's stack: the local ports of its open connections,
    /// outermost first.
    pub fn open_ports(&self) -> Vec<u16> {
        // TODO: a copy of this thread's stack for `self.id` (empty if none).
        todo!("NestedLazyConnection::open_ports")
    }
}

/// One open connection of a [`NestedLazyConnection`]; closes it and leaves
/// the thread's stack when dropped. Not `Send`: it must be dropped on the
/// thread whose stack it is on.
#[derive(Debug)]
pub struct NestedConnection<'a> {
    stream: BufReader<TcpStream>,
    port: u16,
    owner: &'a NestedLazyConnection,
    _this_thread: PhantomData<*const ()>,
}

impl NestedConnection<'_> {
    /// The connection's local port: what tells two connections apart.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Sends `line` on this connection and returns the reply.
    pub fn request(&mut self, line: &str) -> io::Result<String> {
        ask(&mut self.stream, line)
    }
}

impl Drop for NestedConnection<'_> {
    fn drop(&mut self) {
        // TODO: take *this* guard's port off this thread's stack. Usually it
        // is the top, but not always: a guard can be dropped early.
        todo!("NestedConnection::drop")
    }
}
