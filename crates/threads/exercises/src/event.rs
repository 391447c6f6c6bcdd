//! # Exercise `threads-event`: a flag threads can wait for
//!
//! Read first, in book/src/threads.md (`cargo xtask learn` prints the link
//! to the section): "Has the thread started? Event, Barrier, or a one-shot
//! channel".
//!
//! Build Python's `threading.Event` from a `Mutex<bool>` and a `Condvar`:
//!
//! - [`Event::new`]: not set;
//! - [`Event::set`]: set it (it stays set) and wake **every** thread waiting;
//! - [`Event::is_set`]: whether it is set, without blocking;
//! - [`Event::wait`]: block until it is set; return at once if it already is.
//!
//! Use the types and helpers of `crate::sync` (`Mutex`, `Condvar`, `lock`,
//! `wait`): under `--cfg loom` they are loom's, and the loom model
//! (`tests/event_loom.rs`) tries every interleaving of your `set` and `wait`.
//!
//! Check it: `cargo xtask learn check threads-event`.

use crate::sync::{Condvar, Mutex, lock, wait};

/// A flag that starts unset, is set once, and can be waited for.
#[derive(Debug, Default)]
pub struct Event {
    // TODO: the flag, behind a Mutex, and a Condvar to sleep on until it
    // changes.
}

impl Event {
    /// A new event, not set.
    pub fn new() -> Event {
        // TODO
        todo!("Event::new")
    }

    /// Sets the event and wakes every thread waiting for it.
    pub fn set(&self) {
        // TODO: change the flag under the lock, then wake the waiters. All of
        // them, or one?
        todo!("Event::set")
    }

    /// Whether the event has been set. Never blocks.
    pub fn is_set(&self) -> bool {
        // TODO
        todo!("Event::is_set")
    }

    /// Blocks until the event is set. Returns at once if it already is.
    pub fn wait(&self) {
        // TODO: lock, then wait on the Condvar for as long as the flag is not
        // set. Look at the flag again after every wake-up.
        todo!("Event::wait")
    }
}
