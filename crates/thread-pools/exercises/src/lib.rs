//! The exercises of the `thread-pools` lesson (book/src/thread-pools.md):
//! each module is a file you edit, checked by
//! `cargo xtask learn check <name>`:
//!
//! - `thread-pools-shutdown`: [`pool`], a pool whose drop finishes the queued
//!   jobs and joins every worker;
//! - `thread-pools-handle`: [`handle`], `submit` returns a handle whose
//!   `result` gives back the job's value, its error, or its panic;
//! - `thread-pools-as-completed`: [`as_completed`], results in the order the
//!   jobs finish, each exactly once.
//!
//! [`workers`] is written for you: the lesson's channel and a finished pool
//! that runs boxed jobs, for the second and third exercises to build on.
//!
//! With `--features solutions` each exercise module is the answer from
//! `solutions/` instead.
#![cfg_attr(not(feature = "solutions"), allow(clippy::todo, unused))]

#[cfg_attr(feature = "solutions", path = "../solutions/as_completed.rs")]
pub mod as_completed;
#[cfg_attr(feature = "solutions", path = "../solutions/handle.rs")]
pub mod handle;
#[cfg_attr(feature = "solutions", path = "../solutions/pool.rs")]
pub mod pool;
pub mod workers;

/// The synchronisation types your code uses: std's in a normal build,
/// loom's under `--cfg loom`, so that the loom models (`tests/*_loom.rs`) try
/// every interleaving of *your* code. Import them from here
/// (`use crate::sync::{Arc, Condvar, Mutex, lock, thread, wait};`), not from
/// `std::sync`.
pub mod sync {
    #[cfg(loom)]
    pub use loom::sync::atomic::{AtomicUsize, Ordering};
    #[cfg(loom)]
    pub use loom::sync::{Arc, Condvar, Mutex, MutexGuard};
    #[cfg(loom)]
    pub use loom::thread;
    #[cfg(not(loom))]
    pub use std::sync::atomic::{AtomicUsize, Ordering};
    #[cfg(not(loom))]
    pub use std::sync::{Arc, Condvar, Mutex, MutexGuard};
    #[cfg(not(loom))]
    pub use std::thread;

    use std::sync::PoisonError;

    /// `mutex.lock()`, through poisoning: no lock here is held while a job
    /// runs, so a panicking job cannot leave the data behind one half-written.
    pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
        mutex.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// `condvar.wait(guard)`, through poisoning: unlocks, sleeps until
    /// notified (or woken for no reason: a spurious wake-up), locks again.
    pub fn wait<'a, T>(condvar: &Condvar, guard: MutexGuard<'a, T>) -> MutexGuard<'a, T> {
        condvar.wait(guard).unwrap_or_else(PoisonError::into_inner)
    }
}

/// The text of a panic's payload: `panic!("literal")` carries a `&str`, a
/// formatted `panic!("{x}")` a `String`; anything else has no text.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "a panic with no message".to_owned()
    }
}
