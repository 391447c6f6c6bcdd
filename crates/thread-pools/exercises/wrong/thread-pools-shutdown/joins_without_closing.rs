//! expect: did not finish in 10 s
//! Shutdown joins the workers without closing the channel: each worker is
//! asleep in `recv` on an empty, open channel, waiting for a job that can no
//! longer come, and the join waits for the worker. (Caught by the tests:
//! every test that drops a pool hangs; the checker stops them at its limit.)

use std::fmt;

use crate::sync::{Arc, thread};
use crate::workers::{Channel, Job};

/// A fixed set of worker threads that run submitted jobs.
pub struct ThreadPool {
    jobs: Arc<Channel<Job>>,
    /// Each worker returns how many jobs it ran.
    workers: Vec<thread::JoinHandle<usize>>,
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
        assert!(size > 0, "a pool needs at least one worker");
        let jobs: Arc<Channel<Job>> = Arc::new(Channel::new());
        let workers = (0..size)
            .map(|_| {
                let jobs = Arc::clone(&jobs);
                thread::spawn(move || work(&jobs))
            })
            .collect();
        ThreadPool { jobs, workers }
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
        // Join every worker (they will stop when there is no more work).
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
