//! expect: lost update
//! The atomic counter as a load and then a store: no data race, and still a
//! race condition. (Caught by the tests' `atomic_counter_loses_no_update`
//! when the threads collide, which on two cores is nearly every run, and
//! always by the loom model `the_atomic_counter_loses_no_update`.)

use crate::Counter;
use crate::sync::{AtomicU64, Mutex, Ordering, lock};

/// The increment under `std::sync::Mutex`.
#[derive(Debug)]
pub struct StdMutexCounter {
    count: Mutex<u64>,
}

impl StdMutexCounter {
    /// A counter at 0.
    pub fn new() -> StdMutexCounter {
        StdMutexCounter {
            count: Mutex::new(0),
        }
    }
}

impl Counter for StdMutexCounter {
    fn increment(&self, offset: u64) {
        // The read, the add and the write all happen while the guard lives.
        *lock(&self.count) += offset;
    }

    fn count(&self) -> u64 {
        *lock(&self.count)
    }
}

/// The increment under `parking_lot::Mutex`.
#[derive(Debug)]
pub struct ParkingLotCounter {
    count: parking_lot::Mutex<u64>,
}

impl ParkingLotCounter {
    /// A counter at 0.
    pub fn new() -> ParkingLotCounter {
        ParkingLotCounter {
            count: parking_lot::Mutex::new(0),
        }
    }
}

impl Counter for ParkingLotCounter {
    fn increment(&self, offset: u64) {
        *self.count.lock() += offset;
    }

    fn count(&self) -> u64 {
        *self.count.lock()
    }
}

/// The increment as one atomic instruction: no lock at all.
#[derive(Debug)]
pub struct AtomicCounter {
    count: AtomicU64,
}

impl AtomicCounter {
    /// A counter at 0.
    pub fn new() -> AtomicCounter {
        AtomicCounter {
            count: AtomicU64::new(0),
        }
    }
}

impl Counter for AtomicCounter {
    fn increment(&self, offset: u64) {
        // One read-modify-write: no thread can write between its read and
        // its write. `Relaxed`: nothing else is published through the count,
        // and `join` makes every increment visible to the reader.
        // Two steps: another thread's increment can land between them, and
        // this store then erases it.
        let value = self.count.load(Ordering::Relaxed);
        self.count.store(value + offset, Ordering::Relaxed);
    }

    fn count(&self) -> u64 {
        self.count.load(Ordering::Relaxed)
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
