//! expect: its own entry
//! Drop pops the top of the stack, assuming guards are always dropped
//! innermost first. A guard dropped early (`drop(outer)` while `inner` is
//! open) takes the wrong entry off. (Caught by the tests:
//! `a_guard_dropped_out_of_order_takes_its_own_entry_off`.)

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::{self, BufReader};
use std::marker::PhantomData;
use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::lazy::ask;

thread_local! {
    /// For each nested lazy connection (by id), the local ports of the
    /// connections this thread has open, outermost first.
    static OPEN: RefCell<HashMap<u64, Vec<u16>>> = RefCell::new(HashMap::new());
}

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
        let stream = TcpStream::connect(self.address)?;
        let port = stream.local_addr()?.port();
        OPEN.with_borrow_mut(|open| open.entry(self.id).or_default().push(port));
        Ok(NestedConnection {
            stream: BufReader::new(stream),
            port,
            owner: self,
            _this_thread: PhantomData,
        })
    }

    /// How many connections the calling thread has open.
    pub fn depth(&self) -> usize {
        self.open_ports().len()
    }

    /// The calling thread's stack: the local ports of its open connections,
    /// outermost first.
    pub fn open_ports(&self) -> Vec<u16> {
        OPEN.with_borrow(|open| open.get(&self.id).cloned().unwrap_or_default())
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
        OPEN.with_borrow_mut(|open| {
            let Some(stack) = open.get_mut(&self.owner.id) else {
                return;
            };
            // Scopes unwind innermost first, so this guard is the top... is it?
            stack.pop();
            if stack.is_empty() {
                open.remove(&self.owner.id);
            }
        });
        // The stream closes right after, when the fields are dropped.
    }
}
