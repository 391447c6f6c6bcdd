//! # Exercise `async-and-threads-channel`: a plain thread feeds a task
//!
//! The answer. The sender is moved into the thread, so it is dropped when
//! the thread's closure returns, and the task's `recv` then gives `None`.
//! The task is driven by `block_on` before the thread is joined, so a full
//! channel is always being emptied.
//! (Read the exercise in `crates/async-and-threads/exercises/src/channel.rs`.)

use std::thread;

use tokio::runtime::Runtime;
use tokio::sync::mpsc;

/// Sends `items` from a plain thread through a channel of `capacity` to a
/// task on `runtime`, which applies `f` to each; returns the task's
/// answers, in the order of `items`, once the channel has closed and the
/// thread has been joined.
///
/// # Panics
///
/// If `capacity` is 0 (tokio's channels need room for one item), or if
/// the thread or the task panics.
pub fn through_a_task<T, U, F>(
    runtime: &Runtime,
    items: Vec<T>,
    capacity: usize,
    mut f: F,
) -> Vec<U>
where
    T: Send + 'static,
    U: Send + 'static,
    F: FnMut(T) -> U + Send + 'static,
{
    let (tx, mut rx) = mpsc::channel(capacity);
    let task = runtime.spawn(async move {
        let mut answers = Vec::new();
        // `None` once every sender is gone: the end of the stream.
        while let Some(item) = rx.recv().await {
            answers.push(f(item));
        }
        answers
    });
    // `tx` is moved in: when the closure returns, the channel closes.
    let feeder = thread::spawn(move || {
        for item in items {
            if tx.blocking_send(item).is_err() {
                break; // the task has gone
            }
        }
    });
    let answers = runtime
        .block_on(task)
        .unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
    feeder
        .join()
        .unwrap_or_else(|payload| std::panic::resume_unwind(payload));
    answers
}
