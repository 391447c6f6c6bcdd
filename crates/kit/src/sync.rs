//! The synchronisation types the lessons' hand-built primitives use: std's
//! in a normal build, loom's under `--cfg loom`.
//!
//! A primitive imports from here (`use kit::sync::{Condvar, Mutex, lock,
//! wait};`), never from `std::sync`, so its loom model (`tests/loom.rs`,
//! run by `cargo xtask ci` with `RUSTFLAGS="--cfg loom"`) tries every
//! interleaving of the very code the lesson runs. Types a primitive does not
//! share between threads (a `Duration`, a `PoisonError`) still come from std.

// ANCHOR: shim
#[cfg(loom)]
pub use loom::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
#[cfg(loom)]
pub use loom::sync::{Arc, Condvar, Mutex, MutexGuard, RwLock};
#[cfg(loom)]
pub use loom::{thread, thread_local};

#[cfg(not(loom))]
pub use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
#[cfg(not(loom))]
pub use std::sync::{Arc, Condvar, Mutex, MutexGuard, RwLock};
#[cfg(not(loom))]
pub use std::{thread, thread_local};
// ANCHOR_END: shim

use std::sync::PoisonError;

/// `mutex.lock()`, through poisoning.
///
/// A lesson's primitives change their state in one step under the lock, so
/// a panic in another thread (say, a job a pool ran) cannot leave that state
/// half-written: carrying on is safe, and a poisoned lock must not take the
/// whole primitive down with it. (The `locks` lesson shows poisoning itself,
/// with std's `Mutex` directly.)
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// `condvar.wait(guard)`, through poisoning (see [`lock`]): unlocks, sleeps
/// until notified (or woken for no reason: a spurious wake-up, which is why
/// every caller waits in a loop), locks again.
pub fn wait<'a, T>(condvar: &Condvar, guard: MutexGuard<'a, T>) -> MutexGuard<'a, T> {
    condvar.wait(guard).unwrap_or_else(PoisonError::into_inner)
}
