//! The answer to `blocking-io-overlap`: blocking calls on one thread each,
//! waiting together. (The exercise and its task:
//! crates/blocking-io/exercises/src/overlap.rs.)

use std::io;
use std::thread;
use std::time::{Duration, Instant};

/// Makes `calls` calls of `call`, each on a thread of its own, all in
/// progress at once; returns, in call order, how long each one took (or its
/// error).
pub fn overlap<F>(calls: usize, call: F) -> Vec<io::Result<Duration>>
where
    F: Fn() -> io::Result<()> + Sync,
{
    let call = &call;
    thread::scope(|scope| {
        // Start them all first: `collect` runs the spawning loop to the end
        // before the first `join`.
        let handles: Vec<_> = (0..calls)
            .map(|_| {
                scope.spawn(move || {
                    let started = Instant::now();
                    call().map(|()| started.elapsed())
                })
            })
            .collect();
        // Then wait for each, in call order.
        handles
            .into_iter()
            .map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|payload| std::panic::resume_unwind(payload))
            })
            .collect()
    })
}
