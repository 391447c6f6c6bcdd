//! expect: one after another
//! Awaits each task right after spawning it: a task per future, but only
//! ever one in progress, so tasks that wait for their siblings wait for
//! ever. (Caught by `every_task_is_in_progress_at_once`, whose tasks meet
//! at a barrier.)

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
    let mut results = Vec::new();
    for future in futures {
        // Spawned, then awaited at once: the next task is spawned only when
        // this one has finished.
        match tokio::spawn(future).await {
            Ok(value) => results.push(value),
            Err(err) => std::panic::resume_unwind(err.into_panic()),
        }
    }
    results
}
