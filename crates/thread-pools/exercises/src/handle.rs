//! # Exercise `thread-pools-handle`: a result handle that brings back panics
//!
//! Read first, in book/src/thread-pools.md (`cargo xtask learn` prints the
//! link to the section): "`submit` returns a handle; errors and panics come
//! back".
//!
//! `submit(&workers, job)` queues `job` on a finished pool ([`Workers`], in
//! `src/workers.rs`) and returns a [`JobHandle`] at once, Python's `Future`:
//!
//! - `handle.result()` waits until the job has run and returns `Ok(value)`,
//!   `Err(JobError::Failed(e))` if the job returned `Err(e)`, or
//!   `Err(JobError::Panicked(message))` if it **panicked**;
//! - `handle.is_done()` says whether it has finished, without waiting.
//!
//! A panic must not end the worker (the pool would lose a thread) nor leave
//! the waiter asleep for ever: run the job under `std::panic::catch_unwind`
//! and store whatever came out. [`panic_message`](crate::panic_message)
//! turns a panic's payload into its text.
//!
//! Check it: `cargo xtask learn check thread-pools-handle`.

use std::fmt;
use std::marker::PhantomData;
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
    // TODO: a share (`Arc`) of a slot that the worker fills: the outcome
    // (`Option<Result<T, JobError<E>>>`) behind a `Mutex`, and a `Condvar`
    // for `result` to sleep on.
    _todo: PhantomData<fn() -> (T, E)>,
}

/// Queues `job` on `workers` and returns its handle at once.
pub fn submit<T, E, F>(workers: &Workers, job: F) -> JobHandle<T, E>
where
    F: FnOnce() -> Result<T, E> + Send + 'static,
    T: Send + 'static,
    E: Send + 'static,
{
    // TODO: make the slot; send the worker a boxed closure that runs `job`
    // under `panic::catch_unwind(AssertUnwindSafe(job))`, turns what came
    // out into `Result<T, JobError<E>>`, stores it under the lock, and
    // wakes the waiter.
    todo!("submit")
}

impl<T, E> JobHandle<T, E> {
    /// Waits until the job has run, and returns what it returned; a panic in
    /// the job comes back as [`JobError::Panicked`].
    pub fn result(self) -> Result<T, JobError<E>> {
        // TODO: lock; loop { an outcome? take it and return it. else wait }.
        todo!("JobHandle::result")
    }

    /// Whether the job has finished; never blocks.
    pub fn is_done(&self) -> bool {
        // TODO
        todo!("JobHandle::is_done")
    }
}

impl<T, E> fmt::Debug for JobHandle<T, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JobHandle").finish_non_exhaustive()
    }
}
