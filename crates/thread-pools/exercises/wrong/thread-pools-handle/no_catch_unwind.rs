//! expect: did not finish in 10 s
//! The job runs bare, without `catch_unwind`: a panic unwinds out of the
//! closure, ends the worker thread, and never reaches the slot. Whoever
//! waits in `result()` sleeps for ever, and the pool is a worker short.
//! (Caught by the tests: `a_panic_comes_back_as_panicked_with_its_message`
//! and `the_worker_survives_a_panic_and_runs_the_next_job` hang; the checker
//! stops them at its limit.)

use std::fmt;
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
        // A job returns Ok or Err; that is all there is to store.
        let outcome = job().map_err(JobError::Failed);
        // Store under the lock, then wake: a waiter that looked and found
        // nothing is asleep by now (it held the lock until it slept).
        *lock(&for_worker.outcome) = Some(outcome);
        for_worker.done.notify_all();
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
