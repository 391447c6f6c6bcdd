//! The answer to `thread-local-lazy-connection`: one lazy connection per
//! thread. (The exercise and its task: crates/thread-local/exercises/src/lazy.rs.)

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::{self, BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpStream};

thread_local! {
    /// This thread's connections, one per server, opened on first use. A
    /// thread's values are dropped when it exits: each `TcpStream` closes
    /// then, before `join` returns.
    static CONNECTIONS: RefCell<HashMap<SocketAddr, BufReader<TcpStream>>> =
        RefCell::new(HashMap::new());
}

/// Whether the calling thread has a connection to `server` open.
pub fn is_connected(server: SocketAddr) -> bool {
    CONNECTIONS.with_borrow(|connections| connections.contains_key(&server))
}

/// Sends `line` to `server` on the calling thread's connection, opening it
/// on the thread's first request, and returns the server's reply (without
/// its newline).
pub fn request(server: SocketAddr, line: &str) -> io::Result<String> {
    CONNECTIONS.with_borrow_mut(|connections| {
        let connection = match connections.entry(server) {
            std::collections::hash_map::Entry::Occupied(entry) => entry.into_mut(),
            std::collections::hash_map::Entry::Vacant(entry) => {
                entry.insert(BufReader::new(TcpStream::connect(server)?))
            }
        };
        let reply = ask(connection, line);
        if reply.is_err() {
            // A broken connection is not kept: the next request opens anew.
            connections.remove(&server);
        }
        reply
    })
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
