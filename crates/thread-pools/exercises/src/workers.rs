//! Written for you (no exercise here): the lesson's [`Channel`] and
//! [`Workers`], a finished pool that runs boxed jobs. The exercises
//! `thread-pools-handle` and `thread-pools-as-completed` submit their jobs
//! to it. (`thread-pools-shutdown` asks you to write a pool like it.)

use std::collections::VecDeque;
use std::fmt;

use crate::sync::{Arc, Condvar, Mutex, lock, thread, wait};

/// A queue that many threads send to and receive from; after [`close`]
/// it refuses sends but still hands out what is queued, and [`recv`]
/// returns `None` once it is closed *and* empty.
///
/// [`close`]: Channel::close
/// [`recv`]: Channel::recv
pub struct Channel<T> {
    state: Mutex<ChannelState<T>>,
    changed: Condvar,
}

struct ChannelState<T> {
    items: VecDeque<T>,
    closed: bool,
}

impl<T> Channel<T> {
    pub fn new() -> Channel<T> {
        Channel {
            state: Mutex::new(ChannelState {
                items: VecDeque::new(),
                closed: false,
            }),
            changed: Condvar::new(),
        }
    }

    /// Queues `item`, or hands it back if the channel is closed.
    pub fn send(&self, item: T) -> Result<(), T> {
        let mut state = lock(&self.state);
        if state.closed {
            return Err(item);
        }
        state.items.push_back(item);
        drop(state);
        self.changed.notify_one();
        Ok(())
    }

    /// The next item, waiting for one; `None` once closed and empty.
    pub fn recv(&self) -> Option<T> {
        let mut state = lock(&self.state);
        loop {
            if let Some(item) = state.items.pop_front() {
                return Some(item);
            }
            if state.closed {
                return None;
            }
            state = wait(&self.changed, state);
        }
    }

    /// Refuses later sends and wakes every waiting receiver.
    pub fn close(&self) {
        lock(&self.state).closed = true;
        self.changed.notify_all();
    }
}

impl<T> Default for Channel<T> {
    fn default() -> Channel<T> {
        Channel::new()
    }
}

impl<T> fmt::Debug for Channel<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = lock(&self.state);
        f.debug_struct("Channel")
            .field("queued", &state.items.len())
            .field("closed", &state.closed)
            .finish()
    }
}

/// A job: a closure run once, on a worker thread.
pub type Job = Box<dyn FnOnce() + Send + 'static>;

/// A finished pool: `size` workers take jobs from one [`Channel`]; dropping
/// it runs what is queued and joins every worker. A job that panics ends
/// its worker (nothing here catches the panic: that is the handle's job),
/// so a panic the handle lets through leaves the pool a worker short.
pub struct Workers {
    jobs: Arc<Channel<Job>>,
    threads: Vec<thread::JoinHandle<()>>,
}

impl Workers {
    /// Starts `size` workers.
    ///
    /// # Panics
    ///
    /// If `size` is 0, or the operating system cannot start a thread.
    pub fn new(size: usize) -> Workers {
        assert!(size > 0, "a pool needs at least one worker");
        let jobs: Arc<Channel<Job>> = Arc::new(Channel::new());
        let threads = (0..size)
            .map(|_| {
                let jobs = Arc::clone(&jobs);
                thread::spawn(move || {
                    while let Some(job) = jobs.recv() {
                        job();
                    }
                })
            })
            .collect();
        Workers { jobs, threads }
    }

    /// Queues `job` for the next free worker.
    pub fn execute(&self, job: Job) {
        if self.jobs.send(job).is_err() {
            unreachable!("the channel is closed only by drop, which needs the pool whole");
        }
    }
}

impl Drop for Workers {
    fn drop(&mut self) {
        self.jobs.close();
        for thread in self.threads.drain(..) {
            // `Err` if a job panicked out of its worker: already reported on
            // stderr, and the other workers still need joining.
            let _ = thread.join();
        }
    }
}

impl fmt::Debug for Workers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Workers")
            .field("size", &self.threads.len())
            .field("jobs", &self.jobs)
            .finish()
    }
}
