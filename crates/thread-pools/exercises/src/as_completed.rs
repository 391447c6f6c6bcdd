//! # Exercise `thread-pools-as-completed`: results as the jobs finish
//!
//! Read first, in book/src/thread-pools.md (`cargo xtask learn` prints the
//! link to the section): "`as_completed` yields results as they finish".
//!
//! The handle of `thread-pools-handle` is written out for you below, with
//! one more field in its slot: a `watcher`, where to announce that the job
//! has finished (a shared [`Channel`] of indices, and this handle's index).
//! Write the three pieces that use it:
//!
//! - `Slot::complete(outcome)`, called by the worker: store the outcome,
//!   wake the waiter, and if a watcher is registered, send it this index;
//! - `as_completed(handles)`: make the channel of indices and register
//!   every handle with it; a job that has **already** finished is announced
//!   at once instead (it will never call `complete` again);
//! - `AsCompleted::next`: the next index from the channel, and that
//!   handle's result; `None` once every handle has been yielded.
//!
//! Every handle comes out exactly once, in the order the jobs *finish*, not
//! the order they were submitted. The loom model
//! (`tests/as_completed_loom.rs`) races your registration against the
//! worker's `complete`.
//!
//! Check it: `cargo xtask learn check thread-pools-as-completed`.

use std::fmt;
use std::panic::{self, AssertUnwindSafe};

use crate::panic_message;
use crate::sync::{Arc, Condvar, Mutex, lock, wait};
use crate::workers::{Channel, Workers};

/// How a job can fail, as seen from its [`JobHandle`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobError<E> {
    /// The job returned `Err(e)`.
    Failed(E),
    /// The job panicked; this is the panic's message.
    Panicked(String),
}

/// The result of a submitted job (the handle of `thread-pools-handle`, with
/// a place for a watcher).
#[must_use = "dropping a JobHandle throws away the job's result"]
pub struct JobHandle<T, E> {
    slot: Arc<Slot<T, E>>,
}

struct Slot<T, E> {
    state: Mutex<SlotState<T, E>>,
    done: Condvar,
}

struct SlotState<T, E> {
    outcome: Option<Result<T, JobError<E>>>,
    /// Set by `as_completed`: where to announce that this job has finished,
    /// and under which index.
    watcher: Option<(Arc<Channel<usize>>, usize)>,
}

/// Queues `job` on `workers` and returns its handle at once.
pub fn submit<T, E, F>(workers: &Workers, job: F) -> JobHandle<T, E>
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
    workers.execute(Box::new(move || {
        let outcome = match panic::catch_unwind(AssertUnwindSafe(job)) {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(err)) => Err(JobError::Failed(err)),
            Err(payload) => Err(JobError::Panicked(panic_message(payload.as_ref()))),
        };
        for_worker.complete(outcome);
    }));
    JobHandle { slot }
}

impl<T, E> JobHandle<T, E> {
    /// Waits until the job has run, and returns what it returned.
    pub fn result(self) -> Result<T, JobError<E>> {
        let mut state = lock(&self.slot.state);
        loop {
            if let Some(outcome) = state.outcome.take() {
                return outcome;
            }
            state = wait(&self.slot.done, state);
        }
    }

    /// Whether the job has finished; never blocks.
    pub fn is_done(&self) -> bool {
        lock(&self.slot.state).outcome.is_some()
    }
}

impl<T, E> Slot<T, E> {
    /// Called once, by the worker, when the job has returned or panicked.
    fn complete(&self, outcome: Result<T, JobError<E>>) {
        // TODO: under the slot's lock, store the outcome and take the
        // watcher (both in one step: see `as_completed`); then notify
        // `done`; then, if there was a watcher, send it the index.
        todo!("Slot::complete")
    }
}

/// Yields each job's `(index, result)` as the job finishes, fastest first;
/// `index` is the handle's position in `handles`.
pub fn as_completed<T, E>(handles: impl IntoIterator<Item = JobHandle<T, E>>) -> AsCompleted<T, E> {
    // TODO: a shared `Channel<usize>`; for each handle, under its slot's
    // lock: finished already? send its index now. Not yet? leave
    // `Some((Arc::clone(&finished), index))` as its watcher. Then build the
    // iterator.
    todo!("as_completed")
}

/// The iterator [`as_completed`] returns.
pub struct AsCompleted<T, E> {
    handles: Vec<Option<JobHandle<T, E>>>,
    /// Indices of finished jobs, in the order they finished.
    finished: Arc<Channel<usize>>,
    remaining: usize,
}

impl<T, E> Iterator for AsCompleted<T, E> {
    type Item = (usize, Result<T, JobError<E>>);

    fn next(&mut self) -> Option<Self::Item> {
        // TODO: nothing left? `None`. Else the next finished index from
        // the channel, take that handle (`Option::take`), count it, and
        // return `(index, handle.result())`: it will not wait.
        todo!("AsCompleted::next")
    }
}

impl<T, E> fmt::Debug for JobHandle<T, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JobHandle")
            .field("done", &self.is_done())
            .finish()
    }
}

impl<T, E> fmt::Debug for AsCompleted<T, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AsCompleted")
            .field("remaining", &self.remaining)
            .finish()
    }
}
