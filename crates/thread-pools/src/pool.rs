//! Step 2, [`ThreadPool`]: a fixed number of worker threads, each running
//! a loop that takes a boxed job from the pool's [`Channel`] and runs it,
//! until the channel is closed and empty; [`Shutdown`], what closing the
//! pool did; [`PoolError`], why a pool could not be made. Submitting a job
//! and getting its result back is step 3, in `handle.rs`.

use std::fmt;
use std::io;

use kit::sync::{Arc, thread};

use crate::channel::Channel;

// ANCHOR: pool
/// A job as the workers see it: any closure they can run once, on another
/// thread. `submit` wraps the caller's closure into one of these.
pub(crate) type Job = Box<dyn FnOnce() + Send + 'static>;

/// A fixed set of worker threads that run submitted jobs, Python's
/// `ThreadPoolExecutor(max_workers=size)`.
///
/// At most `size` jobs run at once; the rest wait in the pool's channel.
///
/// **Shutdown.** Dropping the pool, or calling [`shutdown`](Self::shutdown),
/// closes the channel, **finishes every job already queued** (nothing
/// submitted is thrown away), and **joins every worker** before returning:
/// when `drop` returns, no thread of the pool is left running. (Python's
/// `with ThreadPoolExecutor(...)` does the same; `shutdown(cancel_futures=True)`
/// would discard the queue, which this pool never does.) No job can be
/// submitted after that: `submit` borrows the pool, and drop needs it whole.
/// (So do not hand a job an `Arc` of its own pool: if the job held the last
/// one, a worker would end up waiting to join itself.)
///
/// ```
/// use std::convert::Infallible;
/// use thread_pools::{Shutdown, ThreadPool};
///
/// let pool = ThreadPool::new(2).expect("two workers");
/// for n in 0..5 {
///     let _ = pool.submit(move || Ok::<_, Infallible>(n * n));
/// }
/// // Whatever was still queued runs before the workers are joined.
/// assert_eq!(pool.shutdown(), Shutdown { workers_joined: 2, jobs_run: 5 });
/// ```
pub struct ThreadPool {
    pub(crate) jobs: Arc<Channel<Job>>,
    /// Each worker returns how many jobs it ran.
    workers: Vec<thread::JoinHandle<usize>>,
}

impl ThreadPool {
    /// Starts `size` workers, named `pool-worker-0`, `pool-worker-1`, ...
    pub fn new(size: usize) -> Result<ThreadPool, PoolError> {
        if size == 0 {
            return Err(PoolError::NoWorkers);
        }
        let mut pool = ThreadPool {
            jobs: Arc::new(Channel::new()),
            workers: Vec::with_capacity(size),
        };
        for id in 0..size {
            let jobs = Arc::clone(&pool.jobs);
            let worker = thread::Builder::new()
                .name(format!("pool-worker-{id}"))
                .spawn(move || work(&jobs))
                // On `?`, `pool` is dropped: the workers already started are
                // shut down and joined, not leaked.
                .map_err(PoolError::Spawn)?;
            pool.workers.push(worker);
        }
        Ok(pool)
    }

    /// How many workers the pool has.
    pub fn size(&self) -> usize {
        self.workers.len()
    }
}

/// A worker's whole life: take the next job, run it, repeat; stop when the
/// channel is closed and empty. Jobs cannot panic out of here: `submit`
/// wraps each one in `catch_unwind`.
fn work(jobs: &Channel<Job>) -> usize {
    let mut ran = 0;
    while let Some(job) = jobs.recv() {
        job();
        ran += 1;
    }
    ran
}
// ANCHOR_END: pool

// ANCHOR: shutdown
/// What [`ThreadPool::shutdown`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Shutdown {
    /// Workers joined: every worker the pool started.
    pub workers_joined: usize,
    /// Jobs the workers ran, all together, over the pool's life.
    pub jobs_run: usize,
}

impl ThreadPool {
    /// Closes the pool: finishes the queued jobs, joins every worker, and
    /// reports what they did. Dropping the pool does the same, silently.
    pub fn shutdown(mut self) -> Shutdown {
        self.close_and_join()
    }

    fn close_and_join(&mut self) -> Shutdown {
        self.jobs.close();
        let mut report = Shutdown::default();
        for worker in self.workers.drain(..) {
            let _joining = trace::waiting(trace::Wait::Join, "join"); // for the pictures
            // `join` returns `Err` only if the worker panicked, and it cannot:
            // every job runs under `catch_unwind`.
            if let Ok(ran) = worker.join() {
                report.jobs_run += ran;
            }
            report.workers_joined += 1;
        }
        report
    }
}

impl Drop for ThreadPool {
    fn drop(&mut self) {
        self.close_and_join();
    }
}
// ANCHOR_END: shutdown

impl fmt::Debug for ThreadPool {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ThreadPool")
            .field("size", &self.size())
            .field("jobs", &self.jobs)
            .finish()
    }
}

/// Why a pool could not be made.
#[derive(Debug)]
pub enum PoolError {
    /// A pool of zero workers would accept jobs and never run them.
    NoWorkers,
    /// The operating system refused to start a worker thread.
    Spawn(io::Error),
}

impl fmt::Display for PoolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PoolError::NoWorkers => write!(f, "a pool needs at least one worker"),
            PoolError::Spawn(err) => write!(f, "could not start a worker thread: {err}"),
        }
    }
}

impl std::error::Error for PoolError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            PoolError::NoWorkers => None,
            PoolError::Spawn(err) => Some(err),
        }
    }
}

impl From<PoolError> for io::Error {
    fn from(err: PoolError) -> io::Error {
        match err {
            PoolError::Spawn(err) => err,
            PoolError::NoWorkers => io::Error::new(io::ErrorKind::InvalidInput, err),
        }
    }
}
