//! expect: lost update
//! Each method reads the value under one lock and writes it under a
//! second: every line is locked, and an update can still fall between the
//! two (an unlock-relock race). (Caught by the tests'
//! `three_threads_end_at_zero_and_read_exactly_halfway` nearly every run, and
//! always by the loom model.)

use crate::sync::{Mutex, lock};

/// A signed counter many threads change through `&self`.
#[derive(Debug)]
pub struct SharedCounter {
    value: Mutex<i64>,
}

impl SharedCounter {
    /// A counter at `initial_value`.
    pub fn new(initial_value: i64) -> SharedCounter {
        SharedCounter {
            value: Mutex::new(initial_value),
        }
    }

    /// Adds `delta`: `with self._value_lock: self._value += delta`.
    pub fn incr(&self, delta: i64) {
        // One lock for the whole read-modify-write: reading under one lock
        // and writing under another would let an update fall in between.
        let value = self.value(); // one lock to read...
        *lock(&self.value) = value + delta; // ...another to write
    }

    /// Subtracts `delta`.
    pub fn decr(&self, delta: i64) {
        let value = self.value();
        *lock(&self.value) = value - delta;
    }

    /// The value now.
    pub fn value(&self) -> i64 {
        *lock(&self.value)
    }
}
