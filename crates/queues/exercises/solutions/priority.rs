//! The answer to `queues-priority`: highest priority first, ties in order.
//! (The exercise and its task: crates/queues/exercises/src/priority.rs.)

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use crate::sync::{Condvar, Mutex, lock, wait};

/// A thread-safe priority queue: highest priority first, ties in order.
#[derive(Debug)]
pub struct PriorityQueue<T> {
    state: Mutex<Heap<T>>,
    /// Notified after every put.
    not_empty: Condvar,
}

#[derive(Debug)]
struct Heap<T> {
    entries: BinaryHeap<Entry<T>>,
    /// The Cookbook's `_index`: only grows, so it orders equal priorities.
    next_seq: u64,
}

#[derive(Debug)]
struct Entry<T> {
    priority: i32,
    seq: u64,
    item: T,
}

impl<T> Ord for Entry<T> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.priority
            .cmp(&other.priority)
            // Reversed: the smaller sequence number is the *greater* entry,
            // so the max-heap pops it first.
            .then_with(|| other.seq.cmp(&self.seq))
    }
}

impl<T> PartialOrd for Entry<T> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<T> PartialEq for Entry<T> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl<T> Eq for Entry<T> {}

impl<T> PriorityQueue<T> {
    /// A new, empty queue.
    pub fn new() -> PriorityQueue<T> {
        PriorityQueue {
            state: Mutex::new(Heap {
                entries: BinaryHeap::new(),
                next_seq: 0,
            }),
            not_empty: Condvar::new(),
        }
    }

    /// Adds `item` with `priority` (higher comes out first).
    pub fn put(&self, item: T, priority: i32) {
        let mut heap = lock(&self.state);
        // The number is taken under the same lock as the push: the order of
        // the numbers is the order of the puts.
        let seq = heap.next_seq;
        heap.next_seq += 1;
        heap.entries.push(Entry {
            priority,
            seq,
            item,
        });
        drop(heap);
        self.not_empty.notify_one();
    }

    /// Takes the item with the highest priority (of equals, the one put
    /// first), sleeping until there is one.
    pub fn get(&self) -> T {
        let mut heap = lock(&self.state);
        loop {
            if let Some(entry) = heap.entries.pop() {
                return entry.item;
            }
            heap = wait(&self.not_empty, heap);
        }
    }

    /// How many items are waiting.
    pub fn len(&self) -> usize {
        lock(&self.state).entries.len()
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
