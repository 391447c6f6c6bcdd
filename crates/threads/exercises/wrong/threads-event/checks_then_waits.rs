//! expect: lost wake-up
//! Looks at the flag under one lock and sleeps under another: a `set`
//! that lands between the look and the sleep wakes nobody, and the waiter
//! sleeps for ever. (Caught by the loom model:
//! `a_wait_racing_a_set_from_another_thread_returns`.)

use crate::sync::{Condvar, Mutex, lock, wait};

#[derive(Debug, Default)]
pub struct Event {
    set: Mutex<bool>,
    changed: Condvar,
}

impl Event {
    pub fn new() -> Event {
        Event::default()
    }

    pub fn set(&self) {
        *lock(&self.set) = true;
        self.changed.notify_all();
    }

    pub fn is_set(&self) -> bool {
        *lock(&self.set)
    }

    pub fn wait(&self) {
        if !self.is_set() {
            // The flag was false a moment ago; by now it may be true, and its
            // notify already sent: this wait may never end.
            let guard = lock(&self.set);
            drop(wait(&self.changed, guard));
        }
    }
}
