//! expect: lost wake-up
//! Sets the flag but never notifies: a waiter already asleep sleeps for
//! ever. (Caught by the tests: `every_waiter_wakes_when_the_event_is_set`
//! hangs, and the checker stops it at its time limit.)

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
    }

    pub fn is_set(&self) -> bool {
        *lock(&self.set)
    }

    pub fn wait(&self) {
        let mut set = lock(&self.set);
        while !*set {
            set = wait(&self.changed, set);
        }
    }
}
