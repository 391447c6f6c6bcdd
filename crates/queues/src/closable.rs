//! Step 4: [`ClosableQueue`], which can tell its consumers that no more items
//! will come, so that `for item in &queue` ends.

use std::collections::VecDeque;
use std::fmt;

use crate::{TooManyTaskDone, ZeroCapacity};
use kit::sync::{Condvar, Mutex, lock, wait};

/// A `put` on a closed queue: the item was not queued, and here it is back.
/// (crossbeam's `SendError` works the same way.) Nothing is lost silently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Closed<T>(pub T);

impl<T> fmt::Display for Closed<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the queue is closed: the item was not queued")
    }
}

impl<T: fmt::Debug> std::error::Error for Closed<T> {}

// ANCHOR: closable_queue
/// The joinable queue plus a `closed` flag. After [`close`](Self::close):
///
/// - every item already queued is still delivered;
/// - then [`get`](Self::get) returns `None` instead of sleeping, so
///   `for item in &queue` ends, in every consumer, including those asleep in
///   `get` when the queue was closed;
/// - [`put`](Self::put) returns `Err(Closed(item))`, handing the item back.
///
/// Effective Python's `ClosableQueue` closes by putting a sentinel object,
/// one per consumer; here closing is a state of the queue, so one `close()`
/// reaches every consumer, and no sentinel can be mistaken for an item.
///
/// ```
/// let queue = queues::ClosableQueue::unbounded();
/// queue.put("photo 1")?;
/// queue.put("photo 2")?;
/// queue.close();
/// assert_eq!(queue.put("photo 3"), Err(queues::Closed("photo 3")));
/// let delivered: Vec<_> = (&queue).into_iter().collect();
/// assert_eq!(delivered, ["photo 1", "photo 2"]); // queued before the close
/// # Ok::<(), queues::Closed<&str>>(())
/// ```
#[derive(Debug)]
pub struct ClosableQueue<T> {
    state: Mutex<State<T>>,
    capacity: usize,
    not_empty: Condvar,
    not_full: Condvar,
    all_done: Condvar,
}

#[derive(Debug)]
struct State<T> {
    items: VecDeque<T>,
    unfinished: usize,
    /// Set once by `close`, never cleared.
    closed: bool,
}
// ANCHOR_END: closable_queue

impl<T> ClosableQueue<T> {
    /// A new, open, empty queue that holds at most `capacity` items.
    pub fn new(capacity: usize) -> Result<Self, ZeroCapacity> {
        if capacity == 0 {
            return Err(ZeroCapacity);
        }
        Ok(Self {
            state: Mutex::new(State {
                items: VecDeque::new(),
                unfinished: 0,
                closed: false,
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

    // ANCHOR: closable_put_get
    /// Adds `item` at the back, sleeping while the queue is full; or, if
    /// the queue is closed (before or while this put waits), hands the item
    /// back as `Err(Closed(item))`.
    pub fn put(&self, item: T) -> Result<(), Closed<T>> {
        let mut state = lock(&self.state);
        while state.items.len() >= self.capacity && !state.closed {
            state = wait(&self.not_full, state);
        }
        if state.closed {
            return Err(Closed(item));
        }
        state.items.push_back(item);
        state.unfinished += 1;
        drop(state);
        self.not_empty.notify_one();
        Ok(())
    }

    /// Takes the item at the front, sleeping until there is one; `None`
    /// once the queue is closed *and* empty. The item stays unfinished until
    /// [`task_done`](Self::task_done) (the iterator calls it for you).
    pub fn get(&self) -> Option<T> {
        let mut state = lock(&self.state);
        loop {
            // Items first: closing stops new puts, not deliveries.
            if let Some(item) = state.items.pop_front() {
                drop(state);
                self.not_full.notify_one();
                return Some(item);
            }
            if state.closed {
                return None;
            }
            state = wait(&self.not_empty, state);
        }
    }

    /// Closes the queue: no more puts. Wakes every thread asleep in `get`
    /// or `put`, so each can see the news. Closing twice is harmless.
    pub fn close(&self) {
        lock(&self.state).closed = true;
        // `notify_all`, not `notify_one`: every sleeper must wake up and
        // return, not only one of them (the loom model
        // `close_wakes_every_waiting_consumer` fails with `notify_one`).
        self.not_empty.notify_all();
        self.not_full.notify_all();
    }
    // ANCHOR_END: closable_put_get

    /// Whether [`close`](Self::close) has been called.
    pub fn is_closed(&self) -> bool {
        lock(&self.state).closed
    }

    /// Marks one item taken with `get` as finished.
    pub fn task_done(&self) -> Result<(), TooManyTaskDone> {
        let mut state = lock(&self.state);
        state.unfinished = state.unfinished.checked_sub(1).ok_or(TooManyTaskDone)?;
        if state.unfinished == 0 {
            drop(state);
            self.all_done.notify_all();
        }
        Ok(())
    }

    /// Sleeps until every item ever put has been marked done.
    pub fn join(&self) {
        let mut state = lock(&self.state);
        while state.unfinished > 0 {
            state = wait(&self.all_done, state);
        }
    }

    /// Items put and not yet marked done.
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

// ANCHOR: closable_iter
/// `for item in &queue`: the items, until the queue is closed and empty.
///
/// Like the `__iter__` of Effective Python's `ClosableQueue`, it calls
/// `task_done` for each item once the loop body is finished with it: when
/// the loop asks for the next item, or when the loop ends (by `break`, by
/// `return`, or by a panic), as the iterator is dropped.
#[derive(Debug)]
pub struct Iter<'a, T> {
    queue: &'a ClosableQueue<T>,
    /// Whether the last item handed out still needs its `task_done`.
    owes_task_done: bool,
}

impl<T> Iter<'_, T> {
    fn finish_previous(&mut self) {
        if std::mem::take(&mut self.owes_task_done) {
            // This answers the `get` in `next`, so it cannot be one too
            // many, unless the loop body also called `task_done` for the
            // same item. That mistake would end a `join` early; it does
            // nothing worse here, so the error is not turned into a panic.
            let _ = self.queue.task_done();
        }
    }
}

impl<T> Iterator for Iter<'_, T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        self.finish_previous();
        let item = self.queue.get()?;
        self.owes_task_done = true;
        Some(item)
    }
}

impl<T> Drop for Iter<'_, T> {
    fn drop(&mut self) {
        self.finish_previous();
    }
}

impl<'a, T> IntoIterator for &'a ClosableQueue<T> {
    type Item = T;
    type IntoIter = Iter<'a, T>;

    fn into_iter(self) -> Iter<'a, T> {
        Iter {
            queue: self,
            owes_task_done: false,
        }
    }
}
// ANCHOR_END: closable_iter
