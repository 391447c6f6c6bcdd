//! expect: the loop stalled
//! Moves the call into a task of its own with `tokio::spawn`: it looks like
//! "somewhere else", but the task runs on the same one-thread loop, and the
//! blocking call holds it just the same.

/// Runs the blocking function `f` on tokio's blocking pool and returns its
/// result, without holding the calling task's thread meanwhile.
pub async fn call_blocking<T, F>(f: F) -> T
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    match tokio::spawn(async move { f() }).await {
        Ok(value) => value,
        Err(err) => std::panic::resume_unwind(err.into_panic()),
    }
}

/// Runs every call of `calls` on the blocking pool, all in progress at
/// once, and returns their results in the order of `calls`.
pub async fn call_all_blocking<T, F>(calls: Vec<F>) -> Vec<T>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    let handles: Vec<_> = calls
        .into_iter()
        .map(|f| tokio::spawn(async move { f() }))
        .collect();
    let mut results = Vec::new();
    for handle in handles {
        match handle.await {
            Ok(value) => results.push(value),
            Err(err) => std::panic::resume_unwind(err.into_panic()),
        }
    }
    results
}
