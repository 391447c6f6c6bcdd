//! What the `async-and-threads` lesson needs besides its point: the blocking
//! function it calls, a ticker that measures how late it wakes, a wrapper
//! future that reports slow polls, and the checks behind every verdict the
//! lesson prints.
//!
//! - [`blocking`]: a blocking call, made from async code (`spawn_blocking`);
//! - [`channel`]: catching the panic tokio raises when a thread that runs
//!   tasks is asked to block;
//! - [`ticker`]: a task that should tick on time, and how late it was;
//! - [`slow_poll`]: [`WarnSlowPoll`], asyncio's debug-mode warning
//!   ("Executing <Task …> took 0.2 seconds") for tokio, which has none;
//! - [`verdict`]: one function per claim the lesson prints, taking the
//!   evidence and returning a `kit::Verdict`; `main.rs` prints what it
//!   returns, and a `verdict_<name>_can_fail` test runs a broken variant
//!   through each one.
//!
//! The lesson builds no synchronisation primitive by hand (the channels,
//! the one-shot and the runtimes are tokio's), so it has no loom model.

pub mod blocking;
pub mod channel;
pub mod slow_poll;
pub mod ticker;
pub mod verdict;

pub use slow_poll::{SlowPoll, SlowPollLog, WarnSlowPoll};
pub use ticker::Ticker;

use tokio::runtime::{Builder, Runtime};

// ANCHOR: runtimes
/// A runtime with two worker threads (and a pool for blocking calls), with
/// timers: what `#[tokio::main]` builds, minus the I/O driver.
///
/// Drop it to shut it down: dropping a `Runtime` cancels its tasks and joins
/// its worker threads and its blocking-pool threads, so nothing is left
/// running.
pub fn multi_thread_runtime() -> Runtime {
    Builder::new_multi_thread()
        .worker_threads(2)
        .enable_time()
        .build()
        .expect("the OS can start a runtime's threads")
}

/// A runtime whose tasks all run on the thread that calls `block_on`:
/// asyncio's event loop, one thread for every task. Blocking calls sent
/// through `spawn_blocking` still go to a pool of other threads.
pub fn one_thread_runtime() -> Runtime {
    Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a one-thread runtime needs no new thread, only a timer")
}
// ANCHOR_END: runtimes
