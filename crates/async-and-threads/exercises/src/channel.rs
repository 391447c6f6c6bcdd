//! # Exercise `async-and-threads-channel`: a plain thread feeds a task
//!
//! Read first, in book/src/async-and-threads.md (`cargo xtask learn` prints
//! the link to the section): "A channel joins threads and a task".
//!
//! Write [`through_a_task`]: a plain thread (`std::thread::spawn`) sends
//! every item of `items` into a tokio `mpsc` channel of `capacity` with
//! `blocking_send`; a task on `runtime` takes them with `recv().await`,
//! applies `f` to each, and collects the answers; the function returns them
//! once the task has seen the channel close. Every item must arrive exactly
//! once, in order, and the function must return, with the thread joined.
//!
//! The traps: the task's `while let Some(..) = rx.recv().await` ends only
//! when every `Sender` is gone, so a sender kept alive outside the thread
//! keeps it waiting for ever. And on a one-thread runtime (what the tests
//! pass in) the task runs only while some thread is inside
//! `runtime.block_on`: join the feeder first, and it may block on a full
//! channel that nobody empties.
//!
//! Check it: `cargo xtask learn check async-and-threads-channel`.

use tokio::runtime::Runtime;

/// Sends `items` from a plain thread through a channel of `capacity` to a
/// task on `runtime`, which applies `f` to each; returns the task's
/// answers, in the order of `items`, once the channel has closed and the
/// thread has been joined.
///
/// # Panics
///
/// If `capacity` is 0 (tokio's channels need room for one item), or if
/// the thread or the task panics.
pub fn through_a_task<T, U, F>(runtime: &Runtime, items: Vec<T>, capacity: usize, f: F) -> Vec<U>
where
    T: Send + 'static,
    U: Send + 'static,
    F: FnMut(T) -> U + Send + 'static,
{
    // TODO: the channel: `tokio::sync::mpsc::channel(capacity)`.
    // TODO: the task: `runtime.spawn(async move { ... rx.recv().await ... })`,
    // collecting `f(item)` for each item until `recv` gives `None`.
    // TODO: the feeding thread: moves the sender in, `blocking_send`s every
    // item; the sender is dropped when the thread ends.
    // TODO: drive the task to its end (`runtime.block_on`), then join the
    // thread.
    todo!("through_a_task")
}
