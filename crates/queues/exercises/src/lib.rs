//! The exercises of the `queues` lesson (book/src/queues.md): each module is
//! a file you edit, checked by `cargo xtask learn check <name>`:
//!
//! - `queues-blocking`: [`blocking`], a queue whose `get` sleeps until an
//!   item arrives;
//! - `queues-bounded`: [`bounded`], plus a capacity: `put` sleeps while full;
//! - `queues-closable`: [`closable`], plus `close()`, which ends every
//!   consumer's loop;
//! - `queues-priority`: [`priority`], highest priority first, ties in order.
//!
//! With `--features solutions` each module is the answer from
//! `solutions/` instead.
#![cfg_attr(not(feature = "solutions"), allow(clippy::todo, unused))]

#[cfg_attr(feature = "solutions", path = "../solutions/blocking.rs")]
pub mod blocking;
#[cfg_attr(feature = "solutions", path = "../solutions/bounded.rs")]
pub mod bounded;
#[cfg_attr(feature = "solutions", path = "../solutions/closable.rs")]
pub mod closable;
#[cfg_attr(feature = "solutions", path = "../solutions/priority.rs")]
pub mod priority;

/// The synchronisation types your code uses: std's in a normal build,
/// loom's under `--cfg loom`, so that the loom models (`tests/*_loom.rs`) try
/// every interleaving of *your* code. Import them from here
/// (`use crate::sync::{Condvar, Mutex, lock, wait};`), not from `std::sync`.
pub mod sync {
    #[cfg(loom)]
    pub use loom::sync::atomic::{AtomicBool, Ordering};
    #[cfg(loom)]
    pub use loom::sync::{Condvar, Mutex, MutexGuard};
    #[cfg(not(loom))]
    pub use std::sync::atomic::{AtomicBool, Ordering};
    #[cfg(not(loom))]
    pub use std::sync::{Condvar, Mutex, MutexGuard};

    use std::sync::PoisonError;

    /// `mutex.lock()`, through poisoning: a queue pushes and pops in one
    /// step under its lock, so a panic elsewhere cannot leave it half-updated.
    pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
        mutex.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// `condvar.wait(guard)`, through poisoning: unlocks, sleeps until
    /// notified (or woken for no reason: a spurious wake-up), locks again.
    pub fn wait<'a, T>(condvar: &Condvar, guard: MutexGuard<'a, T>) -> MutexGuard<'a, T> {
        condvar.wait(guard).unwrap_or_else(PoisonError::into_inner)
    }
}
