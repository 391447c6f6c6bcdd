//! expect: one connection per thread
//! One connection in a global, shared by every thread behind a lock: it
//! works, but the threads take turns on it, their requests interleave on
//! one socket, and nothing closes it when a thread ends. (Caught by the
//! tests: `each_thread_opens_one_connection_and_reuses_it`.)

use std::io::{self, BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::{Mutex, PoisonError};

/// One connection for the whole program, shared by every thread.
static CONNECTION: Mutex<Option<(SocketAddr, BufReader<TcpStream>)>> = Mutex::new(None);

/// Whether the calling thread has a connection to `server` open.
pub fn is_connected(server: SocketAddr) -> bool {
    let connection = CONNECTION.lock().unwrap_or_else(PoisonError::into_inner);
    matches!(&*connection, Some((address, _)) if *address == server)
}

/// Sends `line` on the shared connection, opening it first if needed.
pub fn request(server: SocketAddr, line: &str) -> io::Result<String> {
    let mut connection = CONNECTION.lock().unwrap_or_else(PoisonError::into_inner);
    let open = matches!(&*connection, Some((address, _)) if *address == server);
    if !open {
        *connection = Some((server, BufReader::new(TcpStream::connect(server)?)));
    }
    let (_, stream) = connection.as_mut().expect("opened above");
    ask(stream, line)
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
