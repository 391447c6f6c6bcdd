//! # Exercise `locks-counters`: fix the lost-update counter, three ways
//!
//! Read first, in book/src/locks.md (`cargo xtask learn` prints the link to
//! the section): the sections from "A read-modify-write split in two loses
//! updates" to "An atomic needs no lock".
//!
//! Python's `count += offset` is a read, an add and a write. Written out with
//! an atomic it compiles, and still loses updates: another thread can write
//! between this thread's read and its write, and this write then erases it.
//!
//! ```rust,ignore
//! fn increment(&self, offset: u64) {
//!     let value = self.value.load(Ordering::Relaxed); // read
//!     self.value.store(value + offset, Ordering::Relaxed); // write: may erase another's
//! }
//! ```
//!
//! Five threads, each `increment(1)` 100 000 times, must end at exactly
//! 500 000. Make the increment one indivisible step, three ways:
//!
//! - [`StdMutexCounter`]: a `std::sync::Mutex<u64>` (from `crate::sync`);
//! - [`ParkingLotCounter`]: a `parking_lot::Mutex<u64>` (no poisoning);
//! - [`AtomicCounter`]: an `AtomicU64` and *one* atomic read-modify-write.
//!
//! Each implements [`Counter`](crate::Counter): `increment(offset)` and
//! `count()`. The loom model (`tests/counters_loom.rs`) tries every
//! interleaving of two threads' increments on the std and atomic versions.
//!
//! Check it: `cargo xtask learn check locks-counters`.

use crate::Counter;
use crate::sync::{AtomicU64, Mutex, Ordering, lock};

/// The increment under `std::sync::Mutex`.
#[derive(Debug)]
pub struct StdMutexCounter {
    // TODO: the count, owned by a Mutex.
}

impl StdMutexCounter {
    /// A counter at 0.
    pub fn new() -> StdMutexCounter {
        // TODO
        todo!("StdMutexCounter::new")
    }
}

impl Counter for StdMutexCounter {
    fn increment(&self, offset: u64) {
        // TODO: lock, add, unlock (the guard's drop unlocks).
        todo!("StdMutexCounter::increment")
    }

    fn count(&self) -> u64 {
        // TODO
        todo!("StdMutexCounter::count")
    }
}

/// The increment under `parking_lot::Mutex`.
#[derive(Debug)]
pub struct ParkingLotCounter {
    // TODO: the count, owned by a parking_lot::Mutex.
}

impl ParkingLotCounter {
    /// A counter at 0.
    pub fn new() -> ParkingLotCounter {
        // TODO
        todo!("ParkingLotCounter::new")
    }
}

impl Counter for ParkingLotCounter {
    fn increment(&self, offset: u64) {
        // TODO: parking_lot's `lock()` returns the guard itself.
        todo!("ParkingLotCounter::increment")
    }

    fn count(&self) -> u64 {
        // TODO
        todo!("ParkingLotCounter::count")
    }
}

/// The increment as one atomic instruction: no lock at all.
#[derive(Debug)]
pub struct AtomicCounter {
    // TODO: an AtomicU64.
}

impl AtomicCounter {
    /// A counter at 0.
    pub fn new() -> AtomicCounter {
        // TODO
        todo!("AtomicCounter::new")
    }
}

impl Counter for AtomicCounter {
    fn increment(&self, offset: u64) {
        // TODO: not a load and then a store: one read-modify-write.
        todo!("AtomicCounter::increment")
    }

    fn count(&self) -> u64 {
        // TODO
        todo!("AtomicCounter::count")
    }
}

impl Default for StdMutexCounter {
    fn default() -> StdMutexCounter {
        StdMutexCounter::new()
    }
}

impl Default for ParkingLotCounter {
    fn default() -> ParkingLotCounter {
        ParkingLotCounter::new()
    }
}

impl Default for AtomicCounter {
    fn default() -> AtomicCounter {
        AtomicCounter::new()
    }
}
