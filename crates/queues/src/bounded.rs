//! Step 2: [`BoundedQueue`], whose `put` sleeps while the queue is full.

use std::collections::VecDeque;
use std::fmt;

use kit::sync::{Condvar, Mutex, lock, wait};

/// The error for a capacity of zero: a queue with no room at all would make
/// every `put` wait forever, so the constructors refuse it.
///
/// (Python's `Queue(0)` means "no limit"; in Rust that is a separate
/// constructor, `unbounded()`, so a zero that came from a bad setting is
/// caught instead of silently meaning "infinite".)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ZeroCapacity;

impl fmt::Display for ZeroCapacity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a bounded queue needs room for at least one item (with capacity 0 every put would wait forever)")
    }
}

impl std::error::Error for ZeroCapacity {}

// ANCHOR: bounded_queue
/// The blocking queue with a limit: [`put`](BoundedQueue::put) sleeps while
/// `capacity` items are waiting, so a fast producer cannot run ahead of a
/// slow consumer by more than `capacity` items (*backpressure*). Python's
/// `queue.Queue(maxsize)`.
///
/// Every put and get is also numbered, under the lock, in the order the
/// queue performed it ([`put_numbered`](BoundedQueue::put_numbered)): a
/// record of what happened that does not depend on when threads get round
/// to printing.
///
/// ```
/// let queue = queues::BoundedQueue::new(1)?;
/// assert_eq!(queue.put_numbered("photo 1"), 1);
/// assert_eq!(queue.get_numbered(), ("photo 1", 2));
/// # Ok::<(), queues::ZeroCapacity>(())
/// ```
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
// ANCHOR_END: bounded_queue

impl<T> BoundedQueue<T> {
    /// A new, empty queue that holds at most `capacity` items.
    pub fn new(capacity: usize) -> Result<Self, ZeroCapacity> {
        if capacity == 0 {
            return Err(ZeroCapacity);
        }
        Ok(Self {
            state: Mutex::new(State {
                items: VecDeque::new(),
                operations: 0,
            }),
            capacity,
            not_empty: Condvar::new(),
            not_full: Condvar::new(),
        })
    }

    /// A queue with no practical limit: `put` never waits.
    pub fn unbounded() -> Self {
        Self::new(usize::MAX).expect("usize::MAX is not zero")
    }

    /// The most items the queue holds at once.
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// Adds `item` at the back, sleeping while the queue is full.
    pub fn put(&self, item: T) {
        self.put_numbered(item);
    }

    /// Takes the item at the front, sleeping until there is one.
    pub fn get(&self) -> T {
        self.get_numbered().0
    }

    // ANCHOR: bounded_put_get
    /// [`put`](Self::put), returning the operation's number: 1 for the
    /// queue's first put or get, 2 for the second, and so on.
    pub fn put_numbered(&self, item: T) -> u64 {
        let mut state = lock(&self.state);
        // The mirror image of `get`'s loop: wait for room, not for an item.
        while state.items.len() >= self.capacity {
            state = wait(&self.not_full, state);
        }
        state.items.push_back(item);
        state.operations += 1;
        let number = state.operations;
        drop(state);
        self.not_empty.notify_one();
        number
    }

    /// [`get`](Self::get), returning the item and the operation's number.
    pub fn get_numbered(&self) -> (T, u64) {
        let mut state = lock(&self.state);
        loop {
            if let Some(item) = state.items.pop_front() {
                state.operations += 1;
                let number = state.operations;
                drop(state);
                // A get makes room for one item: wake one waiting producer.
                self.not_full.notify_one();
                return (item, number);
            }
            state = wait(&self.not_empty, state);
        }
    }
    // ANCHOR_END: bounded_put_get

    /// How many items are waiting.
    pub fn len(&self) -> usize {
        lock(&self.state).items.len()
    }

    /// Whether no item is waiting.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
