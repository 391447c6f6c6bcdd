//! Step 1: [`BlockingQueue`], whose `get` sleeps until there is an item.

use std::collections::VecDeque;

use kit::sync::{Condvar, Mutex, lock, wait};

// ANCHOR: blocking_queue
/// The polling queue plus one `Condvar`: [`get`](BlockingQueue::get) sleeps
/// until an item arrives, instead of returning empty-handed. Python's
/// `queue.Queue()` with no size.
///
/// ```
/// use std::thread;
/// let queue = queues::BlockingQueue::new();
/// thread::scope(|s| {
///     let consumer = s.spawn(|| queue.get()); // waits for the put
///     queue.put("photo 1");
///     assert_eq!(consumer.join().unwrap(), "photo 1");
/// });
/// ```
#[derive(Debug)]
pub struct BlockingQueue<T> {
    items: Mutex<VecDeque<T>>,
    /// Notified after every put: "there may be an item now".
    not_empty: Condvar,
}
// ANCHOR_END: blocking_queue

impl<T> BlockingQueue<T> {
    /// A new, empty queue.
    pub fn new() -> Self {
        Self {
            items: Mutex::new(VecDeque::new()),
            not_empty: Condvar::new(),
        }
    }

    // ANCHOR: blocking_put_get
    /// Adds `item` at the back and wakes one thread waiting in `get`.
    pub fn put(&self, item: T) {
        lock(&self.items).push_back(item);
        // One item can satisfy one getter: wake one, not all.
        self.not_empty.notify_one();
    }

    /// Takes the item at the front, sleeping until there is one.
    pub fn get(&self) -> T {
        let mut items = lock(&self.items);
        loop {
            if let Some(item) = items.pop_front() {
                return item;
            }
            // `wait` unlocks `items` while it sleeps (so a producer can
            // put) and locks it again before returning. It may also return
            // with nothing having changed (a spurious wake-up), or after
            // another consumer took the item: hence the loop.
            let _waiting = trace::waiting(trace::Wait::Condvar, "not empty"); // for the chapter's pictures
            items = wait(&self.not_empty, items);
        }
    }
    // ANCHOR_END: blocking_put_get

    /// [`get`](Self::get), also counting the wake-ups that found the queue
    /// still empty (spurious ones, or ones another consumer beat it to): the
    /// blocking counterpart of [`Polls::woke_to_nothing`](crate::Polls).
    pub fn get_counting_empty_wakeups(&self) -> (T, usize) {
        let mut items = lock(&self.items);
        let mut woke_to_nothing = 0;
        let mut waited = false;
        loop {
            if let Some(item) = items.pop_front() {
                return (item, woke_to_nothing);
            }
            woke_to_nothing += usize::from(waited);
            waited = true;
            let _waiting = trace::waiting(trace::Wait::Condvar, "not empty");
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
    fn default() -> Self {
        Self::new()
    }
}
