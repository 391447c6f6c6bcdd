//! The answer to `threads-event`: a flag threads can wait for.
//! (The exercise and its task: crates/threads/exercises/src/event.rs.)

use crate::sync::{Condvar, Mutex, lock, wait};

/// A flag that starts unset, is set once, and can be waited for.
#[derive(Debug, Default)]
pub struct Event {
    /// Whether the event has been set. Once set, it stays set.
    set: Mutex<bool>,
    /// Notified when `set` becomes true.
    changed: Condvar,
}

impl Event {
    /// A new event, not set.
    pub fn new() -> Event {
        Event::default()
    }

    /// Sets the event and wakes every thread waiting for it.
    pub fn set(&self) {
        // The flag changes under the lock: a waiter holds the lock from its
        // look at the flag until it sleeps, so the change cannot fall between
        // the two.
        *lock(&self.set) = true;
        // Every waiter wants this news: `notify_one` would leave the others
        // asleep for good.
        self.changed.notify_all();
    }

    /// Whether the event has been set. Never blocks.
    pub fn is_set(&self) -> bool {
        *lock(&self.set)
    }

    /// Blocks until the event is set. Returns at once if it already is.
    pub fn wait(&self) {
        let mut set = lock(&self.set);
        // A loop: a wake-up (spurious, or meant for someone else) is no
        // promise; look at the flag again.
        while !*set {
            set = wait(&self.changed, set);
        }
    }
}
