//! The exercises of the `locks` lesson (book/src/locks.md): each module is a
//! file you edit, checked by `cargo xtask learn check <name>`:
//!
//! - `locks-counters`: [`counters`], the lost-update counter fixed three ways;
//! - `locks-shared-counter`: [`shared_counter`], the Cookbook's `SharedCounter`;
//! - `locks-hold-briefly`: [`hold_briefly`], the lock held for the update,
//!   not for the slow work.
//!
//! With `--features solutions` each module is the answer from
//! `solutions/` instead.
#![cfg_attr(not(feature = "solutions"), allow(clippy::todo, unused))]

#[cfg_attr(feature = "solutions", path = "../solutions/counters.rs")]
pub mod counters;
#[cfg_attr(feature = "solutions", path = "../solutions/hold_briefly.rs")]
pub mod hold_briefly;
#[cfg_attr(feature = "solutions", path = "../solutions/shared_counter.rs")]
pub mod shared_counter;

/// What every counter of `locks-counters` can do: Python's
/// `Counter.increment(offset)`, and read the count. Both take `&self`, so
/// five threads can call them at once: the counter synchronises inside.
pub trait Counter: Sync {
    /// Adds `offset` to the count.
    fn increment(&self, offset: u64);
    /// The count now.
    fn count(&self) -> u64;
}

/// The synchronisation types your code uses: std's in a normal build,
/// loom's under `--cfg loom`, so that the loom models (`tests/*_loom.rs`) try
/// every interleaving of *your* code. Import them from here
/// (`use crate::sync::{AtomicU64, Mutex, Ordering, lock};`), not from
/// `std::sync`. (`parking_lot` has no loom version: use it directly.)
pub mod sync {
    #[cfg(loom)]
    pub use loom::sync::atomic::{AtomicU64, Ordering};
    #[cfg(loom)]
    pub use loom::sync::{Mutex, MutexGuard};
    #[cfg(not(loom))]
    pub use std::sync::atomic::{AtomicU64, Ordering};
    #[cfg(not(loom))]
    pub use std::sync::{Mutex, MutexGuard};

    use std::sync::PoisonError;

    /// `mutex.lock()`, through poisoning: an addition cannot be left half
    /// done by a panic, so the value behind a poisoned lock is still right.
    pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
        mutex.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
