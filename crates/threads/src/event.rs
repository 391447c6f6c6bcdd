//! [`Event`]: a flag one thread sets and other threads wait for.

use std::time::{Duration, Instant};

use crate::sync::{Condvar, Mutex, lock, wait, wait_timeout};

// ANCHOR: event
/// A flag that starts unset, is set once, and can be waited for: Python's
/// `threading.Event`.
///
/// The classic use is "has the thread started yet?": the new thread calls
/// [`set`](Event::set) when it is ready, and whoever needs to know calls
/// [`wait`](Event::wait).
///
/// ```
/// use std::thread;
/// use threads::Event;
///
/// let started = Event::new();
/// thread::scope(|s| {
///     s.spawn(|| started.set());
///     started.wait(); // returns once the thread has called `set`
/// });
/// assert!(started.is_set());
/// ```
#[derive(Debug, Default)]
pub struct Event {
    /// Whether the event has been set. Once set, it stays set.
    set: Mutex<bool>,
    /// Notified when `set` becomes true, to wake the threads waiting for it.
    changed: Condvar,
}
// ANCHOR_END: event

impl Event {
    /// A new event, not set.
    pub fn new() -> Self {
        Self::default()
    }

    // ANCHOR: event_set
    /// Sets the event and wakes every thread waiting for it.
    pub fn set(&self) {
        *lock(&self.set) = true;
        // Every waiter wants this news, so wake them all. (`notify_one` would
        // wake one and leave the rest asleep for good; the loom model
        // `every_waiter_wakes_when_the_event_is_set` catches that mistake.)
        self.changed.notify_all();
    }

    /// Whether the event has been set. Never blocks.
    pub fn is_set(&self) -> bool {
        *lock(&self.set)
    }
    // ANCHOR_END: event_set

    // ANCHOR: event_wait
    /// Blocks until the event is set. Returns at once if it already is.
    pub fn wait(&self) {
        let mut set = lock(&self.set);
        // A loop, not an `if`: a condition variable may wake a thread that
        // nobody notified (a *spurious wake-up*), so after every wake-up we
        // look at the flag again. `wait` unlocks the mutex while it sleeps
        // and locks it again before it returns, so `set` can change meanwhile.
        while !*set {
            set = wait(&self.changed, set);
        }
    }
    // ANCHOR_END: event_wait

    // ANCHOR: event_wait_timeout
    /// Blocks until the event is set or `timeout` has passed, whichever comes
    /// first. Returns whether the event is set: `false` means the timeout
    /// ran out, and then at least `timeout` has passed.
    ///
    /// ```
    /// use std::time::{Duration, Instant};
    /// use threads::Event;
    ///
    /// let never = Event::new();
    /// let started = Instant::now();
    /// assert!(!never.wait_timeout(Duration::from_millis(10)));
    /// assert!(started.elapsed() >= Duration::from_millis(10));
    /// ```
    pub fn wait_timeout(&self, timeout: Duration) -> bool {
        let Some(deadline) = Instant::now().checked_add(timeout) else {
            // A timeout too long to have a deadline (`Duration::MAX`) is no
            // timeout at all.
            self.wait();
            return true;
        };
        let mut set = lock(&self.set);
        while !*set {
            // The same loop as `wait`, but every wake-up, spurious or not,
            // only waits for what is left until the deadline.
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            set = wait_timeout(&self.changed, set, left);
        }
        true
    }
    // ANCHOR_END: event_wait_timeout
}
