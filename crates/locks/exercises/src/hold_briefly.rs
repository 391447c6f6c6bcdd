//! # Exercise `locks-hold-briefly`: hold the lock for the update, not the work
//!
//! Read first, in book/src/locks.md (`cargo xtask learn` prints the link to
//! the section): "Hold the lock for the update, not for the work".
//!
//! While one thread holds a lock, every other thread that wants it waits. So
//! do the slow work (reading a sensor, parsing, I/O) first, with no lock
//! held; then lock, update, unlock.
//!
//! - [`record_reading`]: call `read_sensor(sensor)` **without** holding the
//!   lock on `readings`, then push what it returned;
//! - [`record_all`]: one thread per sensor (scoped threads), each calling
//!   [`record_reading`], all running at the same time.
//!
//! The tests check that the slow work runs with the lock free, and that two
//! threads' slow work overlaps: each thread's `read_sensor` waits for the
//! other's to start, which it can only do if neither holds the lock.
//!
//! Check it: `cargo xtask learn check locks-hold-briefly`.

use std::ops::Range;
use std::sync::{Mutex, PoisonError};

/// Reads one sensor and records the reading in `readings`.
pub fn record_reading(
    readings: &Mutex<Vec<u64>>,
    sensor: u64,
    read_sensor: impl FnOnce(u64) -> u64,
) {
    // TODO: the slow work first, with no lock held; then the update under the
    // lock. (`.lock().unwrap_or_else(PoisonError::into_inner)` takes the
    // guard even if another thread panicked holding it: a push is never left
    // half done.)
    todo!("record_reading")
}

/// Reads every sensor in `sensors`, each in a thread of its own, all at the
/// same time, and records every reading in `readings`.
pub fn record_all(
    readings: &Mutex<Vec<u64>>,
    sensors: Range<u64>,
    read_sensor: &(impl Fn(u64) -> u64 + Sync),
) {
    // TODO: `std::thread::scope`, one `spawn` per sensor, each calling
    // `record_reading`.
    todo!("record_all")
}
