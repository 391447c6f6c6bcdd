//! expect: one after another
//! Spawns and joins in one iterator chain. It looks like "spawn all, then
//! join all", but iterators are lazy: `collect` pulls one item through both
//! `map`s before the next, so each thread is joined before the next is
//! spawned. (Caught by the tests: `five_slow_calls_wait_together`.)

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
        // One chain, no `collect` in between: iterators are lazy, so each
        // thread is spawned only when the previous one has been joined.
        (0..calls)
            .map(|_| {
                scope.spawn(move || {
                    let started = Instant::now();
                    call().map(|()| started.elapsed())
                })
            })
            .map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|payload| std::panic::resume_unwind(payload))
            })
            .collect()
    })
}
