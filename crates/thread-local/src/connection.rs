//! The cookbook's `LazyConnection`, both forms.
//!
//! In Python, one `LazyConnection` object is shared by every thread, and
//! `with conn as s:` opens a socket for the thread that enters. `__exit__`
//! must find *that thread's* socket again to close it, so the socket is kept
//! in `threading.local()`.
//!
//! In Rust the guard `enter()` returns owns its socket and closes it when
//! dropped — on every path out of the scope, panics included — so nothing
//! has to be looked up on the way out. What is left for thread-local state is
//! the per-thread bookkeeping the recipe's rules need:
//!
//! - [`LazyConnection`] (the first form): one connection per thread at a
//!   time; entering twice on the same thread is an error;
//! - [`NestedLazyConnection`] (the second form): any number, nested; the
//!   thread keeps a stack of what it has open, innermost last.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::io;
use std::marker::PhantomData;
use std::net::{SocketAddr, TcpStream};
use std::ops::Deref;
use std::sync::atomic::{AtomicU64, Ordering};

/// Why `enter()` failed.
#[derive(Debug)]
pub enum EnterError {
    /// This thread is already inside this `LazyConnection` (Python:
    /// `RuntimeError('Already connected')`).
    AlreadyConnected,
    /// The connection could not be opened.
    Io(io::Error),
}

impl fmt::Display for EnterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EnterError::AlreadyConnected => write!(f, "already connected on this thread"),
            EnterError::Io(err) => write!(f, "could not connect: {err}"),
        }
    }
}

impl std::error::Error for EnterError {}

impl From<io::Error> for EnterError {
    fn from(err: io::Error) -> Self {
        EnterError::Io(err)
    }
}

/// Gives every lazy connection an id of its own, so that one thread-local
/// table can serve many of them (Python gives each its own `local()`).
fn next_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

// ANCHOR: lazy_connection
thread_local! {
    /// The lazy connections this thread is inside right now, by id.
    static ENTERED: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
}

/// The first form: each thread may hold one connection at a time.
///
/// ```
/// use thread_local::connection::{EnterError, LazyConnection};
/// use thread_local::server::Server;
///
/// let server = Server::start()?;
/// let conn = LazyConnection::new(server.address());
/// let stream = conn.enter()?; // opens a socket for this thread
/// assert!(matches!(conn.enter(), Err(EnterError::AlreadyConnected)));
/// drop(stream); // closes it
/// let again = conn.enter()?; // so this thread may enter again
/// drop(again);
/// assert_eq!(server.stop().accepted, 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct LazyConnection {
    id: u64,
    address: SocketAddr,
}

impl LazyConnection {
    /// Nothing is opened yet: the connection is made by `enter()`, on the
    /// thread that needs it.
    pub fn new(address: SocketAddr) -> Self {
        LazyConnection {
            id: next_id(),
            address,
        }
    }

    /// Opens a connection for the calling thread, unless it already has one.
    pub fn enter(&self) -> Result<Connection, EnterError> {
        // Check before connecting: a refused enter opens nothing.
        if ENTERED.with_borrow(|entered| entered.contains(&self.id)) {
            return Err(EnterError::AlreadyConnected);
        }
        let stream = {
            let _connecting = trace::waiting(trace::Wait::Io, "connect"); // for the chapter's picture
            TcpStream::connect(self.address)?
        };
        ENTERED.with_borrow_mut(|entered| entered.push(self.id));
        Ok(Connection {
            stream,
            entered: self.id,
            _this_thread: PhantomData,
        })
    }
}

/// An open connection of a [`LazyConnection`]; closes it when dropped.
///
/// It is neither `Send` nor `Sync`: it stands for "this thread is
/// connected", so it must be dropped on the thread that entered, and no
/// other thread may borrow it. The compiler checks; `tests/wont_compile/`
/// holds the programs it refuses.
#[derive(Debug)]
pub struct Connection {
    stream: TcpStream,
    entered: u64,
    /// A raw pointer is neither `Send` nor `Sync`; this makes the guard the same.
    _this_thread: PhantomData<*const ()>,
}

impl Deref for Connection {
    type Target = TcpStream;
    fn deref(&self) -> &TcpStream {
        &self.stream
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        // The socket itself closes when `stream` is dropped, right after this.
        ENTERED.with_borrow_mut(|entered| entered.retain(|id| *id != self.entered));
        trace::instant("close"); // a mark in the chapter's picture
    }
}
// ANCHOR_END: lazy_connection

// ANCHOR: nested_connection
thread_local! {
    /// For each nested lazy connection (by id), the local ports of the
    /// connections this thread has open, innermost last.
    static OPEN: RefCell<HashMap<u64, Vec<u16>>> = RefCell::new(HashMap::new());
}

/// The second form: a thread may open several, nested; each `enter()` pushes
/// onto the thread's stack and each drop pops.
///
/// ```
/// use thread_local::connection::NestedLazyConnection;
/// use thread_local::server::Server;
///
/// let server = Server::start()?;
/// let conn = NestedLazyConnection::new(server.address());
/// let outer = conn.enter()?;
/// let inner = conn.enter()?;
/// assert_eq!(conn.open_ports(), [outer.port(), inner.port()]);
/// drop(inner);
/// assert_eq!(conn.open_ports(), [outer.port()]);
/// drop(outer);
/// assert_eq!(conn.depth(), 0);
/// # drop(server.stop());
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct NestedLazyConnection {
    id: u64,
    address: SocketAddr,
}

impl NestedLazyConnection {
    pub fn new(address: SocketAddr) -> Self {
        NestedLazyConnection {
            id: next_id(),
            address,
        }
    }

    /// Opens one more connection for the calling thread.
    pub fn enter(&self) -> io::Result<NestedConnection<'_>> {
        let stream = TcpStream::connect(self.address)?;
        let port = stream.local_addr()?.port();
        OPEN.with_borrow_mut(|open| open.entry(self.id).or_default().push(port));
        Ok(NestedConnection {
            stream,
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

/// One open connection of a [`NestedLazyConnection`]; closes it when dropped.
///
/// Like [`Connection`], it is neither `Send` nor `Sync`: its drop takes its
/// entry off the stack of the thread that runs the drop, which must be the
/// thread that entered.
#[derive(Debug)]
pub struct NestedConnection<'a> {
    stream: TcpStream,
    port: u16,
    owner: &'a NestedLazyConnection,
    /// Neither `Send` nor `Sync`, as in [`Connection`].
    _this_thread: PhantomData<*const ()>,
}

impl NestedConnection<'_> {
    /// The connection's local port: what tells two connections apart.
    pub fn port(&self) -> u16 {
        self.port
    }
}

impl Deref for NestedConnection<'_> {
    type Target = TcpStream;
    fn deref(&self) -> &TcpStream {
        &self.stream
    }
}

impl Drop for NestedConnection<'_> {
    fn drop(&mut self) {
        OPEN.with_borrow_mut(|open| {
            let Some(stack) = open.get_mut(&self.owner.id) else {
                return;
            };
            // Scopes unwind innermost first, so this is normally the top of
            // the stack; `retain` also copes with an explicit early `drop`.
            stack.retain(|port| *port != self.port);
            if stack.is_empty() {
                open.remove(&self.owner.id);
            }
        });
    }
}
// ANCHOR_END: nested_connection
