//! # Exercise `async-tasks-gather`: a task per future, the results in order
//!
//! Read first, in book/src/async-tasks.md (`cargo xtask learn` prints the
//! link to the section): "The Game of Life, a task per cell", where
//! `simulate` spawns a task per cell and collects their answers.
//!
//! Write [`gather`], Python's `asyncio.gather` for tokio: run every future
//! of `futures` as a task of its own (`tokio::spawn`), *all of them in
//! progress at once*, and return their results in the order of `futures`,
//! whatever order the tasks finish in.
//!
//! The traps: awaiting each task right after spawning it runs them one
//! after another (a task that waits for its siblings then waits for ever),
//! and collecting the results as the tasks finish (a `JoinSet`, a channel)
//! loses the order. A task that panics: pass its panic on to the caller,
//! with its own message (`JoinError::into_panic`, `resume_unwind`).
//!
//! Check it: `cargo xtask learn check async-tasks-gather`.

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
    // TODO: spawn every future first (`tokio::spawn`), keeping the handles
    // in a `Vec`.
    // TODO: then await the handles in that order; a `JoinError` from a
    // panic: `std::panic::resume_unwind(err.into_panic())`.
    todo!("gather")
}
