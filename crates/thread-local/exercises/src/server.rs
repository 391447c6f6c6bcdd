//! A tiny line server on 127.0.0.1, on a port the OS chooses: the tests'
//! stand-in for the cookbook's www.python.org. Not an exercise.
//!
//! For every line a client sends, it answers `<n> <line>`, where `n` counts
//! the requests on *that connection* from 1: two replies numbered 1 and 2
//! came through one connection, two replies both numbered 1 through two.
//! It counts from its side what the tests check: connections opened, and
//! connections the client closed (it read end-of-file).

use std::io::{self, BufRead, BufReader, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// What the server saw, once stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Report {
    /// Connections opened (every one a client made before `stop`).
    pub opened: u64,
    /// Requests answered.
    pub requests: u64,
}

#[derive(Debug, Default)]
struct Counts {
    opened: AtomicU64,
    closed: AtomicU64,
    requests: AtomicU64,
}

type Handlers = Vec<(TcpStream, JoinHandle<()>)>;

/// A running server; [`Server::stop`] (or drop) shuts it down and joins
/// every thread it started.
#[derive(Debug)]
pub struct Server {
    address: SocketAddr,
    stopping: Arc<AtomicBool>,
    counts: Arc<Counts>,
    acceptor: Option<JoinHandle<Handlers>>,
}

impl Server {
    /// Binds 127.0.0.1 on a port the OS chooses, and starts accepting.
    ///
    /// # Errors
    ///
    /// If no port can be bound.
    pub fn start() -> io::Result<Server> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        listener.set_nonblocking(true)?;
        let address = listener.local_addr()?;
        let stopping = Arc::new(AtomicBool::new(false));
        let counts = Arc::new(Counts::default());
        let acceptor = {
            let (stopping, counts) = (stopping.clone(), counts.clone());
            thread::spawn(move || accept_loop(&listener, &stopping, &counts))
        };
        Ok(Server {
            address,
            stopping,
            counts,
            acceptor: Some(acceptor),
        })
    }

    /// Where the server listens.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Waits until the server has seen at least `closed` connections closed
    /// by their clients, or until `limit`; returns how many it has seen.
    pub fn wait_for_closed(&self, closed: u64, limit: Duration) -> u64 {
        let deadline = Instant::now() + limit;
        loop {
            let seen = self.counts.closed.load(Ordering::SeqCst);
            if seen >= closed || Instant::now() >= deadline {
                return seen;
            }
            thread::sleep(Duration::from_millis(2));
        }
    }

    /// Stops accepting (after taking every connection already made), closes
    /// the connections clients left open, joins every thread, and reports.
    pub fn stop(mut self) -> Report {
        self.shut_down();
        Report {
            opened: self.counts.opened.load(Ordering::SeqCst),
            requests: self.counts.requests.load(Ordering::SeqCst),
        }
    }

    fn shut_down(&mut self) {
        let Some(acceptor) = self.acceptor.take() else {
            return;
        };
        self.stopping.store(true, Ordering::SeqCst);
        let handlers = acceptor.join().unwrap_or_default();
        for (stream, handler) in handlers {
            // A connection its client never closed: end it from our side.
            let _ = stream.shutdown(Shutdown::Both);
            let _ = handler.join();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shut_down();
    }
}

fn accept_loop(listener: &TcpListener, stopping: &AtomicBool, counts: &Arc<Counts>) -> Handlers {
    let mut handlers = Vec::new();
    loop {
        match listener.accept() {
            Ok((stream, _)) => {
                counts.opened.fetch_add(1, Ordering::SeqCst);
                let Ok(ours) = stream.try_clone() else {
                    continue; // dropped: the client sees the connection closed
                };
                let counts = counts.clone();
                let handler = thread::spawn(move || {
                    let _ = serve(stream, &counts);
                });
                handlers.push((ours, handler));
            }
            // Only once the backlog is empty: a connection a client made
            // before `stop` is always counted.
            Err(err) if err.kind() == io::ErrorKind::WouldBlock => {
                if stopping.load(Ordering::SeqCst) {
                    return handlers;
                }
                thread::sleep(Duration::from_millis(2));
            }
            Err(_) => thread::sleep(Duration::from_millis(2)),
        }
    }
}

fn serve(stream: TcpStream, counts: &Counts) -> io::Result<()> {
    stream.set_nonblocking(false)?;
    stream.set_nodelay(true)?;
    let mut reader = BufReader::new(&stream);
    let mut line = String::new();
    let mut n = 0u64;
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            counts.closed.fetch_add(1, Ordering::SeqCst);
            return Ok(());
        }
        n += 1;
        // One write per reply (see `ask`).
        (&stream).write_all(format!("{n} {}\n", line.trim_end()).as_bytes())?;
        counts.requests.fetch_add(1, Ordering::SeqCst);
    }
}
