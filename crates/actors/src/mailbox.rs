//! [`Mailbox`]: the queue an actor reads its messages from, and that anyone
//! holding its address can write to, until it is closed.

use std::collections::VecDeque;
use std::fmt;

use kit::sync::{Condvar, Mutex, lock, wait};

// ANCHOR: mailbox
/// An unbounded queue of messages that can be closed: the actor's mailbox.
///
/// The Cookbook's actor uses a `queue.Queue` and closes it by putting a
/// sentinel, `ActorExit`, behind the last message. Here "closed" is a flag
/// beside the queue, under the same lock, and it has two effects:
///
/// - [`send`](Mailbox::send) refuses new messages with [`Closed`], handing
///   the message back (Python accepts them and never delivers them);
/// - [`recv`](Mailbox::recv) still hands out every message that was queued
///   before the close, and returns `None` once the queue is empty: the
///   `None` is Python's `ActorExit`.
///
/// ```
/// use actors::Mailbox;
///
/// let mailbox = Mailbox::new();
/// mailbox.send("Hello").unwrap();
/// mailbox.close();
/// assert_eq!(mailbox.send("late").unwrap_err().into_inner(), "late");
/// assert_eq!(mailbox.recv(), Some("Hello")); // queued before the close
/// assert_eq!(mailbox.recv(), None); // closed and empty: the end
/// ```
pub struct Mailbox<M> {
    state: Mutex<State<M>>,
    /// Notified when a message arrives or the mailbox closes.
    changed: Condvar,
}

struct State<M> {
    queue: VecDeque<M>,
    closed: bool,
}
// ANCHOR_END: mailbox

/// The error from sending to a closed mailbox: the message comes back, so
/// nothing is lost without the sender knowing (like `std::sync::mpsc::SendError`).
///
/// `Closed` with no type argument (`Closed<()>`) is what
/// [`Worker::submit`](crate::Worker::submit) returns: the job it refuses is
/// dropped.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Closed<M = ()>(pub M);

impl<M> Closed<M> {
    /// The message that was not delivered.
    pub fn into_inner(self) -> M {
        self.0
    }
}

// By hand, not derived: a derive would require `M: Debug`, and then
// `.expect()` could not be called on a `Result<_, Closed<M>>` for every `M`.
impl<M> fmt::Debug for Closed<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Closed(..)")
    }
}

impl<M> fmt::Display for Closed<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the mailbox is closed")
    }
}

impl<M> std::error::Error for Closed<M> {}

impl<M> Mailbox<M> {
    /// An empty, open mailbox.
    pub fn new() -> Self {
        Self {
            state: Mutex::new(State {
                queue: VecDeque::new(),
                closed: false,
            }),
            changed: Condvar::new(),
        }
    }

    // ANCHOR: mailbox_send
    /// Puts `msg` at the back of the queue, or hands it back if the mailbox
    /// is closed. Never blocks (beyond taking the lock): the queue has no
    /// bound.
    pub fn send(&self, msg: M) -> Result<(), Closed<M>> {
        let mut state = lock(&self.state);
        // The check and the push happen under one lock, so a message is
        // either queued before the close (and will be handled) or refused.
        // There is no third case.
        if state.closed {
            return Err(Closed(msg));
        }
        state.queue.push_back(msg);
        // One message, one reader: the actor's thread is the only one that
        // ever waits, so `notify_one` wakes it.
        self.changed.notify_one();
        Ok(())
    }
    // ANCHOR_END: mailbox_send

    // ANCHOR: mailbox_recv
    /// Takes the message at the front of the queue, waiting for one if the
    /// queue is empty. Returns `None` when the mailbox is closed *and* empty:
    /// every message sent before the close has been handed out.
    pub fn recv(&self) -> Option<M> {
        let mut state = lock(&self.state);
        loop {
            // Messages first, the closed flag second: that order is the rule
            // "what is queued at the close is still handled".
            if let Some(msg) = state.queue.pop_front() {
                return Some(msg);
            }
            if state.closed {
                return None;
            }
            // A loop, not an `if`: wake-ups can be spurious.
            let _waiting = trace::waiting(trace::Wait::Condvar, "a message"); // for the pictures
            state = wait(&self.changed, state);
        }
    }
    // ANCHOR_END: mailbox_recv

    // ANCHOR: mailbox_close
    /// Closes the mailbox: later sends are refused; messages already queued
    /// stay queued for [`recv`](Mailbox::recv). Closing twice is harmless.
    pub fn close(&self) {
        lock(&self.state).closed = true;
        // Wake the reader if it is waiting on an empty queue, so it sees the
        // close and returns `None` instead of sleeping for ever.
        self.changed.notify_all();
    }
    // ANCHOR_END: mailbox_close

    /// Closes the mailbox and takes out every message still queued, for the
    /// caller to drop *outside* the lock (dropping a message may run code:
    /// a job's result handle reports "not run" when it is dropped).
    pub(crate) fn close_and_take_all(&self) -> VecDeque<M> {
        let mut state = lock(&self.state);
        state.closed = true;
        let left = std::mem::take(&mut state.queue);
        drop(state);
        self.changed.notify_all();
        left
    }

    /// Whether the mailbox has been closed.
    pub fn is_closed(&self) -> bool {
        lock(&self.state).closed
    }

    /// How many messages are waiting. Another thread may change that the
    /// moment after you look: use it for reports and tests.
    pub fn len(&self) -> usize {
        lock(&self.state).queue.len()
    }

    /// Whether no message is waiting (with the same caveat as [`len`](Mailbox::len)).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<M> Default for Mailbox<M> {
    fn default() -> Self {
        Self::new()
    }
}

impl<M> fmt::Debug for Mailbox<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = lock(&self.state);
        f.debug_struct("Mailbox")
            .field("queued", &state.queue.len())
            .field("closed", &state.closed)
            .finish()
    }
}
