//! expect: `add_permits` wake every waiter
//! `add_permits(n)` wakes one waiter however many permits it adds: with
//! three threads asleep and three permits added, two sleep on with a permit
//! free for each. (Caught by the tests: `add_permits_wakes_as_many_waiters_as_it_adds`
//! hangs, and the checker shows the exercise's deadlock hint.)

use crate::sync::{Condvar, Mutex, lock, wait};

/// A counting semaphore.
#[derive(Debug)]
pub struct Semaphore {
    /// How many permits are free right now.
    free: Mutex<usize>,
    /// Notified when permits come back.
    returned: Condvar,
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
        Semaphore {
            free: Mutex::new(permits),
            returned: Condvar::new(),
        }
    }

    /// Takes a permit, waiting until one is free.
    pub fn acquire(&self) -> Permit<'_> {
        let mut free = lock(&self.free);
        // A loop, not an `if`: between the notification and this thread
        // locking the mutex again, another thread may have taken the permit.
        while *free == 0 {
            free = wait(&self.returned, free);
        }
        *free -= 1;
        Permit { semaphore: self }
    }

    /// Takes a permit if one is free right now; never waits.
    pub fn try_acquire(&self) -> Option<Permit<'_>> {
        let mut free = lock(&self.free);
        if *free == 0 {
            return None;
        }
        *free -= 1;
        Some(Permit { semaphore: self })
    }

    /// Adds `n` free permits and wakes the threads that may now get one.
    pub fn add_permits(&self, n: usize) {
        let mut free = lock(&self.free);
        *free = free.saturating_add(n);
        drop(free);
        // The bug: one waiter woken for `n` permits.
        self.returned.notify_one();
    }

    /// How many permits are free right now.
    pub fn available(&self) -> usize {
        *lock(&self.free)
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        let mut free = lock(&self.semaphore.free);
        *free += 1;
        drop(free);
        // One permit came back: one waiter can use it.
        self.semaphore.returned.notify_one();
    }
}
