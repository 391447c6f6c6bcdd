//! # Exercise `async-tasks-port`: a threaded line server, ported to tokio
//!
//! Read first, in book/src/async-tasks.md (`cargo xtask learn` prints the
//! link to the section): "Porting threaded I/O to async".
//!
//! [`crate::line_server::serve_with_threads`] is a server written with
//! threads and blocking sockets: it accepts `connections` connections and
//! serves each on a thread of its own, a line in, a line out, each
//! connection with a fresh [`Tally`]:
//!
//! ```text
//! pub fn serve_with_threads(listener: TcpListener, connections: usize)
//!     -> io::Result<Vec<ThreadId>>
//! {
//!     thread::scope(|scope| {
//!         let mut handles = Vec::new();
//!         for _ in 0..connections {
//!             let (stream, _) = listener.accept()?;
//!             handles.push(scope.spawn(move || serve_connection(stream)));
//!         }
//!         handles.into_iter().map(|h| h.join().expect("...")).collect()
//!     })
//! }
//!
//! fn serve_connection(stream: TcpStream) -> io::Result<ThreadId> {
//!     stream.set_read_timeout(Some(READ_TIMEOUT))?;
//!     let mut writer = stream.try_clone()?;
//!     let mut tally = Tally::default();
//!     for line in BufReader::new(stream).lines() {
//!         let reply = tally.reply(&line?);
//!         writer.write_all(format!("{reply}\n").as_bytes())?;
//!     }
//!     Ok(thread::current().id()) // the client hung up
//! }
//! ```
//!
//! Write [`serve_on_one_thread`], the port: the same server on tokio's
//! *one-thread* runtime, every connection a task on the thread that calls
//! it. The clients must see exactly what the threaded server would have
//! told them, and a client must be answered while another is still
//! connected: tasks overlap their waits as the threads did. `Tally` does no
//! I/O, so it moves over unchanged; only the loops that move lines do.
//!
//! The trap: an accept loop that serves (or awaits) each connection before
//! accepting the next serves one client at a time.
//!
//! Check it: `cargo xtask learn check async-tasks-port`.

use std::io;
use std::net::TcpListener;
use std::thread::ThreadId;

use crate::line_server::{READ_TIMEOUT, Tally};

/// Serves `connections` connections accepted on `listener` on a one-thread
/// tokio runtime built here, each connection a task with a fresh [`Tally`];
/// returns once every client has hung up, with the thread each connection
/// was served on (in the order they were accepted): all of them the
/// calling thread.
///
/// A connection silent for [`READ_TIMEOUT`] is an error, as in the
/// threaded version: once it has been silent that long, not twice as long
/// (the tests time it).
pub fn serve_on_one_thread(listener: TcpListener, connections: usize) -> io::Result<Vec<ThreadId>> {
    // TODO: a one-thread runtime (`Builder::new_current_thread()`, with I/O
    // and timers enabled), and `block_on` the rest.
    // TODO: the listener as tokio's (`set_nonblocking(true)`, then
    // `tokio::net::TcpListener::from_std`).
    // TODO: accept `connections` times, spawning a task per connection;
    // then await the tasks, in order.
    todo!("serve_on_one_thread")
}

// TODO: the per-connection loop, as an `async fn`: read a line (with a
// `tokio::time::timeout` of READ_TIMEOUT), reply with `Tally`, until the
// client hangs up; return `std::thread::current().id()`.
