//! expect: another consumer took the item
//! `get` waits with an `if`: a consumer woken for an item finds it gone,
//! taken by another consumer that arrived between the notify and the
//! wake-up, and its `expect` panics. (Caught by the loom model
//! `two_consumers_two_items_each_gets_one`; sometimes earlier by the tests'
//! `four_producers_four_consumers_every_item_once`.)

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
        if items.is_empty() {
            // An `if`: once woken, we assume the item is still there.
            items = wait(&self.not_empty, items);
        }
        items
            .pop_front()
            .expect("woken by a put: there must be an item")
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
