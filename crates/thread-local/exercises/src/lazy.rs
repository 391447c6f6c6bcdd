//! # Exercise `thread-local-lazy-connection`: one lazy connection per thread
//!
//! Read first, in book/src/thread-local.md (`cargo xtask learn` prints the
//! link to the section): "One lazy connection per thread", and "Destructors
//! run when a thread exits".
//!
//! Write [`request`]: send one line to `server` and return its reply, on the
//! *calling thread's own* connection to that server. The connection is lazy:
//! a thread that never calls `request` opens nothing; its first call opens
//! it, and every later call on that thread reuses it. Each thread has its
//! own (the cookbook's `threading.local()`), and it closes when its thread
//! ends, without anyone closing it by hand. And [`is_connected`]: whether
//! the calling thread has one open to `server`.
//!
//! Keep the connections in a `thread_local!`: one map per thread, from the
//! server's address to a `BufReader<TcpStream>` (a connection to each server
//! the thread talks to). A thread's values are dropped when the thread
//! exits, and dropping a `TcpStream` closes it. The tests' server counts,
//! from its side, the connections opened and closed.
//!
//! The protocol: write the line and a `\n`; read one line back (the server
//! answers `<n> <your line>`, `n` counting requests on this connection);
//! return it without its newline. [`ask`] does one such exchange for you.
//!
//! Check it: `cargo xtask learn check thread-local-lazy-connection`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::{self, BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpStream};

// TODO: a `thread_local!` holding this thread's connections:
// `RefCell<HashMap<SocketAddr, BufReader<TcpStream>>>`.

/// Whether the calling thread has a connection to `server` open.
pub fn is_connected(server: SocketAddr) -> bool {
    // TODO
    todo!("is_connected")
}

/// Sends `line` to `server` on the calling thread's connection, opening it
/// on the thread's first request, and returns the server's reply (without
/// its newline).
pub fn request(server: SocketAddr, line: &str) -> io::Result<String> {
    // TODO: borrow this thread's map mutably (`with_borrow_mut`); take the
    // connection for `server`, or connect (`TcpStream::connect`) and insert
    // it; then `ask`. If asking fails, drop the broken connection.
    todo!("request")
}

/// One request and its reply on `connection`.
pub fn ask(connection: &mut BufReader<TcpStream>, line: &str) -> io::Result<String> {
    // One write: a line sent in pieces waits for an acknowledgement between
    // them (Nagle), tens of milliseconds a request.
    connection
        .get_ref()
        .write_all(format!("{line}\n").as_bytes())?;
    let mut reply = String::new();
    if connection.read_line(&mut reply)? == 0 {
        return Err(io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "the server closed the connection",
        ));
    }
    Ok(reply.trim_end().to_owned())
}
