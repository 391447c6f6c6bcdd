//! # Exercise `queues-blocking`: a queue whose `get` sleeps
//!
//! Read first, in book/src/queues.md (`cargo xtask learn` prints the link to
//! the section): "A blocking queue: get sleeps until an item arrives".
//!
//! A `VecDeque` behind a `Mutex` is a queue, but a consumer of an empty one
//! can only poll it, burning a core. Add a `Condvar`, so that
//! [`get`](BlockingQueue::get) sleeps until a [`put`](BlockingQueue::put)
//! wakes it: Python's `queue.Queue()`.
//!
//! - `put(item)`: push at the back, wake **one** sleeping consumer;
//! - `get()`: pop from the front, sleeping while the queue is empty;
//! - `len()`, `is_empty()`.
//!
//! With several consumers, a consumer woken for an item may find it gone:
//! another consumer, arriving just then, took it. The loom model
//! (`tests/blocking_loom.rs`) tries exactly that.
//!
//! Check it: `cargo xtask learn check queues-blocking`.

use std::collections::VecDeque;

use crate::sync::{Condvar, Mutex, lock, wait};

/// A FIFO queue whose `get` sleeps until there is an item.
#[derive(Debug)]
pub struct BlockingQueue<T> {
    // TODO: the items behind a Mutex, and a Condvar notified after a put.
    _todo: std::marker::PhantomData<T>,
}

impl<T> BlockingQueue<T> {
    /// A new, empty queue.
    pub fn new() -> BlockingQueue<T> {
        // TODO
        todo!("BlockingQueue::new")
    }

    /// Adds `item` at the back and wakes one waiting consumer.
    pub fn put(&self, item: T) {
        // TODO
        todo!("BlockingQueue::put")
    }

    /// Takes the item at the front, sleeping until there is one.
    pub fn get(&self) -> T {
        // TODO: lock; loop { pop, or wait }. Take the item under the same
        // lock you looked at the queue with.
        todo!("BlockingQueue::get")
    }

    /// How many items are waiting.
    pub fn len(&self) -> usize {
        // TODO
        todo!("BlockingQueue::len")
    }

    /// Whether no item is waiting.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<T> Default for BlockingQueue<T> {
    fn default() -> BlockingQueue<T> {
        BlockingQueue::new()
    }
}
