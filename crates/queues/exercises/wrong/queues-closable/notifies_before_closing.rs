//! expect: lost wake-up
//! The flag is an `AtomicBool` outside the queue's lock, and `close`
//! notifies before it sets the flag: a consumer between its look at the flag
//! and its sleep misses both, and sleeps for ever. (Caught by the tests,
//! where `close_ends_every_waiting_consumers_loop` usually hangs: the woken
//! consumers look at the flag before the store. If they happen not to, the
//! loom model `both_consumers_end_and_the_item_comes_out_once` finds the
//! interleaving: a deadlock.)

use std::collections::VecDeque;

use crate::sync::{AtomicBool, Condvar, Mutex, Ordering, lock, wait};

/// The error of a `put` on a closed queue, with the item that was not queued.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Closed<T>(pub T);

/// A FIFO queue that can be closed: then its consumers' loops end.
#[derive(Debug)]
pub struct ClosableQueue<T> {
    state: Mutex<State<T>>,
    /// Outside the lock: "an atomic needs no lock".
    closed: AtomicBool,
    /// Notified after a put (one consumer) and on close (all of them).
    changed: Condvar,
}

#[derive(Debug)]
struct State<T> {
    items: VecDeque<T>,
}

impl<T> ClosableQueue<T> {
    /// A new, open, empty queue.
    pub fn new() -> ClosableQueue<T> {
        ClosableQueue {
            state: Mutex::new(State {
                items: VecDeque::new(),
            }),
            closed: AtomicBool::new(false),
            changed: Condvar::new(),
        }
    }

    /// Adds `item` at the back and wakes one consumer; gives the item back
    /// if the queue is closed.
    pub fn put(&self, item: T) -> Result<(), Closed<T>> {
        let mut state = lock(&self.state);
        if self.closed.load(Ordering::SeqCst) {
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
            if self.closed.load(Ordering::SeqCst) {
                return None;
            }
            state = wait(&self.changed, state);
        }
    }

    /// Closes the queue: later puts fail, and every consumer's loop ends once
    /// the items already queued are taken.
    pub fn close(&self) {
        // Wake everyone, then set the flag, without the lock: a consumer
        // that looked at the flag just before the store goes to sleep after
        // the notify, and nobody wakes it again.
        self.changed.notify_all();
        self.closed.store(true, Ordering::SeqCst);
    }

    /// Whether `close` has been called.
    pub fn is_closed(&self) -> bool {
        self.closed.load(Ordering::SeqCst)
    }
}

impl<T> Default for ClosableQueue<T> {
    fn default() -> ClosableQueue<T> {
        ClosableQueue::new()
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
