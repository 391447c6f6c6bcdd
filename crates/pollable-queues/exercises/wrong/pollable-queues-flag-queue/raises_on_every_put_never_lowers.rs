//! expect: still readable
//! Raises the flag on every put and never lowers it: once anything has
//! been put, the queue's descriptor is readable for ever, empty or not, and
//! a consumer polling it spins. (Caught by the tests:
//! `readable_exactly_while_items_wait`.)

use std::collections::VecDeque;
use std::io;
use std::os::fd::{AsFd, BorrowedFd};

use crate::flag::{Flag, SocketFlag};
use crate::sync::{Mutex, lock};

/// A queue with a flag that is raised exactly while items wait in it.
#[derive(Debug)]
pub struct FlagQueue<T, F = SocketFlag> {
    items: Mutex<VecDeque<T>>,
    flag: F,
}

impl<T> FlagQueue<T> {
    /// A queue whose flag is a socket, so `poll()` can wait on it.
    pub fn new() -> io::Result<Self> {
        Ok(FlagQueue::with_flag(SocketFlag::new()?))
    }
}

impl<T, F: Flag> FlagQueue<T, F> {
    /// A queue with the flag you give it (the loom model gives a fake one).
    pub fn with_flag(flag: F) -> Self {
        FlagQueue {
            items: Mutex::new(VecDeque::new()),
            flag,
        }
    }

    /// Adds an item; raises the flag if the queue was empty. Never blocks
    /// for long: only for the lock.
    pub fn put(&self, item: T) {
        let mut items = lock(&self.items);
        // The mistake: a raise for every item (the recipe's byte per item)...
        self.flag.raise();
        items.push_back(item);
    }

    /// Takes the oldest item, if there is one; lowers the flag if that
    /// emptied the queue. Never blocks: wait with `poll()` first.
    pub fn try_get(&self) -> Option<T> {
        let mut items = lock(&self.items);
        // ...and never a lower: the flag stays up once raised.
        items.pop_front()
    }

    pub fn len(&self) -> usize {
        lock(&self.items).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The flag (the loom model looks at its fake one).
    pub fn flag(&self) -> &F {
        &self.flag
    }
}

impl<T, F: Flag + AsFd> AsFd for FlagQueue<T, F> {
    /// What `poll()` waits on: readable exactly while items wait.
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.flag.as_fd()
    }
}
