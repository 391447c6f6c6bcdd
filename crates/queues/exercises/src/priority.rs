//! # Exercise `queues-priority`: highest priority first, ties in order
//!
//! Read first, in book/src/queues.md (`cargo xtask learn` prints the link to
//! the section): "A priority queue: highest priority first, ties in order".
//!
//! The Cookbook's recipe 12.3 keeps `(-priority, index, item)` in a heap:
//! the index, a counter that only grows, breaks ties, so items of equal
//! priority come out in the order they were put. Build it on
//! `std::collections::BinaryHeap` (a max-heap) and a `Condvar`:
//!
//! - `put(item, priority)`: higher numbers come out first; wake one consumer;
//! - `get()`: the item with the highest priority, and of those the one put
//!   first; sleeps while the queue is empty;
//! - `len()`, `is_empty()`.
//!
//! `BinaryHeap` alone does not keep ties in order: give each entry a
//! sequence number and an `Ord` that compares priority, then sequence.
//!
//! Check it: `cargo xtask learn check queues-priority`.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use crate::sync::{Condvar, Mutex, lock, wait};

/// A thread-safe priority queue: highest priority first, ties in order.
#[derive(Debug)]
pub struct PriorityQueue<T> {
    // TODO: a BinaryHeap of entries and the next sequence number, behind a
    // Mutex; a Condvar for consumers.
    _todo: std::marker::PhantomData<T>,
}

// TODO: an entry type (priority, sequence number, item) with `Ord`,
// `PartialOrd`, `PartialEq` and `Eq` implemented by hand: priority first,
// then the *smaller* sequence number as the greater entry.

impl<T> PriorityQueue<T> {
    /// A new, empty queue.
    pub fn new() -> PriorityQueue<T> {
        // TODO
        todo!("PriorityQueue::new")
    }

    /// Adds `item` with `priority` (higher comes out first).
    pub fn put(&self, item: T, priority: i32) {
        // TODO
        todo!("PriorityQueue::put")
    }

    /// Takes the item with the highest priority (of equals, the one put
    /// first), sleeping until there is one.
    pub fn get(&self) -> T {
        // TODO
        todo!("PriorityQueue::get")
    }

    /// How many items are waiting.
    pub fn len(&self) -> usize {
        // TODO
        todo!("PriorityQueue::len")
    }

    /// Whether no item is waiting.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<T> Default for PriorityQueue<T> {
    fn default() -> PriorityQueue<T> {
        PriorityQueue::new()
    }
}
