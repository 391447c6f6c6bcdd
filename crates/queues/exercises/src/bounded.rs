//! # Exercise `queues-bounded`: a bounded queue, with backpressure
//!
//! Read first, in book/src/queues.md (`cargo xtask learn` prints the link to
//! the section): "A bounded queue: with capacity 1, put waits for get" and
//! "Backpressure: a bounded queue keeps the backlog short".
//!
//! Add a capacity to the blocking queue: [`put`](BoundedQueue::put) sleeps
//! while `capacity` items are waiting, so a fast producer cannot run ahead
//! of a slow consumer by more than `capacity` items. Python's
//! `queue.Queue(maxsize)`. That takes **two** conditions, so two `Condvar`s:
//! "not empty" (a consumer waits for it; a put makes it true) and "not full"
//! (a producer waits for it; a get makes it true).
//!
//! Every put and get is also numbered, under the queue's lock, in the order
//! the queue performed it: [`put_numbered`](BoundedQueue::put_numbered)
//! returns 1 for the queue's first operation, 2 for the second, and so on.
//! The tests read the hand-off from those numbers: with capacity 1 it must
//! be put 1, get 1, put 2, get 2, ... exactly.
//!
//! Check it: `cargo xtask learn check queues-bounded`.

use std::collections::VecDeque;
use std::fmt;

use crate::sync::{Condvar, Mutex, lock, wait};

/// The error for a capacity of zero: a queue with no room at all would make
/// every `put` wait for ever, so [`BoundedQueue::new`] refuses it. (Python's
/// `Queue(0)` means "no limit"; here a zero that came from a bad setting is
/// an error, not "infinite".)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ZeroCapacity;

impl fmt::Display for ZeroCapacity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a bounded queue needs room for at least one item (with capacity 0 every put would wait for ever)")
    }
}

impl std::error::Error for ZeroCapacity {}

/// A FIFO queue that holds at most `capacity` items.
#[derive(Debug)]
pub struct BoundedQueue<T> {
    // TODO: the state behind a Mutex (the items, and how many puts and gets
    // have happened), the capacity, and two Condvars.
    _todo: std::marker::PhantomData<T>,
}

impl<T> BoundedQueue<T> {
    /// A new, empty queue that holds at most `capacity` items;
    /// `Err(ZeroCapacity)` if `capacity` is 0.
    pub fn new(capacity: usize) -> Result<BoundedQueue<T>, ZeroCapacity> {
        // TODO: refuse a capacity of 0, then build the queue.
        todo!("BoundedQueue::new")
    }

    /// The most items the queue holds at once.
    pub fn capacity(&self) -> usize {
        // TODO
        todo!("BoundedQueue::capacity")
    }

    /// Adds `item` at the back, sleeping while the queue is full. Returns the
    /// operation's number (1 for the queue's first put or get, and so on).
    pub fn put_numbered(&self, item: T) -> u64 {
        // TODO: lock; while full, wait for "not full"; push, count, then wake
        // a consumer.
        todo!("BoundedQueue::put_numbered")
    }

    /// Takes the item at the front, sleeping until there is one. Returns the
    /// item and the operation's number.
    pub fn get_numbered(&self) -> (T, u64) {
        // TODO: lock; until there is an item, wait for "not empty"; pop,
        // count, then wake a producer.
        todo!("BoundedQueue::get_numbered")
    }

    /// How many items are waiting.
    pub fn len(&self) -> usize {
        // TODO
        todo!("BoundedQueue::len")
    }

    /// Whether no item is waiting.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// [`put_numbered`](Self::put_numbered), without the number.
    pub fn put(&self, item: T) {
        self.put_numbered(item);
    }

    /// [`get_numbered`](Self::get_numbered), without the number.
    pub fn get(&self) -> T {
        self.get_numbered().0
    }
}
