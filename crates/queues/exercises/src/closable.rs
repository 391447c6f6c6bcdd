//! # Exercise `queues-closable`: a queue whose `close()` ends every consumer
//!
//! Read first, in book/src/queues.md (`cargo xtask learn` prints the link to
//! the section): "A closable queue: close() ends every consumer's loop".
//!
//! Effective Python ends its workers with a sentinel item, one per worker.
//! Instead, give the queue a `closed` flag:
//!
//! - `put(item)`: `Err(Closed(item))` once the queue is closed (the item
//!   comes back), else push and wake one consumer;
//! - `get()`: the next item, sleeping while the queue is empty and open;
//!   `None` once it is closed **and** empty: items put before `close()` are
//!   still delivered;
//! - `close()`: set the flag and wake **every** sleeping consumer;
//! - `is_closed()`.
//!
//! `for item in &queue` (written for you below) calls `get` until `None`.
//! Several consumers must all end, and every item must come out exactly
//! once: the loom model (`tests/closable_loom.rs`) checks both in every
//! interleaving of two consumers, a put and a close.
//!
//! Check it: `cargo xtask learn check queues-closable`.

use std::collections::VecDeque;

use crate::sync::{Condvar, Mutex, lock, wait};

/// The error of a `put` on a closed queue, with the item that was not queued.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Closed<T>(pub T);

/// A FIFO queue that can be closed: then its consumers' loops end.
#[derive(Debug)]
pub struct ClosableQueue<T> {
    // TODO: the state behind one Mutex (the items, and whether the queue is
    // closed: both under the same lock), and a Condvar for consumers.
    _todo: std::marker::PhantomData<T>,
}

impl<T> ClosableQueue<T> {
    /// A new, open, empty queue with no limit on its length. (The lesson's
    /// `ClosableQueue` also has `new(capacity)`, a bounded one; this exercise
    /// is about `close`, so its queue is the unbounded kind.)
    pub fn unbounded() -> ClosableQueue<T> {
        // TODO
        todo!("ClosableQueue::unbounded")
    }

    /// Adds `item` at the back and wakes one consumer; gives the item back
    /// if the queue is closed.
    pub fn put(&self, item: T) -> Result<(), Closed<T>> {
        // TODO
        todo!("ClosableQueue::put")
    }

    /// The next item; `None` once the queue is closed and empty.
    pub fn get(&self) -> Option<T> {
        // TODO: lock; loop { an item? return it. closed? None. else wait }.
        // In that order: closing stops new puts, not deliveries.
        todo!("ClosableQueue::get")
    }

    /// Closes the queue: later puts fail, and every consumer's loop ends once
    /// the items already queued are taken.
    pub fn close(&self) {
        // TODO: set the flag *under the lock*, then wake every consumer.
        todo!("ClosableQueue::close")
    }

    /// Whether `close` has been called.
    pub fn is_closed(&self) -> bool {
        // TODO
        todo!("ClosableQueue::is_closed")
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
