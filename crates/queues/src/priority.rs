//! [`PriorityQueue`]: the Python Cookbook's thread-safe priority queue
//! (recipe 12.3).

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use kit::sync::{Condvar, Mutex, lock, wait};

// ANCHOR: priority_queue
/// A blocking queue that hands out the item with the *highest* priority
/// first, and items of equal priority in the order they were put.
///
/// The Cookbook pushes `(-priority, count, item)` onto a `heapq` (a min-heap,
/// hence the minus sign) and waits on a `threading.Condition`. Rust's
/// `BinaryHeap` is a max-heap, so the priority goes in as it is; the count,
/// a sequence number given out under the lock, breaks ties in favour of the
/// item put first. (Without it, a heap returns equal priorities in no
/// particular order.)
///
/// ```
/// let queue = queues::PriorityQueue::new();
/// queue.put("backup", 1);
/// queue.put("alert", 9);
/// queue.put("email", 5);
/// queue.put("report", 5);
/// let order: Vec<_> = (0..4).map(|_| queue.get()).collect();
/// assert_eq!(order, ["alert", "email", "report", "backup"]);
/// ```
#[derive(Debug)]
pub struct PriorityQueue<T> {
    state: Mutex<Heap<T>>,
    not_empty: Condvar,
}

#[derive(Debug)]
struct Heap<T> {
    entries: BinaryHeap<Entry<T>>,
    /// The next put's sequence number.
    next_seq: u64,
}

impl<T> Default for Heap<T> {
    fn default() -> Self {
        Self {
            entries: BinaryHeap::new(),
            next_seq: 0,
        }
    }
}

/// One queued item. Entries compare by priority, then by *earlier* sequence
/// number: the item itself never takes part, so it needs no `Ord`.
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
// ANCHOR_END: priority_queue

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
    pub fn new() -> Self {
        Self {
            state: Mutex::new(Heap::default()),
            not_empty: Condvar::new(),
        }
    }

    // ANCHOR: priority_put_get
    /// Queues `item` with `priority` (higher comes out first).
    pub fn put(&self, item: T, priority: i32) {
        let mut heap = lock(&self.state);
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

    /// Takes the item with the highest priority (of those, the one put
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
    // ANCHOR_END: priority_put_get

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
    fn default() -> Self {
        Self::new()
    }
}
