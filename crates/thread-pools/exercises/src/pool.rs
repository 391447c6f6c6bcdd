//! # Exercise `thread-pools-shutdown`: a pool that cleans up after itself
//!
//! Read first, in book/src/thread-pools.md (`cargo xtask learn` prints the
//! link to the section): "Workers pull jobs from a channel".
//!
//! Build a `ThreadPool` of `size` worker threads on the lesson's
//! [`Channel`] (written for you in `src/workers.rs`):
//!
//! - `new(size)`: start `size` workers; each loops `while let Some(job) =
//!   jobs.recv() { job() }` and returns how many jobs it ran;
//! - `execute(job)`: box the job and send it down the channel;
//! - `shutdown(self)`: close the channel, join **every** worker, and report
//!   `Shutdown { workers_joined, jobs_run }`;
//! - `Drop`: the same, silently. When `drop` returns, every job already
//!   queued has run and **no worker thread is left alive**: the tests count
//!   the live workers (each one carries a guard that only a thread's exit
//!   drops).
//!
//! Python's recipe leaves daemon workers running until the program exits;
//! `with ThreadPoolExecutor(...)` joins them. Yours joins them too.
//!
//! Check it: `cargo xtask learn check thread-pools-shutdown`.

use std::fmt;
use std::io;

use crate::sync::{Arc, thread};
use crate::workers::{Channel, Job};

/// A fixed set of worker threads that run submitted jobs.
pub struct ThreadPool {
    // TODO: the shared channel of jobs (an `Arc<Channel<Job>>`), and the
    // workers' `JoinHandle`s (each worker returns how many jobs it ran).
    _todo: (),
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
        // TODO: refuse 0; one channel; `size` threads, each with a clone of
        // the `Arc`, each running the receive loop and returning its count.
        // `thread::Builder::new().spawn(..)` says `Err` where `thread::spawn`
        // would panic: build the pool first and push each worker, so that an
        // early return drops the pool, and its `Drop` joins those started.
        todo!("ThreadPool::new")
    }

    /// How many workers the pool has.
    pub fn size(&self) -> usize {
        // TODO
        todo!("ThreadPool::size")
    }

    /// Queues `job` for the next free worker.
    pub fn execute(&self, job: impl FnOnce() + Send + 'static) {
        // TODO: `Box::new(job)` is a `Job`; send it.
        todo!("ThreadPool::execute")
    }

    /// Finishes the queued jobs, joins every worker, and says what they did.
    pub fn shutdown(self) -> Shutdown {
        // TODO: close, then join each worker, adding up what they return.
        // (Share the code with `Drop`: `shutdown` takes `mut self`, and the
        // handles can be `drain`ed so that `Drop` afterwards finds none.)
        todo!("ThreadPool::shutdown")
    }
}

impl Drop for ThreadPool {
    fn drop(&mut self) {
        // TODO: close the channel, then join every worker.
        todo!("Drop for ThreadPool")
    }
}

impl fmt::Debug for ThreadPool {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ThreadPool").finish_non_exhaustive()
    }
}
