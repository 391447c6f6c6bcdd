//! The answer to `queues-blocking`: a queue whose `get` sleeps. (The
//! exercise and its task: crates/queues/exercises/src/blocking.rs.)

use std::collections::VecDeque;

use crate::sync::{Condvar, Mutex, lock, wait};

/// A FIFO queue whose `get` sleeps until there is an item.
#[derive(Debug)]
pub struct BlockingQueue<T> {
    items: Mutex<VecDeque<T>>,
    /// Notified after every put: "there may be an item now".
    not_empty: Condvar,
}

impl<T> BlockingQueue<T> {
    /// A new, empty queue.
    pub fn new() -> BlockingQueue<T> {
        BlockingQueue {
            items: Mutex::new(VecDeque::new()),
            not_empty: Condvar::new(),
        }
    }

    /// Adds `item` at the back and wakes one waiting consumer.
    pub fn put(&self, item: T) {
        lock(&self.items).push_back(item);
        // One item can satisfy one consumer: wake one.
        self.not_empty.notify_one();
    }

    /// Takes the item at the front, sleeping until there is one.
    pub fn get(&self) -> T {
        let mut items = lock(&self.items);
        loop {
            // Look and take under the same lock: nobody can take it between.
            if let Some(item) = items.pop_front() {
                return item;
            }
            // A loop, not an `if`: a wake-up may be spurious, or another
            // consumer may have taken the item we were woken for.
            items = wait(&self.not_empty, items);
        }
    }

    /// How many items are waiting.
    pub fn len(&self) -> usize {
        lock(&self.items).len()
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
