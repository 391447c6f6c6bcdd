//! expect: one after another
//! Joins each thread right after spawning it: five threads, but only ever
//! one call in progress, so five calls take five timeouts. (Caught by the
//! tests: `five_slow_calls_wait_together` and
//! `every_call_is_in_progress_at_the_same_time`.)

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
        let mut results = Vec::new();
        for _ in 0..calls {
            // Spawned, then joined at once: the next call starts only when
            // this one has finished.
            let handle = scope.spawn(move || {
                let started = Instant::now();
                call().map(|()| started.elapsed())
            });
            results.push(
                handle
                    .join()
                    .unwrap_or_else(|payload| std::panic::resume_unwind(payload)),
            );
        }
        results
    })
}
