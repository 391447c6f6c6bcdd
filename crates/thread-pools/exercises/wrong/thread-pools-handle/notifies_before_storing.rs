//! expect: lost wake-up
//! The worker notifies *before* it stores the outcome: a waiter woken by
//! that notify looks, finds nothing, and sleeps again, and the store that
//! follows wakes nobody. (Caught by the loom model
//! `the_waiter_always_gets_the_value`, a deadlock; the tests hang on it
//! now and then.)

use std::fmt;
use std::panic::{self, AssertUnwindSafe};

use crate::panic_message;
use crate::sync::{Arc, Condvar, Mutex, lock, wait};
use crate::workers::Workers;

/// How a job can fail, as seen from its [`JobHandle`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobError<E> {
    /// The job returned `Err(e)`.
    Failed(E),
    /// The job panicked; this is the panic's message.
    Panicked(String),
}

/// The result of a submitted job, Python's `concurrent.futures.Future`.
#[must_use = "dropping a JobHandle throws away the job's result"]
pub struct JobHandle<T, E> {
    slot: Arc<Slot<T, E>>,
}

/// Where the worker leaves the outcome, and the Condvar its waiter sleeps on.
struct Slot<T, E> {
    outcome: Mutex<Option<Result<T, JobError<E>>>>,
    done: Condvar,
}

/// Queues `job` on `workers` and returns its handle at once.
pub fn submit<T, E, F>(workers: &Workers, job: F) -> JobHandle<T, E>
where
    F: FnOnce() -> Result<T, E> + Send + 'static,
    T: Send + 'static,
    E: Send + 'static,
{
    let slot = Arc::new(Slot {
        outcome: Mutex::new(None),
        done: Condvar::new(),
    });
    let for_worker = Arc::clone(&slot);
    workers.execute(Box::new(move || {
        // The panic stops here, on the worker: it becomes an outcome like
        // any other, and the worker goes on to its next job.
        let outcome = match panic::catch_unwind(AssertUnwindSafe(job)) {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(err)) => Err(JobError::Failed(err)),
            Err(payload) => Err(JobError::Panicked(panic_message(payload.as_ref()))),
        };
        // Wake the waiter, then hand it the outcome.
        for_worker.done.notify_all();
        *lock(&for_worker.outcome) = Some(outcome);
    }));
    JobHandle { slot }
}

impl<T, E> JobHandle<T, E> {
    /// Waits until the job has run, and returns what it returned; a panic in
    /// the job comes back as [`JobError::Panicked`].
    pub fn result(self) -> Result<T, JobError<E>> {
        let mut outcome = lock(&self.slot.outcome);
        loop {
            if let Some(outcome) = outcome.take() {
                return outcome;
            }
            outcome = wait(&self.slot.done, outcome);
        }
    }

    /// Whether the job has finished; never blocks.
    pub fn is_done(&self) -> bool {
        lock(&self.slot.outcome).is_some()
    }
}

impl<T, E> fmt::Debug for JobHandle<T, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JobHandle")
            .field("done", &self.is_done())
            .finish()
    }
}
