//! The answer to `queues-bounded`: a bounded queue, with backpressure. (The
//! exercise and its task: crates/queues/exercises/src/bounded.rs.)

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
    state: Mutex<State<T>>,
    capacity: usize,
    /// Notified after every put: "there may be an item now".
    not_empty: Condvar,
    /// Notified after every get: "there may be room now".
    not_full: Condvar,
}

#[derive(Debug)]
struct State<T> {
    items: VecDeque<T>,
    /// Puts and gets performed so far.
    operations: u64,
}

impl<T> BoundedQueue<T> {
    /// A new, empty queue that holds at most `capacity` items;
    /// `Err(ZeroCapacity)` if `capacity` is 0.
    pub fn new(capacity: usize) -> Result<BoundedQueue<T>, ZeroCapacity> {
        if capacity == 0 {
            return Err(ZeroCapacity);
        }
        Ok(BoundedQueue {
            state: Mutex::new(State {
                items: VecDeque::new(),
                operations: 0,
            }),
            capacity,
            not_empty: Condvar::new(),
            not_full: Condvar::new(),
        })
    }

    /// The most items the queue holds at once.
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// Adds `item` at the back, sleeping while the queue is full. Returns the
    /// operation's number (1 for the queue's first put or get, and so on).
    pub fn put_numbered(&self, item: T) -> u64 {
        let mut state = lock(&self.state);
        // The mirror image of `get`'s loop: wait for room, not for an item.
        while state.items.len() >= self.capacity {
            state = wait(&self.not_full, state);
        }
        state.items.push_back(item);
        // Numbered under the same lock that ordered the push: the numbers are
        // the order the queue performed the operations in.
        state.operations += 1;
        let number = state.operations;
        drop(state);
        self.not_empty.notify_one();
        number
    }

    /// Takes the item at the front, sleeping until there is one. Returns the
    /// item and the operation's number.
    pub fn get_numbered(&self) -> (T, u64) {
        let mut state = lock(&self.state);
        loop {
            if let Some(item) = state.items.pop_front() {
                state.operations += 1;
                let number = state.operations;
                drop(state);
                // A get makes room for one item: wake one waiting producer
                // (on `not_full`: the producers' condition, not the consumers').
                self.not_full.notify_one();
                return (item, number);
            }
            state = wait(&self.not_empty, state);
        }
    }

    /// How many items are waiting.
    pub fn len(&self) -> usize {
        lock(&self.state).items.len()
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
