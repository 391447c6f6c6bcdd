//! # Exercise `pollable-queues-flag-queue`: readable exactly while items wait
//!
//! Read first, in book/src/pollable-queues.md (`cargo xtask learn` prints
//! the link to the section): "Readable exactly while items wait".
//!
//! A queue `poll()` can wait on: a `Mutex<VecDeque<T>>` and a [`Flag`],
//! whose descriptor is readable while the flag is raised. Keep the flag
//! raised **exactly** while items wait:
//!
//! - [`FlagQueue::put`]: add the item; if the queue was empty, raise the flag;
//! - [`FlagQueue::try_get`]: take the oldest item, if any; if that emptied
//!   the queue, lower the flag;
//! - both change the flag **while holding the queue's lock**, so no thread
//!   can see items without the flag, or the flag without items.
//!
//! The flag is any [`Flag`]: a [`SocketFlag`] normally (a socket pair
//! holding one byte while raised), a fake one in the loom model
//! (`tests/flag_queue_loom.rs`), which races a `put` against a `try_get`
//! under every interleaving.
//!
//! Check it: `cargo xtask learn check pollable-queues-flag-queue`.

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
        // TODO: lock the items; if the queue is empty, raise the flag; push
        // the item. All under the lock.
        todo!("FlagQueue::put")
    }

    /// Takes the oldest item, if there is one; lowers the flag if that
    /// emptied the queue. Never blocks: wait with `poll()` first.
    pub fn try_get(&self) -> Option<T> {
        // TODO: lock the items; pop the oldest; if that took the last one,
        // lower the flag, before the lock is released.
        todo!("FlagQueue::try_get")
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
