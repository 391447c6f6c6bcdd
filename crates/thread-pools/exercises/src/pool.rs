//! # Exercise `thread-pools-shutdown`: a pool that cleans up after itself
//!
//! Read first: book/src/thread-pools.md, section 2, "Workers pull jobs from
//! a channel" (`thread-pools.md#2-workers-pull-jobs-from-a-channel`).
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

use crate::sync::{Arc, thread};
use crate::workers::{Channel, Job};

/// A fixed set of worker threads that run submitted jobs.
pub struct ThreadPool {
    // TODO: the shared channel of jobs (an `Arc<Channel<Job>>`), and the
    // workers' `JoinHandle`s (each worker returns how many jobs it ran).
    _todo: (),
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
    /// Starts `size` workers.
    ///
    /// # Panics
    ///
    /// If `size` is 0, or the operating system cannot start a thread.
    pub fn new(size: usize) -> ThreadPool {
        // TODO: one channel; `size` threads, each with a clone of the `Arc`,
        // each running the receive loop and returning its count.
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
