//! The synchronisation types the primitives are built from, and the one
//! helper this lesson adds to them.
//!
//! The types come from [`kit::sync`], the course's shim: std's in a normal
//! build, loom's under `--cfg loom`, so `tests/loom.rs` explores every
//! interleaving of the very code the lesson runs. Its `lock` and `wait` go
//! *through* poisoning. A `Mutex` is poisoned when a thread panics while
//! holding it, as a warning that the data may be half-updated; every lock in
//! this crate guards one plain number or flag, changed in a single step, so
//! a panic elsewhere can never leave it half-updated, and a panicking worker
//! must not take the semaphore (or the event) down with it.
//!
//! What only this lesson needs is a timed wait ([`wait_timeout`], for
//! `Event::wait_timeout`), so it lives here rather than in the kit.

// ANCHOR: shim
pub(crate) use kit::sync::{Arc, AtomicBool, Condvar, Mutex, MutexGuard, Ordering, thread};
pub(crate) use kit::sync::{lock, wait};
// ANCHOR_END: shim

use std::time::Duration;

/// `condvar.wait_timeout(guard, timeout)`, through poisoning, like the kit's
/// `wait`. Whether it timed out does not matter to the caller, `Event`: it
/// looks at the clock and the flag itself.
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
