//! A tiny HTTP/1.0 server on 127.0.0.1 with an OS-chosen port: the lesson's
//! stand-in for the cookbook's www.python.org, so nothing leaves the machine.
//!
//! It answers every request with `200 OK` and a body naming the path asked
//! for, then waits for the client to close the connection, and counts what
//! it saw: the lesson checks its claims against these counts.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// How long a handler waits for a client that neither writes nor closes.
/// Only a bug in the lesson could use it up; it keeps `stop()` from hanging.
const IDLE_LIMIT: Duration = Duration::from_secs(5);

/// What the server saw, from its side of the sockets.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ServerReport {
    /// Connections accepted.
    pub accepted: u64,
    /// Requests answered.
    pub answered: u64,
    /// Connections whose client closed them (the server read end-of-file).
    pub closed_by_client: u64,
}

#[derive(Debug, Default)]
struct Counts {
    accepted: AtomicU64,
    answered: AtomicU64,
    closed_by_client: AtomicU64,
}

/// A running server. [`Server::stop`] shuts it down and reports.
#[derive(Debug)]
pub struct Server {
    address: SocketAddr,
    stopping: Arc<AtomicBool>,
    counts: Arc<Counts>,
    /// `None` once stopped: by `stop()`, or by `drop` on an early return.
    acceptor: Option<JoinHandle<Vec<JoinHandle<()>>>>,
}

impl Server {
    /// Binds 127.0.0.1 on a port the OS chooses, and starts accepting.
    pub fn start() -> io::Result<Server> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        listener.set_nonblocking(true)?;
        let address = listener.local_addr()?;
        let stopping = Arc::new(AtomicBool::new(false));
        let counts = Arc::new(Counts::default());
        let acceptor = {
            let (stopping, counts) = (stopping.clone(), counts.clone());
            thread::Builder::new()
                .name("server: accept".into()) // its lane in the chapter's picture
                .spawn(move || accept_loop(&listener, &stopping, &counts))?
        };
        Ok(Server {
            address,
            stopping,
            counts,
            acceptor: Some(acceptor),
        })
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Stops accepting, waits for every connection to finish, and reports.
    ///
    /// Every connection a client opened before `stop()` was called is
    /// counted: a finished `connect()` is already waiting in the listener's
    /// backlog, and the acceptor empties the backlog before it exits.
    pub fn stop(mut self) -> ServerReport {
        self.shut_down();
        ServerReport {
            accepted: self.counts.accepted.load(Ordering::SeqCst),
            answered: self.counts.answered.load(Ordering::SeqCst),
            closed_by_client: self.counts.closed_by_client.load(Ordering::SeqCst),
        }
    }

    fn shut_down(&mut self) {
        let Some(acceptor) = self.acceptor.take() else {
            return;
        };
        self.stopping.store(true, Ordering::SeqCst);
        let handlers = acceptor.join().unwrap_or_default();
        for handler in handlers {
            let _ = handler.join();
        }
    }
}

/// A server dropped without `stop()` (say, when `?` returns early) still
/// stops and joins its threads: none outlives its owner.
impl Drop for Server {
    fn drop(&mut self) {
        self.shut_down();
    }
}

/// Accepts until told to stop and the backlog is empty.
///
/// The listener is non-blocking and polled every few milliseconds: a
/// blocking `accept()` could only be woken by a connection of our own,
/// which would then have to be told apart from the clients'. For a test
/// server, a short sleep is the simpler honest answer.
fn accept_loop(
    listener: &TcpListener,
    stopping: &AtomicBool,
    counts: &Arc<Counts>,
) -> Vec<JoinHandle<()>> {
    let mut handlers = Vec::new();
    loop {
        match listener.accept() {
            Ok((stream, _peer)) => {
                counts.accepted.fetch_add(1, Ordering::SeqCst);
                let counts = counts.clone();
                handlers.push(thread::spawn(move || {
                    let _ = serve(stream, &counts);
                }));
            }
            Err(err) if err.kind() == io::ErrorKind::WouldBlock => {
                if stopping.load(Ordering::SeqCst) {
                    return handlers;
                }
                let _napping = trace::waiting(trace::Wait::Sleep, "2 ms between looks");
                thread::sleep(Duration::from_millis(2));
            }
            Err(_) => thread::sleep(Duration::from_millis(2)),
        }
    }
}

/// Answers one request, then waits for the client to close.
fn serve(stream: TcpStream, counts: &Counts) -> io::Result<()> {
    // Accepted sockets may inherit the listener's non-blocking mode.
    stream.set_nonblocking(false)?;
    stream.set_read_timeout(Some(IDLE_LIMIT))?;
    let connection = picture_id(&stream, TcpStream::peer_addr);
    let mut reader = BufReader::new(&stream);
    let mut request_line = String::new();
    let asked = {
        let _reading = trace::waiting(trace::Wait::Io, "read");
        reader.read_line(&mut request_line)?
    };
    if asked == 0 {
        // The client closed without asking anything: still a clean close.
        counts.closed_by_client.fetch_add(1, Ordering::SeqCst);
        return Ok(());
    }
    // Skip the headers, up to the blank line.
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        line.clear();
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("/");
    trace::flow_in("request", connection);
    trace::name_thread(format!("serves {path}"));
    let body = format!("you asked for {path}");
    write!(
        &stream,
        "HTTP/1.0 200 OK\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )?;
    counts.answered.fetch_add(1, Ordering::SeqCst);
    trace::flow_out("answer", connection);

    // The response says how long it is, so the client need not wait for us
    // to close; we wait for the client instead, to see that its guard did.
    if reader.read(&mut [0; 1])? == 0 {
        counts.closed_by_client.fetch_add(1, Ordering::SeqCst);
    }
    Ok(())
}

/// The chapter's picture draws a connection's request and answer as arrows
/// between the client's thread and the server's, matched by the client's
/// port: its local port (`local_addr`) on the client's side, the peer's
/// (`peer_addr`) on the server's. 0 when nothing is being recorded, without
/// asking the socket.
fn picture_id(stream: &TcpStream, port: fn(&TcpStream) -> io::Result<SocketAddr>) -> u64 {
    if !trace::on() {
        return 0;
    }
    port(stream).map_or(0, |address| address.port().into())
}

/// Sends `GET path` on `stream` and returns the response body.
pub fn get(mut stream: &TcpStream, path: &str) -> io::Result<String> {
    let connection = picture_id(stream, TcpStream::local_addr);
    write!(stream, "GET {path} HTTP/1.0\r\nHost: localhost\r\n\r\n")?;
    trace::flow_out("request", connection);
    let waiting = trace::waiting(trace::Wait::Io, "the answer");
    let body = read_response(stream)?;
    drop(waiting);
    trace::flow_in("answer", connection);
    Ok(body)
}

/// Reads one response (status line, headers, body of Content-Length bytes).
pub fn read_response(stream: &TcpStream) -> io::Result<String> {
    let mut reader = BufReader::new(stream);
    let mut length = 0;
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        if let Some(value) = line.strip_prefix("Content-Length:") {
            length = value
                .trim()
                .parse()
                .map_err(|_| io::Error::other("bad Content-Length"))?;
        }
        line.clear();
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    String::from_utf8(body).map_err(io::Error::other)
}
