//! The synchronisation types the queues are built from: std's in a normal
//! build, loom's under `--cfg loom`, so `tests/loom.rs` explores every
//! interleaving of the very code the lesson runs.
//!
//! The helpers lock and wait *through* poisoning. A `Mutex` is poisoned when
//! a thread panics while holding it, as a warning that the data may be
//! half-updated. No queue in this crate runs code that can panic while it
//! holds its lock (it pushes, pops and counts, each in one step; the caller's
//! work happens outside), so the state behind a poisoned lock is still whole,
//! and one panicking worker must not take the queue down for every other.

#[cfg(loom)]
pub(crate) use loom::sync::{Condvar, Mutex, MutexGuard};
#[cfg(not(loom))]
pub(crate) use std::sync::{Condvar, Mutex, MutexGuard};

use std::sync::PoisonError;

/// `mutex.lock()`, through poisoning (see the module docs).
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// `condvar.wait(guard)`, through poisoning.
pub(crate) fn wait<'a, T>(condvar: &Condvar, guard: MutexGuard<'a, T>) -> MutexGuard<'a, T> {
    condvar.wait(guard).unwrap_or_else(PoisonError::into_inner)
}

/// Round `round` of a spin loop that backs off as crossbeam's does: 2^round
/// CPU hints for the first six rounds, then a `yield_now` to let another
/// thread have the core. Under loom, a loom yield, so the model runs the
/// other threads meanwhile (loom only allows a spin that is bounded and
/// yields).
pub(crate) fn spin_pause(round: u32) {
    #[cfg(loom)]
    {
        let _ = round;
        loom::thread::yield_now();
    }
    #[cfg(not(loom))]
    if round < 6 {
        for _ in 0..1 << round {
            std::hint::spin_loop();
        }
    } else {
        std::thread::yield_now();
    }
}
