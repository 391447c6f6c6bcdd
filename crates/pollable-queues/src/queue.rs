//! The pollable queue: a `Mutex<VecDeque<T>>` and a flag that is raised
//! exactly while the deque is not empty.

use std::collections::VecDeque;
use std::io;
use std::os::fd::{AsFd, BorrowedFd};

use kit::sync::{Mutex, MutexGuard, lock};

use crate::flag::{AtomicFlag, Flag, SocketFlag};

// ANCHOR: queue
/// A queue whose descriptor is readable exactly while items wait in it.
///
/// `put` never blocks, however many items wait, and no wake-up is lost:
/// the flag changes under the same lock as the items, so no thread can see
/// the queue non-empty with the flag lowered, or the other way round.
///
/// ```
/// use std::os::fd::AsFd;
/// use std::time::Duration;
/// use pollable_queues::{PollableQueue, ready};
///
/// let queue = PollableQueue::new()?;
/// let readable = |q: &PollableQueue<u32>| ready(&[q.as_fd()], Some(Duration::ZERO));
/// assert_eq!(readable(&queue)?, [0usize; 0]);
/// queue.put(7);
/// assert_eq!(readable(&queue)?, [0]);
/// assert_eq!(queue.try_get(), Some(7));
/// assert_eq!(readable(&queue)?, [0usize; 0]);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct PollableQueue<T, F = SocketFlag> {
    items: Mutex<VecDeque<T>>,
    flag: F,
}

impl<T> PollableQueue<T> {
    /// A queue whose flag is a socket, so `poll()` can wait on it.
    pub fn new() -> io::Result<Self> {
        Ok(PollableQueue::with_flag(SocketFlag::new()?))
    }
}

impl<T, F: Flag> PollableQueue<T, F> {
    /// A queue with the flag given: a [`SocketFlag`] is what `new` uses;
    /// the loom models give it an [`AtomicFlag`], and the tests broken
    /// flags to watch the verdicts fail.
    pub fn with_flag(flag: F) -> Self {
        PollableQueue {
            items: Mutex::new(VecDeque::new()),
            flag,
        }
    }

    /// Adds an item. Never blocks: the deque grows, and the flag is touched
    /// only when the queue was empty.
    pub fn put(&self, item: T) {
        let mut items = self.lock();
        if items.is_empty() {
            self.flag.raise();
        }
        items.push_back(item);
    }

    /// Takes the oldest item, if there is one. Never blocks: wait with
    /// `poll()` first. Another consumer may have taken the item since, so
    /// `None` after a wake-up is normal.
    pub fn try_get(&self) -> Option<T> {
        let mut items = self.lock();
        let item = items.pop_front();
        if item.is_some() && items.is_empty() {
            self.flag.lower();
        }
        item
    }

    /// How many items are waiting.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    /// Whether no item is waiting.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The flag, for the model tests to inspect.
    pub fn flag(&self) -> &F {
        &self.flag
    }

    fn lock(&self) -> MutexGuard<'_, VecDeque<T>> {
        // Through poisoning: a panic while the lock is held cannot leave the
        // deque and flag out of step (each is changed in one call that does
        // not panic but on a broken invariant), so a poisoned lock is still
        // usable.
        lock(&self.items)
    }
}

impl<T> PollableQueue<T, AtomicFlag> {
    /// Whether the flag agrees with the items, checked under the lock: the
    /// invariant the loom models assert after every step.
    pub fn flag_matches_items(&self) -> bool {
        let items = self.lock();
        self.flag.is_raised() != items.is_empty()
    }
}

impl<T, F: Flag + AsFd> AsFd for PollableQueue<T, F> {
    /// The descriptor to `poll()`: readable exactly while items wait (with
    /// a [`SocketFlag`]; the tests give it broken flags to watch that fail).
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.flag.as_fd()
    }
}
// ANCHOR_END: queue
