//! expect: lost wake-up
//! Notifies first, then sets the flag: a waiter that looks at the flag
//! after the notify and before the write goes to sleep, and nobody wakes it
//! again: a lost wake-up. (Caught by the tests, where
//! `every_waiter_wakes_when_the_event_is_set` often hangs: the woken waiters
//! win the lock before `set` writes the flag. When they do not, the loom
//! model `every_waiter_wakes_when_the_event_is_set` finds the interleaving: a
//! deadlock.)

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
        self.changed.notify_all(); // too early: the flag is still false
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
