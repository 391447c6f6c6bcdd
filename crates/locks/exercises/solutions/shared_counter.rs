//! The answer to `locks-shared-counter`: the Cookbook's `SharedCounter`,
//! with the value inside its lock. (The exercise and its task:
//! crates/locks/exercises/src/shared_counter.rs.)

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
        *lock(&self.value) += delta;
    }

    /// Subtracts `delta`.
    pub fn decr(&self, delta: i64) {
        *lock(&self.value) -= delta;
    }

    /// The value now.
    pub fn value(&self) -> i64 {
        *lock(&self.value)
    }
}
