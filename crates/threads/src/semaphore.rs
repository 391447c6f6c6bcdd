//! [`Semaphore`]: a counter of permits that threads take and give back.

use crate::sync::{Condvar, Mutex, lock, wait};

// ANCHOR: semaphore
/// A counting semaphore: it holds a number of permits, a thread takes one
/// with [`acquire`](Semaphore::acquire) (waiting while there are none), and
/// the permit goes back when the [`Permit`] is dropped. std has no semaphore;
/// this is Python's `threading.Semaphore`, with `with sema:` done by RAII.
///
/// ```
/// use threads::Semaphore;
///
/// let pool = Semaphore::new(2);
/// let first = pool.acquire();
/// let second = pool.acquire();
/// assert!(pool.try_acquire().is_none()); // both permits are taken
/// drop(first); // ...until one is given back
/// assert_eq!(pool.available(), 1);
/// # drop(second);
/// ```
#[derive(Debug)]
pub struct Semaphore {
    /// How many permits are free right now.
    free: Mutex<usize>,
    /// Notified when a permit comes back, to wake a thread waiting for one.
    returned: Condvar,
}

/// A permit taken from a [`Semaphore`]; dropping it gives the permit back,
/// also when the thread holding it panics (drops run while a panic unwinds).
#[derive(Debug)]
#[must_use = "a permit is given back as soon as it is dropped: bind it with `let _permit = ...`"]
pub struct Permit<'a> {
    semaphore: &'a Semaphore,
}
// ANCHOR_END: semaphore

impl Semaphore {
    /// A semaphore holding `permits` free permits. Zero is useful: nothing
    /// passes until someone calls [`add_permits`](Semaphore::add_permits).
    pub fn new(permits: usize) -> Self {
        Self {
            free: Mutex::new(permits),
            returned: Condvar::new(),
        }
    }

    // ANCHOR: acquire
    /// Takes a permit, waiting until one is free.
    pub fn acquire(&self) -> Permit<'_> {
        let mut free = lock(&self.free);
        // A loop for spurious wake-ups, and for one more reason: between the
        // notification and this thread locking the mutex again, another
        // thread may have taken the permit that was returned.
        while *free == 0 {
            let _waiting = trace::waiting(trace::Wait::Condvar, "a permit");
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
    // ANCHOR_END: acquire

    // ANCHOR: release
    /// Adds `n` new permits: Python's `sema.release(n)`. (The count stops at
    /// `usize::MAX` rather than overflow.)
    pub fn add_permits(&self, n: usize) {
        let mut free = lock(&self.free);
        *free = free.saturating_add(n);
        // Several permits may have arrived, so wake every waiter; those that
        // find none left go back to sleep in `acquire`'s loop.
        self.returned.notify_all();
    }

    /// Gives one permit back: what dropping a [`Permit`] does.
    fn release(&self) {
        let mut free = lock(&self.free);
        *free = free.saturating_add(1);
        // One permit came back, so one waiter can use it.
        self.returned.notify_one();
    }
    // ANCHOR_END: release

    /// How many permits are free right now. By the time you look at the
    /// answer another thread may have changed it: use it for reports and
    /// tests, not to decide whether to call `acquire`.
    pub fn available(&self) -> usize {
        *lock(&self.free)
    }
}

// ANCHOR: permit_drop
impl Drop for Permit<'_> {
    fn drop(&mut self) {
        self.semaphore.release();
    }
}
// ANCHOR_END: permit_drop
