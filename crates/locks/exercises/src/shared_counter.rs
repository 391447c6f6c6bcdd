//! # Exercise `locks-shared-counter`: the Cookbook's `SharedCounter`
//!
//! Read first, in book/src/locks.md (`cargo xtask learn` prints the link to
//! the section): "The cookbook's SharedCounter ends at zero".
//!
//! In Python the counter is two attributes side by side, a value and the
//! lock that guards it, and every method remembers to take the lock:
//!
//! ```python
//! def incr(self, delta=1):
//!     with self._value_lock:
//!         self._value += delta
//! ```
//!
//! In Rust the lock *owns* the value, so there is no way to forget it. Build
//! [`SharedCounter`] with `new(initial)`, `incr(delta)`, `decr(delta)` and
//! `value()`. Three threads that each `incr(1)` a million times and then
//! `decr(1)` a million times must leave it at exactly 0; and halfway, when
//! every thread has done its increments and none its decrements, it must
//! read exactly 3 000 000.
//!
//! Each method takes the lock **once**, and does its whole read-modify-write
//! under it. Use `crate::sync::{Mutex, lock}`: the loom model
//! (`tests/shared_counter_loom.rs`) runs your code through every interleaving.
//!
//! Check it: `cargo xtask learn check locks-shared-counter`.

use crate::sync::{Mutex, lock};

/// A signed counter many threads change through `&self`.
#[derive(Debug)]
pub struct SharedCounter {
    // TODO: the value, owned by its lock.
}

impl SharedCounter {
    /// A counter at `initial_value`.
    pub fn new(initial_value: i64) -> SharedCounter {
        // TODO
        todo!("SharedCounter::new")
    }

    /// Adds `delta`: `with self._value_lock: self._value += delta`.
    pub fn incr(&self, delta: i64) {
        // TODO
        todo!("SharedCounter::incr")
    }

    /// Subtracts `delta`.
    pub fn decr(&self, delta: i64) {
        // TODO
        todo!("SharedCounter::decr")
    }

    /// The value now.
    pub fn value(&self) -> i64 {
        // TODO
        todo!("SharedCounter::value")
    }
}
