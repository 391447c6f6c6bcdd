//! The synchronisation types the primitives are built from: std's in a normal
//! build, loom's under `--cfg loom`, so `tests/loom.rs` can explore every
//! interleaving of the very code the lesson runs.
//!
//! The helpers below lock and wait *through* poisoning. A `Mutex` is poisoned
//! when a thread panics while holding it, as a warning that the data may be
//! half-updated. Every lock in this crate guards one plain number or flag,
//! changed in a single step, so a panic elsewhere can never leave it
//! half-updated: the value behind a poisoned lock is still right, and a
//! panicking worker must not take the semaphore (or the event) down with it.

// ANCHOR: shim
#[cfg(loom)]
pub(crate) use loom::{
    sync::atomic::{AtomicBool, Ordering},
    sync::{Arc, Condvar, Mutex, MutexGuard},
    thread,
};
#[cfg(not(loom))]
pub(crate) use std::{
    sync::atomic::{AtomicBool, Ordering},
    sync::{Arc, Condvar, Mutex, MutexGuard},
    thread,
};
// ANCHOR_END: shim

use std::sync::PoisonError;
use std::time::Duration;

/// `mutex.lock()`, through poisoning (see the module docs).
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// `condvar.wait(guard)`, through poisoning.
pub(crate) fn wait<'a, T>(condvar: &Condvar, guard: MutexGuard<'a, T>) -> MutexGuard<'a, T> {
    condvar.wait(guard).unwrap_or_else(PoisonError::into_inner)
}

/// `condvar.wait_timeout(guard, timeout)`, through poisoning. Whether it timed
/// out does not matter to the callers: they look at the clock and the data.
pub(crate) fn wait_timeout<'a, T>(
    condvar: &Condvar,
    guard: MutexGuard<'a, T>,
    timeout: Duration,
) -> MutexGuard<'a, T> {
    match condvar.wait_timeout(guard, timeout) {
        Ok((guard, _timed_out)) => guard,
        Err(poisoned) => poisoned.into_inner().0,
    }
}
