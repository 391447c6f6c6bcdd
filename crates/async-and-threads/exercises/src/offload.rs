//! # Exercise `async-and-threads-offload`: blocking calls off the event loop
//!
//! Read first, in book/src/async-and-threads.md (`cargo xtask learn` prints
//! the link to the section): "A blocking call stalls the event loop" and
//! "spawn_blocking keeps the loop on time".
//!
//! Write [`call_blocking`]: async code needs the result of a function that
//! blocks (for instance [`blocking_lookup`](crate::blocking_lookup), which
//! sleeps in the kernel). Called right there, inside the task, it holds the
//! runtime's thread: on a one-thread runtime (asyncio's event loop) every
//! other task waits until it returns. Run it on tokio's *blocking pool*
//! instead, and await its result; the loop keeps running other tasks
//! meanwhile. Then [`call_all_blocking`]: several blocking calls, all in
//! progress at once on the pool, their results in call order.
//!
//! The tests run a ticker task that wants to wake every 10 ms beside your
//! call, and measure how late it woke. The traps: calling `f()` directly,
//! and `tokio::spawn(async move { f() })`, which is a task on the same loop:
//! both stall it.
//!
//! Check it: `cargo xtask learn check async-and-threads-offload`.

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
    // TODO: `tokio::task::spawn_blocking`, then `.await` its handle; pass a
    // panic on with `std::panic::resume_unwind(err.into_panic())`.
    todo!("call_blocking")
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
    // TODO: spawn every call first, keeping the handles; then await them in
    // order.
    todo!("call_all_blocking")
}
