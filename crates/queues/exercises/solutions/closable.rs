//! The answer to `queues-closable`: a queue whose `close()` ends every
//! consumer. (The exercise and its task: crates/queues/exercises/src/closable.rs.)

use std::collections::VecDeque;

use crate::sync::{Condvar, Mutex, lock, wait};

/// The error of a `put` on a closed queue, with the item that was not queued.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Closed<T>(pub T);

/// A FIFO queue that can be closed: then its consumers' loops end.
#[derive(Debug)]
pub struct ClosableQueue<T> {
    state: Mutex<State<T>>,
    /// Notified after a put (one consumer) and on close (all of them).
    changed: Condvar,
}

#[derive(Debug)]
struct State<T> {
    items: VecDeque<T>,
    /// Under the same lock as the items: a consumer looks at both, then
    /// sleeps, with no gap where `close` could slip in unseen.
    closed: bool,
}

impl<T> ClosableQueue<T> {
    /// A new, open, empty queue with no limit on its length. (The lesson's
    /// `ClosableQueue` also has `new(capacity)`, a bounded one; this exercise
    /// is about `close`, so its queue is the unbounded kind.)
    pub fn unbounded() -> ClosableQueue<T> {
        ClosableQueue {
            state: Mutex::new(State {
                items: VecDeque::new(),
                closed: false,
            }),
            changed: Condvar::new(),
        }
    }

    /// Adds `item` at the back and wakes one consumer; gives the item back
    /// if the queue is closed.
    pub fn put(&self, item: T) -> Result<(), Closed<T>> {
        let mut state = lock(&self.state);
        if state.closed {
            return Err(Closed(item));
        }
        state.items.push_back(item);
        drop(state);
        self.changed.notify_one();
        Ok(())
    }

    /// The next item; `None` once the queue is closed and empty.
    pub fn get(&self) -> Option<T> {
        let mut state = lock(&self.state);
        loop {
            // Items first: closing stops new puts, not deliveries.
            if let Some(item) = state.items.pop_front() {
                return Some(item);
            }
            if state.closed {
                return None;
            }
            state = wait(&self.changed, state);
        }
    }

    /// Closes the queue: later puts fail, and every consumer's loop ends once
    /// the items already queued are taken.
    pub fn close(&self) {
        // The flag changes under the lock, so no consumer can be between
        // its look at the flag and its sleep.
        lock(&self.state).closed = true;
        // `notify_all`: every sleeper must wake and return `None`, not one.
        self.changed.notify_all();
    }

    /// Whether `close` has been called.
    pub fn is_closed(&self) -> bool {
        lock(&self.state).closed
    }
}

impl<T> Default for ClosableQueue<T> {
    fn default() -> ClosableQueue<T> {
        ClosableQueue::unbounded()
    }
}

/// `for item in &queue`: calls `get` until the queue is closed and empty.
#[derive(Debug)]
pub struct Iter<'a, T> {
    queue: &'a ClosableQueue<T>,
}

impl<T> Iterator for Iter<'_, T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        self.queue.get()
    }
}

impl<'a, T> IntoIterator for &'a ClosableQueue<T> {
    type Item = T;
    type IntoIter = Iter<'a, T>;

    fn into_iter(self) -> Iter<'a, T> {
        Iter { queue: self }
    }
}
