//! Step 1, [`Channel`]: a queue that any number of threads can send to and
//! receive from, closed once and drained after. The pool's workers pull
//! their jobs from one, and [`as_completed`](crate::as_completed) hears of
//! finished jobs through one.

use std::collections::VecDeque;
use std::fmt;

use kit::sync::{Condvar, Mutex, lock, wait};

// ANCHOR: channel
/// A queue that many threads can send to and receive from (std's
/// `mpsc::Receiver` has one owner; the Rust Book shares it behind a `Mutex`,
/// crossbeam's receiver can be cloned; this is the twenty lines inside).
///
/// [`recv`](Channel::recv) blocks while the channel is empty and open. After
/// [`close`](Channel::close), sends are refused, but what is already queued is
/// still handed out; `recv` returns `None` only once the channel is closed
/// *and* empty. That is what lets a pool finish its queued jobs on shutdown.
///
/// ```
/// use thread_pools::Channel;
///
/// let channel = Channel::new();
/// channel.send(1).expect("open");
/// channel.send(2).expect("open");
/// channel.close();
/// assert_eq!(channel.send(3), Err(3)); // refused: closed
/// assert_eq!(channel.recv(), Some(1)); // but what was queued is delivered
/// assert_eq!(channel.recv(), Some(2));
/// assert_eq!(channel.recv(), None); // closed and empty: the end
/// ```
pub struct Channel<T> {
    state: Mutex<ChannelState<T>>,
    /// Signalled when an item arrives or the channel closes.
    changed: Condvar,
}

struct ChannelState<T> {
    items: VecDeque<T>,
    closed: bool,
}

impl<T> Channel<T> {
    pub fn new() -> Self {
        Channel {
            state: Mutex::new(ChannelState {
                items: VecDeque::new(),
                closed: false,
            }),
            changed: Condvar::new(),
        }
    }

    /// Queues `item`, or hands it back if the channel is closed.
    pub fn send(&self, item: T) -> Result<(), T> {
        let mut state = lock(&self.state);
        if state.closed {
            return Err(item);
        }
        state.items.push_back(item);
        drop(state);
        // One item, one receiver to wake.
        self.changed.notify_one();
        Ok(())
    }

    /// The next item, waiting for one if need be; `None` once the channel is
    /// closed and empty.
    pub fn recv(&self) -> Option<T> {
        let mut state = lock(&self.state);
        loop {
            if let Some(item) = state.items.pop_front() {
                return Some(item);
            }
            if state.closed {
                return None;
            }
            // In a loop: a wake-up is a hint to look again, never a promise.
            let _waiting = trace::waiting(trace::Wait::Condvar, "an item"); // for the pictures
            state = wait(&self.changed, state);
        }
    }

    /// Refuses further sends and wakes every waiting receiver, so each one
    /// drains what is left and then sees the end.
    pub fn close(&self) {
        lock(&self.state).closed = true;
        self.changed.notify_all();
    }
}
// ANCHOR_END: channel

impl<T> Default for Channel<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> fmt::Debug for Channel<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = lock(&self.state);
        f.debug_struct("Channel")
            .field("queued", &state.items.len())
            .field("closed", &state.closed)
            .finish()
    }
}
