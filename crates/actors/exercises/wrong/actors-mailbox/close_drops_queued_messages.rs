//! expect: must still be handled
//! `close` empties the queue: the messages sent before it are thrown away
//! instead of handled. (Caught by the tests:
//! `close_lets_the_actor_handle_what_is_queued_then_ends_it`.)

use std::collections::VecDeque;
use std::fmt;

use crate::sync::{Condvar, Mutex, lock, wait};

/// The error from sending to a closed mailbox: the message comes back.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Closed<M>(pub M);

impl<M> fmt::Debug for Closed<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Closed(..)")
    }
}

/// An unbounded queue of messages that can be closed: an actor's mailbox.
pub struct Mailbox<M> {
    state: Mutex<State<M>>,
    /// Notified when a message arrives or the mailbox closes.
    changed: Condvar,
}

struct State<M> {
    queue: VecDeque<M>,
    /// Beside the queue, under the same lock: a send either queues before
    /// the close or is refused; there is no third case.
    closed: bool,
}

impl<M> Mailbox<M> {
    /// An empty, open mailbox.
    pub fn new() -> Mailbox<M> {
        Mailbox {
            state: Mutex::new(State {
                queue: VecDeque::new(),
                closed: false,
            }),
            changed: Condvar::new(),
        }
    }

    /// Queues `msg`, or hands it back if the mailbox is closed.
    pub fn send(&self, msg: M) -> Result<(), Closed<M>> {
        let mut state = lock(&self.state);
        if state.closed {
            return Err(Closed(msg));
        }
        state.queue.push_back(msg);
        drop(state);
        self.changed.notify_one();
        Ok(())
    }

    /// The next message, waiting for one while the mailbox is empty and
    /// open; `None` once it is closed *and* empty.
    pub fn recv(&self) -> Option<M> {
        let mut state = lock(&self.state);
        loop {
            // Messages first, the flag second: what was queued before the
            // close is still handled.
            if let Some(msg) = state.queue.pop_front() {
                return Some(msg);
            }
            if state.closed {
                return None;
            }
            state = wait(&self.changed, state);
        }
    }

    /// Refuses later sends; the queued messages stay for `recv`. Wakes the
    /// actor if it sleeps on an empty mailbox, so it sees the end.
    pub fn close(&self) {
        // Closed is closed: nothing more for the actor to do.
        let mut state = lock(&self.state);
        state.closed = true;
        state.queue.clear();
        drop(state);
        self.changed.notify_all();
    }

    /// Whether the mailbox has been closed.
    pub fn is_closed(&self) -> bool {
        lock(&self.state).closed
    }

    /// How many messages are waiting.
    pub fn len(&self) -> usize {
        lock(&self.state).queue.len()
    }

    /// Whether no message is waiting.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<M> Default for Mailbox<M> {
    fn default() -> Mailbox<M> {
        Mailbox::new()
    }
}

impl<M> fmt::Debug for Mailbox<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Mailbox")
            .field("queued", &self.len())
            .field("closed", &self.is_closed())
            .finish()
    }
}
