//! # Exercise `threads-semaphore`: a counting semaphore with an RAII permit
//!
//! Read first, in book/src/threads.md (`cargo xtask learn` prints the link
//! to the section): "A semaphore lets workers through one at a time".
//!
//! std has no semaphore. Build Python's `threading.Semaphore` from a
//! `Mutex<usize>` (the free permits) and a `Condvar`, with `with sema:` done
//! the Rust way: [`acquire`](Semaphore::acquire) returns a [`Permit`], and
//! dropping the permit gives it back.
//!
//! - [`Semaphore::new`]`(n)`: `n` free permits (0 is allowed: nothing passes
//!   until [`add_permits`](Semaphore::add_permits));
//! - [`Semaphore::acquire`]: take a permit, waiting while there is none;
//! - [`Semaphore::try_acquire`]: take one if one is free now, else `None`;
//! - [`Semaphore::add_permits`]`(n)`: `n` more free permits, and wake waiters;
//! - [`Semaphore::available`]: how many are free now;
//! - `Drop for Permit`: give the permit back, and wake a waiter.
//!
//! Use `crate::sync`'s types and helpers: the loom model
//! (`tests/semaphore_loom.rs`) runs your code through every interleaving.
//!
//! Check it: `cargo xtask learn check threads-semaphore`.

use crate::sync::{Condvar, Mutex, lock, wait};

/// A counting semaphore.
#[derive(Debug)]
pub struct Semaphore {
    // TODO: the number of free permits behind a Mutex, and a Condvar that is
    // notified when permits come back.
}

/// A permit taken from a [`Semaphore`]; dropping it gives the permit back.
#[derive(Debug)]
#[must_use = "a permit is given back as soon as it is dropped: bind it with `let _permit = ...`"]
pub struct Permit<'a> {
    semaphore: &'a Semaphore,
}

impl Semaphore {
    /// A semaphore with `permits` free permits.
    pub fn new(permits: usize) -> Semaphore {
        // TODO
        todo!("Semaphore::new")
    }

    /// Takes a permit, waiting until one is free.
    pub fn acquire(&self) -> Permit<'_> {
        // TODO: lock; while no permit is free, wait; then take one.
        todo!("Semaphore::acquire")
    }

    /// Takes a permit if one is free right now; never waits.
    pub fn try_acquire(&self) -> Option<Permit<'_>> {
        // TODO
        todo!("Semaphore::try_acquire")
    }

    /// Adds `n` free permits and wakes the threads that may now get one.
    pub fn add_permits(&self, n: usize) {
        // TODO
        todo!("Semaphore::add_permits")
    }

    /// How many permits are free right now.
    pub fn available(&self) -> usize {
        // TODO
        todo!("Semaphore::available")
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        // TODO: give the permit back to `self.semaphore` and wake a waiter.
    }
}
