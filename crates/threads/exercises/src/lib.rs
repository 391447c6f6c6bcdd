//! The exercises of the `threads` lesson (book/src/threads.md): each module
//! is a file you edit, checked by `cargo xtask learn check <name>`:
//!
//! - `threads-countdown`: [`countdown`], a countdown another thread can stop;
//! - `threads-event`: [`event`], a flag threads wait for (`threading.Event`);
//! - `threads-semaphore`: [`semaphore`], a counting semaphore with an RAII permit.
//!
//! With `--features solutions` each module is the answer from
//! `solutions/` instead.
#![cfg_attr(not(feature = "solutions"), allow(clippy::todo, unused))]

#[cfg_attr(feature = "solutions", path = "../solutions/countdown.rs")]
pub mod countdown;
#[cfg_attr(feature = "solutions", path = "../solutions/event.rs")]
pub mod event;
#[cfg_attr(feature = "solutions", path = "../solutions/semaphore.rs")]
pub mod semaphore;

/// The synchronisation types your code uses: std's in a normal build,
/// loom's under `--cfg loom`, so that the loom models (`tests/*_loom.rs`) try
/// every interleaving of *your* code. Import them from here
/// (`use crate::sync::{Condvar, Mutex, lock, wait};`), not from `std::sync`.
pub mod sync {
    #[cfg(loom)]
    pub use loom::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    #[cfg(loom)]
    pub use loom::sync::{Condvar, Mutex, MutexGuard};
    #[cfg(not(loom))]
    pub use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    #[cfg(not(loom))]
    pub use std::sync::{Condvar, Mutex, MutexGuard};

    use std::sync::PoisonError;

    /// `mutex.lock()`, through poisoning: a thread that panicked while
    /// holding the lock cannot have left a single flag or count half-written.
    pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
        mutex.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// `condvar.wait(guard)`, through poisoning: unlocks, sleeps until
    /// notified (or woken for no reason: a spurious wake-up), locks again.
    pub fn wait<'a, T>(condvar: &Condvar, guard: MutexGuard<'a, T>) -> MutexGuard<'a, T> {
        condvar.wait(guard).unwrap_or_else(PoisonError::into_inner)
    }
}
