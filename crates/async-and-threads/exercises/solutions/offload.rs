//! # Exercise `async-and-threads-offload`: blocking calls off the event loop
//!
//! The answer: `spawn_blocking` sends each call to a thread of tokio's
//! blocking pool, and the task awaits its `JoinHandle`, which gives the
//! loop's thread back until the call has returned.
//! (Read the exercise in `crates/async-and-threads/exercises/src/offload.rs`.)

use tokio::task::{JoinError, spawn_blocking};

/// Runs the blocking function `f` on tokio's blocking pool and returns its
/// result, without holding the calling task's thread meanwhile. Call it
/// from inside a tokio runtime.
///
/// # Panics
///
/// If `f` panics: with `f`'s panic.
pub async fn call_blocking<T, F>(f: F) -> T
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    spawn_blocking(f).await.unwrap_or_else(passed_on)
}

/// Runs every call of `calls` on the blocking pool, all in progress at
/// once, and returns their results in the order of `calls`.
///
/// # Panics
///
/// If a call panics: with its panic.
pub async fn call_all_blocking<T, F>(calls: Vec<F>) -> Vec<T>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    // Every call is on the pool before the first await.
    let handles: Vec<_> = calls.into_iter().map(spawn_blocking).collect();
    let mut results = Vec::with_capacity(handles.len());
    for handle in handles {
        results.push(handle.await.unwrap_or_else(passed_on));
    }
    results
}

/// A blocking call's panic, passed on as it was.
fn passed_on<T>(err: JoinError) -> T {
    if err.is_panic() {
        std::panic::resume_unwind(err.into_panic())
    }
    panic!("a blocking call was cancelled: {err}")
}
