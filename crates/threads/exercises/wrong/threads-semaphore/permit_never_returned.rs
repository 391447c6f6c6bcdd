//! expect: Does dropping a `Permit` add one to the count
//! Dropping a permit wakes a waiter but never puts the permit back, so the
//! semaphore runs dry. (Caught by the tests: `permits_are_counted_out_and_back`
//! fails, and `a_waiting_acquire_gets_the_permit_given_back` waits for ever,
//! so the checker stops the tests at its time limit and shows the exercise's
//! deadlock hint.)

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
        // Several permits may have come: wake everyone; those that find none
        // left go back to sleep in `acquire`'s loop.
        self.returned.notify_all();
    }

    /// How many permits are free right now.
    pub fn available(&self) -> usize {
        *lock(&self.free)
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        // Forgot to give the permit back: only wakes a waiter, who finds
        // nothing.
        self.semaphore.returned.notify_one();
    }
}
