//! expect: the loop stalled
//! Calls the blocking function right there, inside the task: the right
//! answer, but the event loop's one thread is held for the whole call, and
//! the ticker beside it wakes hundreds of milliseconds late.

/// Runs the blocking function `f` on tokio's blocking pool and returns its
/// result, without holding the calling task's thread meanwhile.
pub async fn call_blocking<T, F>(f: F) -> T
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    f() // blocks the thread every other task of this runtime needs
}

/// Runs every call of `calls` on the blocking pool, all in progress at
/// once, and returns their results in the order of `calls`.
pub async fn call_all_blocking<T, F>(calls: Vec<F>) -> Vec<T>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    calls.into_iter().map(|f| f()).collect()
}
