//! The synchronisation types the primitives are built from: std's in a normal
//! build, loom's under `--cfg loom`, so `tests/loom.rs` can explore every
//! interleaving of the very code the lesson runs.
//!
//! The helpers below lock and wait *through* poisoning. A `Mutex` is poisoned
//! when a thread panics while holding it. No lock in this crate is held while
//! user code runs (a message's handler, a submitted job), and every update
//! under a lock is a single push, pop or assignment, so a poisoned lock never
//! guards half-updated data here. And an actor that panics must not take its
//! mailbox, or the caller waiting for its result, down with it: that is the
//! whole point of the lesson's panic sections.

#[cfg(loom)]
pub(crate) use loom::{
    sync::{
        Arc, Condvar, Mutex, MutexGuard,
        atomic::{AtomicBool, Ordering},
    },
    thread,
};
#[cfg(not(loom))]
pub(crate) use std::{
    sync::{
        Arc, Condvar, Mutex, MutexGuard,
        atomic::{AtomicBool, Ordering},
    },
    thread,
};

/// One turn of a spin loop: a hint to the CPU that we are spinning. Under
/// loom, a yield instead, so the model lets the other thread run (loom
/// explores a spin loop only if it yields).
pub(crate) fn spin_once() {
    #[cfg(loom)]
    loom::thread::yield_now();
    #[cfg(not(loom))]
    std::hint::spin_loop();
}

use std::sync::PoisonError;

/// `mutex.lock()`, through poisoning (see the module docs).
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// `condvar.wait(guard)`, through poisoning.
pub(crate) fn wait<'a, T>(condvar: &Condvar, guard: MutexGuard<'a, T>) -> MutexGuard<'a, T> {
    condvar.wait(guard).unwrap_or_else(PoisonError::into_inner)
}
