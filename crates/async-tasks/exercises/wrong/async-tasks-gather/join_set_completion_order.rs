//! expect: input order
//! Collects the results with a `JoinSet`, which hands them back in the
//! order the tasks finished: every task runs at once, but the results are
//! shuffled. (Caught by `results_come_back_in_input_order`.)

use std::future::Future;

use tokio::task::JoinSet;

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
    let mut set = JoinSet::new();
    for future in futures {
        set.spawn(future);
    }
    let mut results = Vec::new();
    // `join_next` gives whichever task finished first.
    while let Some(joined) = set.join_next().await {
        match joined {
            Ok(value) => results.push(value),
            Err(err) => std::panic::resume_unwind(err.into_panic()),
        }
    }
    results
}
