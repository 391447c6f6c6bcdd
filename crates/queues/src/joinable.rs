//! Step 3: [`JoinableQueue`], which knows when every item has been processed.

use std::collections::VecDeque;
use std::fmt;

use crate::ZeroCapacity;
use kit::sync::{Condvar, Mutex, lock, wait};

/// The error for a `task_done` with no unfinished item to match it: each
/// `task_done` answers one earlier `put`, and a second answer for the same
/// item would let `join` return while work is still going on. (Python raises
/// `ValueError: task_done() called too many times`.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooManyTaskDone;

impl fmt::Display for TooManyTaskDone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("task_done called more times than items were put")
    }
}

impl std::error::Error for TooManyTaskDone {}

// ANCHOR: joinable_queue
/// The bounded queue plus a count of *unfinished* items: every `put` adds
/// one, every [`task_done`](JoinableQueue::task_done) takes one away, and
/// [`join`](JoinableQueue::join) sleeps until the count is zero. Taking an
/// item off the queue is not finishing it: the consumer says when it has.
/// Python's `Queue.task_done()` and `Queue.join()`.
///
/// ```
/// use std::thread;
/// let queue = queues::JoinableQueue::unbounded();
/// queue.put("photo 1");
/// thread::scope(|s| {
///     s.spawn(|| {
///         let _photo = queue.get();
///         // ... resize it ...
///         queue.task_done().unwrap();
///     });
///     queue.join(); // returns after the task_done
/// });
/// assert_eq!(queue.unfinished(), 0);
/// ```
#[derive(Debug)]
pub struct JoinableQueue<T> {
    state: Mutex<State<T>>,
    capacity: usize,
    not_empty: Condvar,
    not_full: Condvar,
    /// Notified when `unfinished` drops to zero.
    all_done: Condvar,
}

#[derive(Debug)]
struct State<T> {
    items: VecDeque<T>,
    /// Items put and not yet answered by a `task_done`: those waiting in
    /// the queue, and those a consumer has taken and is still working on.
    unfinished: usize,
}
// ANCHOR_END: joinable_queue

impl<T> JoinableQueue<T> {
    /// A new, empty queue that holds at most `capacity` items.
    pub fn new(capacity: usize) -> Result<Self, ZeroCapacity> {
        if capacity == 0 {
            return Err(ZeroCapacity);
        }
        Ok(Self {
            state: Mutex::new(State {
                items: VecDeque::new(),
                unfinished: 0,
            }),
            capacity,
            not_empty: Condvar::new(),
            not_full: Condvar::new(),
            all_done: Condvar::new(),
        })
    }

    /// A queue with no practical limit: `put` never waits.
    pub fn unbounded() -> Self {
        Self::new(usize::MAX).expect("usize::MAX is not zero")
    }

    // ANCHOR: joinable_put_get
    /// Adds `item` at the back, sleeping while the queue is full. The item
    /// is unfinished until a consumer calls `task_done` for it.
    pub fn put(&self, item: T) {
        let mut state = lock(&self.state);
        while state.items.len() >= self.capacity {
            state = wait(&self.not_full, state);
        }
        state.items.push_back(item);
        state.unfinished += 1;
        drop(state);
        self.not_empty.notify_one();
    }

    /// Takes the item at the front, sleeping until there is one. The item
    /// stays unfinished: call [`task_done`](Self::task_done) when done.
    pub fn get(&self) -> T {
        let mut state = lock(&self.state);
        loop {
            if let Some(item) = state.items.pop_front() {
                drop(state);
                self.not_full.notify_one();
                return item;
            }
            state = wait(&self.not_empty, state);
        }
    }
    // ANCHOR_END: joinable_put_get

    // ANCHOR: task_done_join
    /// Marks one item taken with `get` as finished.
    pub fn task_done(&self) -> Result<(), TooManyTaskDone> {
        let mut state = lock(&self.state);
        state.unfinished = state.unfinished.checked_sub(1).ok_or(TooManyTaskDone)?;
        if state.unfinished == 0 {
            drop(state);
            // Every joiner is waiting for this same news: wake them all.
            self.all_done.notify_all();
        }
        Ok(())
    }

    /// Sleeps until every item ever put has been marked done. Returns at
    /// once if nothing is unfinished.
    pub fn join(&self) {
        let mut state = lock(&self.state);
        while state.unfinished > 0 {
            state = wait(&self.all_done, state);
        }
    }
    // ANCHOR_END: task_done_join

    /// Items put and not yet marked done (Python's `unfinished_tasks`).
    pub fn unfinished(&self) -> usize {
        lock(&self.state).unfinished
    }

    /// How many items are waiting in the queue.
    pub fn len(&self) -> usize {
        lock(&self.state).items.len()
    }

    /// Whether no item is waiting in the queue.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
