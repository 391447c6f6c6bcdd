//! [`Server`]: one thread accepts connections on `127.0.0.1` and hands each
//! to a handler, on a bounded [`ThreadPool`] or on a thread of its own
//! ([`Serving`]), counting how many run at once.

use std::io;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;

use crate::{JobError, ThreadPool};

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
    /// Connections accepted and handed on: to the pool, or to a thread of
    /// their own (counted too if that thread could not be started).
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
            Err(payload) => errors.push(JobError::Panicked(
                kit::panic_message(payload.as_ref()).to_owned(),
            )),
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
