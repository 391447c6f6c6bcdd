//! The answer to `thread-pools-shutdown`: a pool whose drop finishes the
//! queued jobs and joins every worker. (The exercise and its task:
//! crates/thread-pools/exercises/src/pool.rs.)

use std::fmt;
use std::io;

use crate::sync::{Arc, thread};
use crate::workers::{Channel, Job};

/// A fixed set of worker threads that run submitted jobs.
pub struct ThreadPool {
    jobs: Arc<Channel<Job>>,
    /// Each worker returns how many jobs it ran.
    workers: Vec<thread::JoinHandle<usize>>,
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

/// What [`ThreadPool::shutdown`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Shutdown {
    /// Workers joined: every worker the pool started.
    pub workers_joined: usize,
    /// Jobs the workers ran, all together.
    pub jobs_run: usize,
}

impl ThreadPool {
    /// Starts `size` workers. `Err(PoolError::NoWorkers)` if `size` is 0;
    /// `Err(PoolError::Spawn(_))` if the operating system refuses a thread
    /// (the workers already started are then closed and joined).
    pub fn new(size: usize) -> Result<ThreadPool, PoolError> {
        if size == 0 {
            return Err(PoolError::NoWorkers);
        }
        let mut pool = ThreadPool {
            jobs: Arc::new(Channel::new()),
            workers: Vec::with_capacity(size),
        };
        for _ in 0..size {
            let jobs = Arc::clone(&pool.jobs);
            // On `Err`, `pool` is dropped on the way out: its `Drop` closes
            // the channel and joins the workers already started.
            let worker = thread::Builder::new()
                .spawn(move || work(&jobs))
                .map_err(PoolError::Spawn)?;
            pool.workers.push(worker);
        }
        Ok(pool)
    }

    /// How many workers the pool has.
    pub fn size(&self) -> usize {
        self.workers.len()
    }

    /// Queues `job` for the next free worker.
    pub fn execute(&self, job: impl FnOnce() + Send + 'static) {
        if self.jobs.send(Box::new(job)).is_err() {
            unreachable!("the channel is closed only by shutdown, which needs the pool whole");
        }
    }

    /// Finishes the queued jobs, joins every worker, and says what they did.
    pub fn shutdown(mut self) -> Shutdown {
        self.close_and_join()
    }

    fn close_and_join(&mut self) -> Shutdown {
        // Close first: a worker leaves its loop only when `recv` says the
        // channel is closed and empty. Joining an open pool waits for ever.
        self.jobs.close();
        let mut report = Shutdown::default();
        for worker in self.workers.drain(..) {
            if let Ok(ran) = worker.join() {
                report.jobs_run += ran;
            }
            report.workers_joined += 1;
        }
        report
    }
}

/// A worker's life: run jobs until the channel is closed and empty.
fn work(jobs: &Channel<Job>) -> usize {
    let mut ran = 0;
    while let Some(job) = jobs.recv() {
        job();
        ran += 1;
    }
    ran
}

impl Drop for ThreadPool {
    fn drop(&mut self) {
        // After `shutdown` the list is empty, and this does nothing.
        self.close_and_join();
    }
}

impl fmt::Debug for ThreadPool {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ThreadPool")
            .field("size", &self.size())
            .finish()
    }
}
