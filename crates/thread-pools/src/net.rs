//! The lesson's own network: a TCP server whose connections are handled by a
//! [`ThreadPool`], an echo handler and client (Cookbook 12.7's echo server),
//! and just enough HTTP/1.1 to serve and fetch a few pages. Everything
//! listens on `127.0.0.1`, on a port the operating system picks.

use std::io::{self, Read, Write};
use std::net::{Shutdown as Close, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use crate::{Gauge, JobError, ThreadPool, panic_message};

/// No read or write on the lesson's sockets waits longer than this: a stuck
/// peer becomes an error, never a hang.
pub const IO_TIMEOUT: Duration = Duration::from_secs(5);

// ANCHOR: server
/// A server on `127.0.0.1`: one thread accepts connections and submits each
/// to a pool of `workers`, which run `handler` on it. At most `workers`
/// connections are handled at once; the others wait in the pool's queue.
///
/// ```
/// use thread_pools::net::{self, Server};
///
/// let server = Server::start(2, |stream| net::echo(stream).map(drop))?;
/// assert_eq!(net::echo_client(server.addr(), b"ping")?, b"ping");
/// let report = server.shutdown()?;
/// assert_eq!((report.connections, report.errors.len()), (1, 0));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct Server {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    /// Connections accepted that no thread has taken up yet.
    waiting: Arc<AtomicUsize>,
    accept_loop: Option<thread::JoinHandle<ServerReport>>,
}

/// Who runs a server's handlers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Serving {
    /// A pool of this many workers: at most that many connections are
    /// handled at once, the others wait in the pool's queue.
    Pool(usize),
    /// A new thread for every connection, with no bound: what the pool is
    /// there to prevent. The tests run it to show what "no bound" looks like.
    ThreadPerConnection,
}

/// What a server did, reported when it shuts down.
#[derive(Debug)]
pub struct ServerReport {
    /// Connections accepted and handed to the pool.
    pub connections: usize,
    /// The handler's errors and panics, one per failed connection.
    pub errors: Vec<JobError<io::Error>>,
}

impl Server {
    pub fn start<H>(workers: usize, handler: H) -> io::Result<Server>
    where
        H: Fn(TcpStream) -> io::Result<()> + Send + Sync + 'static,
    {
        Server::start_with(Serving::Pool(workers), handler)
    }

    /// A server whose handlers run as `serving` says.
    pub fn start_with<H>(serving: Serving, handler: H) -> io::Result<Server>
    where
        H: Fn(TcpStream) -> io::Result<()> + Send + Sync + 'static,
    {
        let pool = match serving {
            Serving::Pool(workers) => Some(ThreadPool::new(workers)?),
            Serving::ThreadPerConnection => None,
        };
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let addr = listener.local_addr()?;
        let stop = Arc::new(AtomicBool::new(false));
        let waiting = Arc::new(AtomicUsize::new(0));
        let accept_loop = thread::Builder::new().name("accept".into()).spawn({
            let (stop, waiting) = (Arc::clone(&stop), Arc::clone(&waiting));
            move || accept_loop(&listener, pool, handler, &stop, &waiting)
        })?;
        Ok(Server {
            addr,
            stop,
            waiting,
            accept_loop: Some(accept_loop),
        })
    }

    /// Connections accepted that are waiting for a worker to take them up.
    /// Always 0 for [`Serving::ThreadPerConnection`]: each connection has a
    /// thread of its own from the moment it is accepted.
    pub fn waiting(&self) -> usize {
        self.waiting.load(Ordering::Acquire)
    }

    /// Where the server listens.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops accepting, lets the pool finish every connection it has, and
    /// reports. `accept` cannot be interrupted, so after raising the stop
    /// flag we connect once ourselves to wake it.
    pub fn shutdown(mut self) -> io::Result<ServerReport> {
        self.stop_and_join()
    }

    fn stop_and_join(&mut self) -> io::Result<ServerReport> {
        let Some(accept_loop) = self.accept_loop.take() else {
            return Err(io::Error::other("the server was already shut down"));
        };
        self.stop.store(true, Ordering::Release);
        // If this connect failed, the accept loop would stay blocked: we
        // return the error and the thread is left behind, the one leak we
        // cannot prevent without non-blocking accepts.
        TcpStream::connect(self.addr)?;
        accept_loop
            .join()
            .map_err(|_| io::Error::other("the accept loop panicked"))
    }
}

fn accept_loop<H>(
    listener: &TcpListener,
    pool: Option<ThreadPool>,
    handler: H,
    stop: &AtomicBool,
    waiting: &Arc<AtomicUsize>,
) -> ServerReport
where
    H: Fn(TcpStream) -> io::Result<()> + Send + Sync + 'static,
{
    let handler = Arc::new(handler); // one handler, shared by every job
    let mut handles = Vec::new();
    let mut threads = Vec::new();
    let mut not_started = Vec::new();
    for stream in listener.incoming() {
        if stop.load(Ordering::Acquire) {
            break; // that was `shutdown`'s wake-up call
        }
        // A connection that failed before we accepted it is that client's
        // problem, not the server's: skip it and keep serving.
        let Ok(stream) = stream else { continue };
        let handler = Arc::clone(&handler);
        match &pool {
            Some(pool) => {
                waiting.fetch_add(1, Ordering::AcqRel);
                let waiting = Arc::clone(waiting);
                handles.push(pool.submit(move || {
                    waiting.fetch_sub(1, Ordering::AcqRel); // a worker took it up
                    handler(stream)
                }));
            }
            // No pool, no bound: a thread per connection, however many come.
            None => match thread::Builder::new().spawn(move || handler(stream)) {
                Ok(thread) => threads.push(thread),
                Err(err) => not_started.push(err), // the connection is dropped
            },
        }
    }
    // Every queued connection is still served: dropping the pool finishes
    // its queue and joins its workers. (A long-running server would collect
    // results as they come, with `as_completed`, instead of keeping handles.)
    drop(pool);
    let connections = handles.len() + threads.len() + not_started.len();
    let mut errors: Vec<JobError<io::Error>> = handles
        .into_iter()
        .filter_map(|h| h.result().err())
        .collect();
    errors.extend(not_started.into_iter().map(JobError::Failed));
    for thread in threads {
        match thread.join() {
            Ok(Ok(())) => {}
            Ok(Err(err)) => errors.push(JobError::Failed(err)),
            Err(payload) => errors.push(JobError::Panicked(panic_message(payload.as_ref()))),
        }
    }
    ServerReport {
        connections,
        errors,
    }
}
// ANCHOR_END: server

impl Drop for Server {
    fn drop(&mut self) {
        if self.accept_loop.is_some() {
            let _ = self.stop_and_join();
        }
    }
}

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

/// A few pages, served slowly: every response waits `delay` first, like a
/// backend that takes a while.
#[derive(Debug, Clone)]
pub struct Site {
    pub pages: Vec<(&'static str, &'static str)>,
    pub delay: Duration,
}

/// The longest request head the server reads.
const MAX_HEAD: usize = 8 * 1024;

/// Answers one HTTP/1.1 request on `stream` from `site`: `200` with the page,
/// `404` for a path it does not have, `400` for anything that is not a
/// `GET` request line.
pub fn serve_page(mut stream: TcpStream, site: &Site) -> io::Result<()> {
    stream.set_read_timeout(Some(IO_TIMEOUT))?;
    stream.set_write_timeout(Some(IO_TIMEOUT))?;
    let head = read_head(&mut stream)?;
    let (status, body) = match request_path(&head) {
        Some(path) => match site.pages.iter().find(|(p, _)| *p == path) {
            Some((_, page)) => ("200 OK", *page),
            None => ("404 Not Found", "no such page\n"),
        },
        None => ("400 Bad Request", "bad request\n"),
    };
    thread::sleep(site.delay);
    let response = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(response.as_bytes())
}

/// Reads up to the blank line that ends a request head.
fn read_head(stream: &mut TcpStream) -> io::Result<String> {
    let mut head = Vec::new();
    let mut buf = [0; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        if head.len() > MAX_HEAD {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "request head too long",
            ));
        }
        let n = stream.read(&mut buf)?;
        if n == 0 {
            break; // the client stopped sending; parse what we have
        }
        head.extend_from_slice(&buf[..n]);
    }
    Ok(String::from_utf8_lossy(&head).into_owned())
}

/// `/about` from `GET /about HTTP/1.1`; `None` for anything else.
fn request_path(head: &str) -> Option<&str> {
    let mut words = head.lines().next()?.split(' ');
    match (words.next(), words.next(), words.next()) {
        (Some("GET"), Some(path), Some(version))
            if path.starts_with('/') && version.starts_with("HTTP/1.") =>
        {
            Some(path)
        }
        _ => None,
    }
}

// ANCHOR: fetch
/// Why a page could not be fetched.
#[derive(Debug)]
pub enum FetchError {
    /// Connecting, sending or receiving failed (a refused connection, a timeout).
    Io(io::Error),
    /// The server answered, but not with `200 OK`.
    Status(u16),
    /// The server's answer was not an HTTP response we understand.
    Malformed,
}

/// Fetches `path` from the HTTP server at `addr` and returns the page's body.
///
/// ```
/// use std::time::Duration;
/// use thread_pools::net::{self, FetchError, Server, Site};
///
/// let site = Site { pages: vec![("/", "hello\n")], delay: Duration::ZERO };
/// let server = Server::start(1, move |stream| net::serve_page(stream, &site))?;
/// assert_eq!(net::fetch(server.addr(), "/").ok(), Some(b"hello\n".to_vec()));
/// assert!(matches!(net::fetch(server.addr(), "/nope"), Err(FetchError::Status(404))));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn fetch(addr: SocketAddr, path: &str) -> Result<Vec<u8>, FetchError> {
    let mut stream = TcpStream::connect(addr).map_err(FetchError::Io)?;
    stream
        .set_read_timeout(Some(IO_TIMEOUT))
        .map_err(FetchError::Io)?;
    // One `write_all` of the whole request: `write!` straight to the socket
    // would send it in pieces.
    let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    stream
        .write_all(request.as_bytes())
        .map_err(FetchError::Io)?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).map_err(FetchError::Io)?;
    parse_response(&response)
}
// ANCHOR_END: fetch

/// The body of a complete `200` response; the status of any other.
fn parse_response(response: &[u8]) -> Result<Vec<u8>, FetchError> {
    let split = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or(FetchError::Malformed)?;
    let head = std::str::from_utf8(&response[..split]).map_err(|_| FetchError::Malformed)?;
    let body = &response[split + 4..];
    let mut lines = head.split("\r\n");
    let status: u16 = match lines.next().map(|line| line.split(' ').collect::<Vec<_>>()) {
        Some(words) if words.len() >= 2 && words[0].starts_with("HTTP/1.") => {
            words[1].parse().map_err(|_| FetchError::Malformed)?
        }
        _ => return Err(FetchError::Malformed),
    };
    let length: Option<usize> = lines
        .filter_map(|line| line.split_once(':'))
        .find(|(name, _)| name.eq_ignore_ascii_case("content-length"))
        .map(|(_, value)| value.trim().parse().map_err(|_| FetchError::Malformed))
        .transpose()?;
    if length.is_some_and(|length| length != body.len()) {
        return Err(FetchError::Malformed); // cut short, or more than promised
    }
    if status == 200 {
        Ok(body.to_vec())
    } else {
        Err(FetchError::Status(status))
    }
}

/// Only the error's *kind* (`ConnectionRefused`), never the operating
/// system's wording of it, which differs between Linux and macOS.
impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FetchError::Io(err) => write!(f, "{:?}", err.kind()),
            FetchError::Status(status) => write!(f, "HTTP status {status}"),
            FetchError::Malformed => write!(f, "malformed HTTP response"),
        }
    }
}

impl std::error::Error for FetchError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            FetchError::Io(err) => Some(err),
            _ => None,
        }
    }
}

/// An address on `127.0.0.1` where nothing listens: we bind a port, note it,
/// and close the listener, so connecting there is refused.
pub fn refused_addr() -> io::Result<SocketAddr> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    listener.local_addr()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_paths_are_parsed_and_junk_refused() {
        assert_eq!(
            request_path("GET /about HTTP/1.1\r\nHost: x\r\n\r\n"),
            Some("/about")
        );
        assert_eq!(request_path("POST /about HTTP/1.1\r\n\r\n"), None);
        assert_eq!(request_path("GET about HTTP/1.1\r\n\r\n"), None);
        assert_eq!(request_path("GET /about\r\n\r\n"), None);
        assert_eq!(request_path(""), None);
    }

    #[test]
    fn responses_are_parsed_exactly() {
        let ok = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";
        assert_eq!(parse_response(ok).ok(), Some(b"hello".to_vec()));
        let missing = b"HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\nno";
        assert!(matches!(
            parse_response(missing),
            Err(FetchError::Status(404))
        ));
        let short = b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nhello";
        assert!(matches!(parse_response(short), Err(FetchError::Malformed)));
        assert!(matches!(
            parse_response(b"hello"),
            Err(FetchError::Malformed)
        ));
        assert!(matches!(
            parse_response(b"SMTP 200 OK\r\n\r\n"),
            Err(FetchError::Malformed)
        ));
    }
}
