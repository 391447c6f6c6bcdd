//! Cookbook 12.7's echo handler and client, and [`echo_burst`]: many
//! clients at once against a [`Server`](super::Server), held at a gate so
//! that they really are connected together (`an_echo_server_on_a_bounded_pool`,
//! in `main.rs`).

use std::io::{self, Read, Write};
use std::net::{Shutdown as Close, SocketAddr, TcpStream};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use crate::Gauge;

use super::{IO_TIMEOUT, Server, ServerReport, Serving};

// ANCHOR: echo
/// Cookbook 12.7's `echo_client` handler: sends back everything it receives
/// until the client closes its side. Returns the number of bytes echoed.
pub fn echo(stream: TcpStream) -> io::Result<u64> {
    stream.set_read_timeout(Some(IO_TIMEOUT))?;
    stream.set_write_timeout(Some(IO_TIMEOUT))?;
    let mut reader = stream.try_clone()?;
    let mut writer = stream;
    io::copy(&mut reader, &mut writer)
}

/// Connects to `addr`, sends `message`, closes the sending side (so the
/// server sees the end), and returns everything the server sent back.
///
/// It sends everything before reading anything, so the echo has to fit in
/// the sockets' buffers meanwhile: fine for messages up to tens of KiB. (A
/// client for bigger ones would read on one thread while writing on another,
/// or the two sides would deadlock, each waiting for the other to read.)
pub fn echo_client(addr: SocketAddr, message: &[u8]) -> io::Result<Vec<u8>> {
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(IO_TIMEOUT))?;
    stream.write_all(message)?;
    stream.shutdown(Close::Write)?;
    let mut reply = Vec::new();
    stream.read_to_end(&mut reply)?;
    Ok(reply)
}
// ANCHOR_END: echo

// ANCHOR: burst
/// What [`echo_burst`] saw.
#[derive(Debug)]
pub struct Burst {
    /// What each client sent: `hello from client <i>`.
    pub sent: Vec<Vec<u8>>,
    /// What each client got back, in client order.
    pub replies: Vec<io::Result<Vec<u8>>>,
    /// The most connections the server was handling at once.
    pub most_at_once: usize,
    /// The server's own report, after it shut down.
    pub report: ServerReport,
}

/// Starts a server (`serving`, running `handler`), sends `clients` echo
/// clients at it all at once, and measures how many connections it handles
/// at once.
///
/// So that the measure cannot come out low by luck, every connection the
/// server takes up is held at a gate until each of the `clients` is
/// accounted for: either being handled, or waiting in the queue while every
/// worker is busy. A pool of N ends up with N inside and the rest queued; a
/// server with no bound has no queue, so it ends up with every one of them
/// inside. Then the gate opens and all finish.
pub fn echo_burst<H>(serving: Serving, clients: usize, handler: H) -> io::Result<Burst>
where
    H: Fn(TcpStream) -> io::Result<()> + Send + Sync + 'static,
{
    let inside = Arc::new(Gauge::new());
    let gate = Arc::new(Gate::default());
    let server = Server::start_with(serving, {
        let (inside, gate) = (Arc::clone(&inside), Arc::clone(&gate));
        move |stream| {
            let _inside = inside.enter();
            gate.wait();
            handler(stream)
        }
    })?;
    let addr = server.addr();
    let sent: Vec<Vec<u8>> = (0..clients)
        .map(|i| format!("hello from client {i}").into_bytes())
        .collect();
    let replies = thread::scope(|scope| {
        let running: Vec<_> = sent
            .iter()
            .map(|message| scope.spawn(move || echo_client(addr, message)))
            .collect();
        // Watching two counters until they say so: a few milliseconds of
        // 1 ms naps. If a client never got through, give up after
        // IO_TIMEOUT and open the gate anyway.
        let workers = match serving {
            Serving::Pool(workers) => workers,
            Serving::ThreadPerConnection => clients,
        };
        let accounted_for = || {
            let (now, queued) = (inside.now(), server.waiting());
            now + queued >= clients && (queued == 0 || now >= workers)
        };
        let deadline = Instant::now() + IO_TIMEOUT;
        while !accounted_for() && Instant::now() < deadline {
            thread::sleep(Duration::from_millis(1));
        }
        gate.open();
        running
            .into_iter()
            .map(|c| {
                c.join()
                    .unwrap_or_else(|_| Err(io::Error::other("client panicked")))
            })
            .collect()
    });
    let report = server.shutdown()?;
    Ok(Burst {
        sent,
        replies,
        most_at_once: inside.peak(),
        report,
    })
}

/// Holds whoever calls [`wait`](Gate::wait) until [`open`](Gate::open).
#[derive(Debug, Default)]
struct Gate {
    open: Mutex<bool>,
    opened: Condvar,
}

impl Gate {
    fn wait(&self) {
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        while !*open {
            open = self
                .opened
                .wait(open)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    fn open(&self) {
        *self.open.lock().unwrap_or_else(PoisonError::into_inner) = true;
        self.opened.notify_all();
    }
}
// ANCHOR_END: burst
