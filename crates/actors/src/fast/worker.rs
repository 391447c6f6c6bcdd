//! [`FastWorker`] and its [`FastHandle`]: the [`Worker`](crate::Worker)'s
//! API and behaviour (same `submit`, same answers, same panic reports) on
//! two `Handoff`s (`handoff.rs`), one for the mailbox and one per job's
//! outcome. The two `Slot`s they hold are here: `Jobs`, the mailbox's queue
//! and closed flag, and `Outcome`, one job's result until the caller takes
//! it.

use std::fmt;
use std::panic::{self, AssertUnwindSafe};

use kit::panic_message;
use kit::sync::{Arc, thread};

use super::handoff::{Counters, Handoff, HandoffCounts, Slot, Tuning};
use crate::actor::ActorPanicked;
use crate::mailbox::Closed;
use crate::result::JobError;

/// The worker's mailbox: jobs in order, and a closed flag.
struct Jobs {
    queue: std::collections::VecDeque<Job>,
    closed: bool,
}

impl Slot for Jobs {
    /// `None`: closed and empty, the end.
    type Out = Option<Job>;
    fn take(&mut self) -> Option<Option<Job>> {
        match self.queue.pop_front() {
            Some(job) => Some(Some(job)),
            None if self.closed => Some(None),
            None => None,
        }
    }
    fn is_ready(&self) -> bool {
        self.closed || !self.queue.is_empty()
    }
}

/// One job's outcome, until the caller takes it.
struct Outcome<T>(Option<Result<T, JobError>>);

impl<T> Slot for Outcome<T> {
    type Out = Result<T, JobError>;
    fn take(&mut self) -> Option<Self::Out> {
        self.0.take()
    }
    fn is_ready(&self) -> bool {
        self.0.is_some()
    }
}

type Job = Box<dyn FnOnce() + Send>;

// ANCHOR: fast_worker
/// The [`Worker`](crate::Worker), with both hand-offs waking only a sleeper: same
/// `submit`, same answers, same panic reports; fewer wake-ups.
///
/// ```
/// use actors::{FastWorker, Tuning};
///
/// let worker = FastWorker::spawn("fast", Tuning::FAST);
/// let eight = worker.submit(|| 2_i32.pow(3)).unwrap();
/// assert_eq!(eight.result(), Ok(8));
/// let counts = worker.result_counts();
/// assert_eq!(counts.taken, 1);
/// assert_eq!(counts.notified_nobody, 0); // never a wasted wake-up
/// worker.join().unwrap();
/// ```
pub struct FastWorker {
    name: String,
    jobs: Arc<Handoff<Jobs>>,
    tuning: Tuning,
    result_counters: Arc<Counters>,
    /// `Some` until [`join`](FastWorker::join) or `drop` joins it.
    thread: Option<thread::JoinHandle<()>>,
}

/// What [`FastWorker::submit`] returns: [`result`](FastHandle::result)
/// waits for the job's outcome.
pub struct FastHandle<T> {
    outcome: Arc<Handoff<Outcome<T>>>,
}
// ANCHOR_END: fast_worker

/// The job's side of a [`FastHandle`]: delivers once; dropped undelivered,
/// it delivers [`JobError::NotRun`].
struct FastPromise<T> {
    outcome: Option<Arc<Handoff<Outcome<T>>>>,
}

impl<T> FastPromise<T> {
    fn deliver(&mut self, result: Result<T, JobError>) {
        if let Some(outcome) = self.outcome.take() {
            let delivered: Result<(), ()> = outcome.put(|slot| {
                slot.0 = Some(result);
                Ok(())
            });
            debug_assert!(delivered.is_ok());
        }
    }
}

impl<T> Drop for FastPromise<T> {
    fn drop(&mut self) {
        self.deliver(Err(JobError::NotRun));
    }
}

impl<T> FastHandle<T> {
    /// Waits for the job's outcome: the value, or why there is none.
    pub fn result(self) -> Result<T, JobError> {
        self.outcome.take()
    }
}

impl FastWorker {
    /// Starts a worker on a new thread called `name`, its hand-offs tuned
    /// by `tuning`.
    ///
    /// # Panics
    ///
    /// If the operating system cannot start a thread.
    pub fn spawn(name: &str, tuning: Tuning) -> Self {
        let jobs = Arc::new(Handoff::new(
            Jobs {
                queue: std::collections::VecDeque::new(),
                closed: false,
            },
            tuning,
            Arc::default(),
        ));
        let thread = thread::Builder::new()
            .name(name.to_owned())
            .spawn({
                let jobs = Arc::clone(&jobs);
                move || {
                    // However the thread ends, the mailbox closes and the
                    // jobs left in it are dropped, each telling its waiter
                    // `NotRun`.
                    let _on_exit = CloseOnExit(Arc::clone(&jobs));
                    while let Some(job) = jobs.take() {
                        job();
                    }
                }
            })
            .expect("the operating system can start a thread");
        Self {
            name: name.to_owned(),
            jobs,
            tuning,
            result_counters: Arc::default(),
            thread: Some(thread),
        }
    }

    /// Sends `f` to the worker and returns a handle to its result; refused
    /// with [`Closed`] once the worker is closed or has ended.
    pub fn submit<T, F>(&self, f: F) -> Result<FastHandle<T>, Closed>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let outcome = Arc::new(Handoff::new(
            Outcome(None),
            self.tuning,
            Arc::clone(&self.result_counters),
        ));
        let mut promise = FastPromise {
            outcome: Some(Arc::clone(&outcome)),
        };
        let job: Job = Box::new(move || {
            // As the `Worker`'s `run_and_report`: a panic is told to the
            // waiter, then goes on unwinding to end the worker.
            match panic::catch_unwind(AssertUnwindSafe(f)) {
                Ok(value) => promise.deliver(Ok(value)),
                Err(payload) => {
                    promise.deliver(Err(JobError::Panicked(panic_message(&*payload).to_owned())));
                    panic::resume_unwind(payload);
                }
            }
        });
        self.jobs.put(|jobs| {
            if jobs.closed {
                Err(Closed(()))
            } else {
                jobs.queue.push_back(job);
                Ok(())
            }
        })?;
        Ok(FastHandle { outcome })
    }

    /// Closes the worker's mailbox: jobs already submitted still run.
    pub fn close(&self) {
        let closed: Result<(), ()> = self.jobs.put(|jobs| {
            jobs.closed = true;
            Ok(())
        });
        debug_assert!(closed.is_ok());
    }

    /// Closes the worker, waits for the jobs already submitted, and reports
    /// whether a job panicked (which ended the worker).
    pub fn join(mut self) -> Result<(), ActorPanicked> {
        self.close();
        let thread = self
            .thread
            .take()
            .expect("only `join` and `drop` take the thread, and `join` consumes the worker");
        thread.join().map_err(|payload| ActorPanicked {
            actor: self.name.clone(),
            message: panic_message(&*payload).to_owned(),
        })
    }

    /// What the mailbox's hand-offs did so far (jobs taken by the worker).
    pub fn mailbox_counts(&self) -> HandoffCounts {
        self.jobs.counts()
    }

    /// What the result handles' hand-offs did so far (answers taken by
    /// callers).
    pub fn result_counts(&self) -> HandoffCounts {
        self.result_counters.read()
    }
}

/// A worker dropped without [`join`](FastWorker::join) is closed and joined
/// here; a panic it had is raised again, as [`Actor`](crate::Actor)'s drop
/// does, unless this thread is panicking already.
impl Drop for FastWorker {
    fn drop(&mut self) {
        let Some(thread) = self.thread.take() else {
            return; // joined already
        };
        self.close();
        if let Err(payload) = thread.join()
            && !std::thread::panicking()
        {
            panic!(
                "a worker was dropped without `join`, and it had panicked: {}",
                panic_message(&*payload)
            );
        }
    }
}

/// Closes the mailbox when the worker's thread ends, and drops what is left
/// in it outside the lock.
struct CloseOnExit(Arc<Handoff<Jobs>>);

impl Drop for CloseOnExit {
    fn drop(&mut self) {
        let left: Result<_, ()> = self.0.put(|jobs| {
            jobs.closed = true;
            Ok(std::mem::take(&mut jobs.queue))
        });
        drop(left);
    }
}

impl fmt::Debug for FastWorker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FastWorker")
            .field("name", &self.name)
            .field("tuning", &self.tuning)
            .finish_non_exhaustive()
    }
}

impl<T> fmt::Debug for FastHandle<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FastHandle").finish_non_exhaustive()
    }
}
