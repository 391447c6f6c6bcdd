//! expect: did not finish in 10 s
//! Joins the feeding thread before driving the task: on a one-thread
//! runtime the task runs only inside `block_on`, so once the channel is
//! full the feeder waits in `blocking_send` for a task that never runs.

use std::thread;

use tokio::runtime::Runtime;
use tokio::sync::mpsc;

/// Sends `items` from a plain thread through a channel of `capacity` to a
/// task on `runtime`, which applies `f` to each; returns the task's
/// answers, in the order of `items`.
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
        while let Some(item) = rx.recv().await {
            answers.push(f(item));
        }
        answers
    });
    let feeder = thread::spawn(move || {
        for item in items {
            if tx.blocking_send(item).is_err() {
                break;
            }
        }
    });
    feeder
        .join()
        .unwrap_or_else(|payload| std::panic::resume_unwind(payload));
    runtime
        .block_on(task)
        .unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()))
}
