//! The answer to `thread-pools-as-completed`: results in the order the jobs
//! finish, each exactly once. (The exercise and its task:
//! crates/thread-pools/exercises/src/as_completed.rs.)

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
        // Store and take the watcher in one step under the lock: either
        // `as_completed` registered before this (we announce) or it will
        // look after this and find the outcome (it announces).
        let watcher = {
            let mut state = lock(&self.state);
            state.outcome = Some(outcome);
            state.watcher.take()
        };
        self.done.notify_all();
        if let Some((finished, index)) = watcher {
            // Nobody closes that channel, so the send cannot be refused.
            let _ = finished.send(index);
        }
    }
}

/// Yields each job's `(index, result)` as the job finishes, fastest first;
/// `index` is the handle's position in `handles`.
pub fn as_completed<T, E>(handles: impl IntoIterator<Item = JobHandle<T, E>>) -> AsCompleted<T, E> {
    let finished = Arc::new(Channel::new());
    let handles: Vec<JobHandle<T, E>> = handles.into_iter().collect();
    for (index, handle) in handles.iter().enumerate() {
        // The look and the registration under one lock: the job cannot
        // finish in between, so no index is lost or announced twice.
        let mut state = lock(&handle.slot.state);
        if state.outcome.is_some() {
            drop(state);
            let _ = finished.send(index);
        } else {
            state.watcher = Some((Arc::clone(&finished), index));
        }
    }
    AsCompleted {
        remaining: handles.len(),
        handles: handles.into_iter().map(Some).collect(),
        finished,
    }
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
        if self.remaining == 0 {
            return None;
        }
        let index = self.finished.recv()?;
        let handle = self.handles.get_mut(index)?.take()?;
        self.remaining -= 1;
        // That job has finished: this does not wait.
        Some((index, handle.result()))
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
