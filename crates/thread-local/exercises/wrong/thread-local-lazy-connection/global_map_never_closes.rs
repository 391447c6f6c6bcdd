//! expect: closed when its thread ends
//! One connection per thread, kept in a global map keyed by `ThreadId`:
//! what you would write without `thread_local!`. The counts are right, but
//! nothing removes a thread's entry when the thread ends, so its connection
//! stays open for as long as the program runs. (Caught by the tests:
//! `each_thread_opens_one_connection_and_reuses_it`.)

use std::collections::HashMap;
use std::io::{self, BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::{Mutex, PoisonError};
use std::thread::{self, ThreadId};

/// Every thread's connection, by thread and server: one per thread, as
/// asked, but in a global map that outlives the threads.
static CONNECTIONS: Mutex<Option<HashMap<(ThreadId, SocketAddr), BufReader<TcpStream>>>> =
    Mutex::new(None);

/// Whether the calling thread has a connection to `server` open.
pub fn is_connected(server: SocketAddr) -> bool {
    let connections = CONNECTIONS.lock().unwrap_or_else(PoisonError::into_inner);
    connections
        .as_ref()
        .is_some_and(|map| map.contains_key(&(thread::current().id(), server)))
}

/// Sends `line` on this thread's entry in the global map.
pub fn request(server: SocketAddr, line: &str) -> io::Result<String> {
    let mut connections = CONNECTIONS.lock().unwrap_or_else(PoisonError::into_inner);
    let map = connections.get_or_insert_with(HashMap::new);
    let key = (thread::current().id(), server);
    if !map.contains_key(&key) {
        map.insert(key, BufReader::new(TcpStream::connect(server)?));
    }
    ask(map.get_mut(&key).expect("inserted above"), line)
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
