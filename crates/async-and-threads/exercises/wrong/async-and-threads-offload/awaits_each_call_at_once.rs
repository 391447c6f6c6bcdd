//! expect: one after another
//! `call_blocking` is right, but `call_all_blocking` awaits each call as
//! soon as it is on the pool: the loop stays free, and still only one call
//! is ever in progress.

use tokio::task::spawn_blocking;

/// Runs the blocking function `f` on tokio's blocking pool and returns its
/// result, without holding the calling task's thread meanwhile.
pub async fn call_blocking<T, F>(f: F) -> T
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    match spawn_blocking(f).await {
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
    let mut results = Vec::new();
    for f in calls {
        results.push(call_blocking(f).await); // the next call waits for this one
    }
    results
}
