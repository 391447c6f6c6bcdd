//! # Exercise `async-tasks-gather`: a task per future, the results in order
//!
//! The answer. Every future is spawned before any is awaited, so all of
//! them are in progress together; the handles are awaited in the order they
//! were spawned, so each result lands at its own future's place. (Read the
//! exercise in `crates/async-tasks/exercises/src/gather.rs`.)

use std::future::Future;

/// Runs each future as a task of its own, all at once, and returns their
/// results in the order of `futures`. Call it from inside a tokio runtime.
///
/// # Panics
///
/// If a task panics: with that task's panic.
pub async fn gather<F>(futures: Vec<F>) -> Vec<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    // Fan out: every task exists before the first await below.
    let handles: Vec<_> = futures.into_iter().map(tokio::spawn).collect();
    // Fan in, in spawn order: each result at its own future's place.
    let mut results = Vec::with_capacity(handles.len());
    for handle in handles {
        match handle.await {
            Ok(value) => results.push(value),
            Err(err) if err.is_panic() => std::panic::resume_unwind(err.into_panic()),
            Err(err) => panic!("a gathered task was cancelled: {err}"),
        }
    }
    results
}
