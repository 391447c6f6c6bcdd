//! What the `async-and-threads` lesson needs besides its point: the blocking
//! functions it calls, a ticker that measures how late it wakes, a wrapper
//! future that reports slow polls, and the checks behind every verdict the
//! lesson prints.
//!
//! - [`blocking`]: a blocking call, made from async code (`spawn_blocking`);
//! - [`handle`]: async code, run from a plain thread (a runtime `Handle`);
//! - [`channel`]: a channel between threads and a task (tokio `mpsc`);
//! - [`ticker`]: a task that should tick on time, and how late it was;
//! - [`slow_poll`]: [`WarnSlowPoll`], asyncio's debug-mode warning
//!   ("Executing <Task …> took 0.2 seconds") for tokio, which has none.
//!
//! Every verdict is a small function beside the code it judges, taking the
//! evidence and returning `true` or `false`; `main.rs` prints what it
//! returns, and a `verdict_…_can_fail` test feeds each one the evidence of a
//! run where the claim is false.
//!
//! The lesson builds no synchronisation primitive by hand (the channels,
//! the one-shot and the runtimes are tokio's), so it has no loom model.

pub mod blocking;
pub mod channel;
pub mod handle;
pub mod slow_poll;
pub mod ticker;

pub use slow_poll::{SlowPoll, SlowPollLog, WarnSlowPoll};
pub use ticker::Ticker;

use std::any::Any;

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

/// A verdict, as the lesson prints it.
///
/// ```
/// assert_eq!(async_and_threads::yes(1 + 1 == 2), "yes");
/// assert_eq!(async_and_threads::yes(1 + 1 == 3), "no");
/// ```
pub fn yes(claim: bool) -> &'static str {
    if claim { "yes" } else { "no" }
}

/// The message a panic carried, from the payload `catch_unwind` or `join`
/// returned.
///
/// ```
/// let payload = std::panic::catch_unwind(|| {
///     # std::panic::set_hook(Box::new(|_| {})); // keep the doc test quiet
///     panic!("disk {} full", 1)
/// })
/// .unwrap_err();
/// assert_eq!(async_and_threads::panic_message(payload), "disk 1 full");
/// ```
pub fn panic_message(payload: Box<dyn Any + Send>) -> String {
    if let Some(message) = payload.downcast_ref::<&str>() {
        (*message).to_owned()
    } else if let Some(message) = payload.downcast_ref::<String>() {
        message.clone()
    } else {
        "(a panic without a message)".to_owned()
    }
}
