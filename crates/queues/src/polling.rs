//! Step 0: [`PollingQueue`], Effective Python's hand-made `MyQueue`, and the
//! [`polling_worker`] that drives a pipeline stage from it.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

use kit::sync::{Mutex, lock};

// ANCHOR: polling_queue
/// A `VecDeque` behind a `Mutex`: safe to share between threads, but `get`
/// cannot wait. On an empty queue [`try_get`](PollingQueue::try_get) returns
/// `None` (Python's `popleft()` raises `IndexError`), and the caller has to
/// decide what to do until the next item arrives.
///
/// ```
/// let queue = queues::PollingQueue::new();
/// queue.put("photo 1");
/// assert_eq!(queue.try_get(), Some("photo 1"));
/// assert_eq!(queue.try_get(), None); // empty: come back later
/// ```
#[derive(Debug)]
pub struct PollingQueue<T> {
    items: Mutex<VecDeque<T>>,
}

impl<T> PollingQueue<T> {
    /// A new, empty queue.
    pub fn new() -> Self {
        Self {
            items: Mutex::new(VecDeque::new()),
        }
    }

    /// Adds `item` at the back. Never blocks, never refuses: the queue grows
    /// for as long as memory lasts.
    pub fn put(&self, item: T) {
        lock(&self.items).push_back(item);
    }

    /// Takes the item at the front, or `None` if there is none yet.
    pub fn try_get(&self) -> Option<T> {
        lock(&self.items).pop_front()
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
// ANCHOR_END: polling_queue

/// What a polling worker did: how often it looked at its input queue, and
/// what it found there.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Polls {
    /// Polls that found an item (one per item processed).
    pub found_work: usize,
    /// Polls that found the queue empty: wasted work.
    pub found_nothing: usize,
    /// Of those, the polls made on waking from a nap: the thread slept,
    /// woke up, and found nothing to do (a blocking queue wakes a consumer
    /// only when an item has arrived, so it has next to none of these).
    pub woke_to_nothing: usize,
}

impl Polls {
    /// Every poll, useful or not.
    pub fn total(self) -> usize {
        self.found_work + self.found_nothing
    }
}

impl std::ops::Add for Polls {
    type Output = Polls;

    fn add(self, other: Polls) -> Polls {
        Polls {
            found_work: self.found_work + other.found_work,
            found_nothing: self.found_nothing + other.found_nothing,
            woke_to_nothing: self.woke_to_nothing + other.woke_to_nothing,
        }
    }
}

// ANCHOR: polling_worker
/// One pipeline stage driven by polling (Effective Python's `Worker.run`):
/// take an item from `input`, apply `work`, put the result on `output`; when
/// `input` is empty, nap for `nap` and look again.
///
/// Python's loop is `while True`: nothing can end it short of ending the
/// process. The `stop` flag is bolted on so that this lesson can join its
/// threads, and it is checked between items, whatever is still queued.
pub fn polling_worker<T, U>(
    input: &PollingQueue<T>,
    output: &PollingQueue<U>,
    mut work: impl FnMut(T) -> U,
    stop: &AtomicBool,
    nap: Duration,
) -> Polls {
    let mut polls = Polls::default();
    let mut napped = false;
    // `Acquire` pairs with the `Release` store of whoever sets the flag.
    while !stop.load(Ordering::Acquire) {
        match input.try_get() {
            Some(item) => {
                output.put(work(item));
                polls.found_work += 1;
                napped = false;
            }
            None => {
                // Nothing to do. Sleeping keeps this from burning a whole
                // core, but every nap adds delay, and every wake-up is a
                // poll that may find nothing again.
                polls.found_nothing += 1;
                if napped {
                    polls.woke_to_nothing += 1;
                    trace::instant("woke to nothing"); // for the chapter's pictures
                }
                napped = true;
                let _napping = trace::waiting(trace::Wait::Sleep, "nap");
                thread::sleep(nap);
            }
        }
    }
    polls
}
// ANCHOR_END: polling_worker

/// Busy-waits until `queue` holds `count` items (the notes' `while
/// len(done_queue.items) < 1000: pass`, with a nap), and returns what its
/// looks found: the last one found them all (`found_work: 1`), every other
/// one found too few, and each of those after the first was made on waking
/// from a nap.
pub fn wait_until_len<T>(queue: &PollingQueue<T>, count: usize, nap: Duration) -> Polls {
    let mut looks = Polls::default();
    while queue.len() < count {
        if looks.found_nothing > 0 {
            looks.woke_to_nothing += 1;
            trace::instant("woke to nothing"); // for the chapter's pictures
        }
        looks.found_nothing += 1;
        let _napping = trace::waiting(trace::Wait::Sleep, "nap");
        thread::sleep(nap);
    }
    looks.found_work = 1;
    looks
}

impl<T> Default for PollingQueue<T> {
    fn default() -> Self {
        Self::new()
    }
}
