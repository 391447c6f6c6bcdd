//! Step 3, [`JobHandle`]: what [`ThreadPool::submit`] returns, Python's
//! `Future`. Its [`result`](JobHandle::result) blocks until the job has run;
//! an error *or a panic* in the job comes back as a [`JobError`], and the
//! worker that ran it carries on with the next job.

use std::fmt;
use std::panic::{self, AssertUnwindSafe};

use crate::channel::Channel;
use crate::pool::{Job, ThreadPool};
use kit::sync::{Arc, Condvar, Mutex, lock, wait};

// ANCHOR: handle
/// How a job can fail, as seen from its [`JobHandle`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobError<E> {
    /// The job returned `Err(e)`: Python's "the function raised".
    Failed(E),
    /// The job panicked; this is the panic's message. The worker survived.
    Panicked(String),
}

/// The result of a submitted job, Python's `concurrent.futures.Future`.
#[must_use = "dropping a JobHandle throws away the job's result and its error"]
pub struct JobHandle<T, E> {
    pub(crate) slot: Arc<Slot<T, E>>,
}

/// Where the worker leaves a job's outcome for its handle: a `Mutex` for the
/// outcome, a `Condvar` to wake whoever waits for it.
pub(crate) struct Slot<T, E> {
    pub(crate) state: Mutex<SlotState<T, E>>,
    done: Condvar,
}

pub(crate) struct SlotState<T, E> {
    pub(crate) outcome: Option<Result<T, JobError<E>>>,
    /// Set by `as_completed`: where to announce that this job has finished.
    pub(crate) watcher: Option<(Arc<Channel<usize>>, usize)>,
}

impl<T, E> JobHandle<T, E> {
    /// Waits until the job has run, and returns what it returned; a panic in
    /// the job comes back as [`JobError::Panicked`].
    pub fn result(self) -> Result<T, JobError<E>> {
        let mut state = lock(&self.slot.state);
        loop {
            if let Some(outcome) = state.outcome.take() {
                return outcome;
            }
            state = wait(&self.slot.done, state);
        }
    }

    /// Whether the job has finished (Python's `future.done()`); never blocks.
    pub fn is_done(&self) -> bool {
        lock(&self.slot.state).outcome.is_some()
    }
}

impl<T, E> Slot<T, E> {
    /// Called once, by the worker, when the job has returned or panicked.
    fn complete(&self, outcome: Result<T, JobError<E>>) {
        let watcher = {
            let mut state = lock(&self.state);
            state.outcome = Some(outcome);
            state.watcher.take()
        };
        self.done.notify_all();
        if let Some((finished, index)) = watcher {
            // `as_completed` never closes its channel, so this cannot be refused.
            let _ = finished.send(index);
        }
    }
}
// ANCHOR_END: handle

// ANCHOR: submit
impl ThreadPool {
    /// Queues `job` to run on one of the workers, and returns its handle at
    /// once. The job returns `Result<T, E>`; its `Err` comes back from
    /// [`JobHandle::result`] as [`JobError::Failed`], and its panic as
    /// [`JobError::Panicked`].
    pub fn submit<T, E, F>(&self, job: F) -> JobHandle<T, E>
    where
        F: FnOnce() -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: Send + 'static,
    {
        let slot = Arc::new(Slot {
            state: Mutex::new(SlotState {
                outcome: None,
                watcher: None,
            }),
            done: Condvar::new(),
        });
        let for_worker = Arc::clone(&slot);
        let wrapped: Job = Box::new(move || {
            // `AssertUnwindSafe`: if `job` panics, whatever it captured is
            // dropped during the unwind and nobody sees it half-changed; state
            // it shares through a `Mutex` is marked poisoned by std.
            let outcome = match panic::catch_unwind(AssertUnwindSafe(job)) {
                Ok(Ok(value)) => Ok(value),
                Ok(Err(err)) => Err(JobError::Failed(err)),
                Err(payload) => Err(JobError::Panicked(
                    kit::panic_message(payload.as_ref()).to_owned(),
                )),
            };
            for_worker.complete(outcome);
        });
        if self.jobs.send(wrapped).is_err() {
            unreachable!("the channel is closed only by shutdown, which needs the pool whole");
        }
        JobHandle { slot }
    }
}

// ANCHOR_END: submit

impl<T, E> fmt::Debug for JobHandle<T, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JobHandle")
            .field("done", &self.is_done())
            .finish()
    }
}

impl<E: fmt::Display> fmt::Display for JobError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JobError::Failed(err) => write!(f, "failed: {err}"),
            JobError::Panicked(message) => write!(f, "panicked: {message}"),
        }
    }
}

impl<E: fmt::Debug + fmt::Display> std::error::Error for JobError<E> {}
