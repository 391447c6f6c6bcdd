//! # Exercise `actors-mailbox`: closing ends the actor after its mail
//!
//! Read first, in book/src/actors.md (`cargo xtask learn` prints the link to
//! the section): "Closing: what is queued is handled, what comes later is
//! refused".
//!
//! The Cookbook closes an actor by putting a sentinel, `ActorExit`, behind
//! its last message; a message sent after it is queued and never read.
//! Build the Rust mailbox instead: a queue and a `closed` flag behind one
//! `Mutex`, and a `Condvar` the actor sleeps on.
//!
//! - `send(msg)`: queue it and wake the actor; once closed,
//!   `Err(Closed(msg))`: the message comes back, refused;
//! - `recv()`: the next message, sleeping while the mailbox is empty and
//!   open; `None` once it is closed **and** empty. That `None` ends the
//!   actor's loop, `while let Some(msg) = mailbox.recv() { ... }`, and only
//!   after **every** message queued before the close has been handled;
//! - `close()`: refuse later sends, keep what is queued, and wake an actor
//!   asleep on an empty mailbox (or it sleeps for ever);
//! - `is_closed()`, `len()`.
//!
//! Check it: `cargo xtask learn check actors-mailbox`.

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
    // TODO: the queue (`VecDeque<M>`) and the `closed` flag, both behind one
    // `Mutex`, and a `Condvar` the actor waits on.
    _todo: std::marker::PhantomData<M>,
}

impl<M> Mailbox<M> {
    /// An empty, open mailbox.
    pub fn new() -> Mailbox<M> {
        // TODO
        todo!("Mailbox::new")
    }

    /// Queues `msg`, or hands it back if the mailbox is closed.
    pub fn send(&self, msg: M) -> Result<(), Closed<M>> {
        // TODO: check the flag and push under one lock; then notify.
        todo!("Mailbox::send")
    }

    /// The next message, waiting for one while the mailbox is empty and
    /// open; `None` once it is closed *and* empty.
    pub fn recv(&self) -> Option<M> {
        // TODO: lock; loop { a message? return it. closed? None. else wait }.
        todo!("Mailbox::recv")
    }

    /// Refuses later sends; the queued messages stay for `recv`. Wakes the
    /// actor if it sleeps on an empty mailbox, so it sees the end.
    pub fn close(&self) {
        // TODO: set the flag under the lock, then wake the waiter.
        todo!("Mailbox::close")
    }

    /// Whether the mailbox has been closed.
    pub fn is_closed(&self) -> bool {
        // TODO
        todo!("Mailbox::is_closed")
    }

    /// How many messages are waiting.
    pub fn len(&self) -> usize {
        // TODO
        todo!("Mailbox::len")
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
        f.debug_struct("Mailbox").finish_non_exhaustive()
    }
}
