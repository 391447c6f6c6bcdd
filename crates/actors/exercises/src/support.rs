//! Written for you (no exercise here): the lesson's mailbox, [`Actor`],
//! [`Address`] and [`Inbox`], for `actors-tagged` and `actors-subscription`
//! to build on. (`actors-mailbox` asks you to write a mailbox like this one.)

use std::collections::VecDeque;
use std::fmt;

use crate::sync::{Arc, Condvar, Mutex, lock, thread, wait};

/// The error from sending to a closed mailbox: the message comes back.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Closed<M>(pub M);

impl<M> fmt::Debug for Closed<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Closed(..)")
    }
}

/// A closable, unbounded queue of messages (the lesson's `Mailbox`).
pub struct Mailbox<M> {
    state: Mutex<(VecDeque<M>, bool)>,
    changed: Condvar,
}

impl<M> Mailbox<M> {
    pub fn new() -> Mailbox<M> {
        Mailbox {
            state: Mutex::new((VecDeque::new(), false)),
            changed: Condvar::new(),
        }
    }

    /// Queues `msg`, or hands it back if the mailbox is closed.
    pub fn send(&self, msg: M) -> Result<(), Closed<M>> {
        let mut state = lock(&self.state);
        if state.1 {
            return Err(Closed(msg));
        }
        state.0.push_back(msg);
        drop(state);
        self.changed.notify_one();
        Ok(())
    }

    /// The next message, waiting for one; `None` once closed and empty.
    pub fn recv(&self) -> Option<M> {
        let mut state = lock(&self.state);
        loop {
            if let Some(msg) = state.0.pop_front() {
                return Some(msg);
            }
            if state.1 {
                return None;
            }
            state = wait(&self.changed, state);
        }
    }

    /// Refuses later sends; what is queued is still handed out.
    pub fn close(&self) {
        lock(&self.state).1 = true;
        self.changed.notify_all();
    }

    /// How many messages are waiting.
    pub fn len(&self) -> usize {
        lock(&self.state).0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Takes every message waiting, without blocking.
    pub fn drain(&self) -> Vec<M> {
        lock(&self.state).0.drain(..).collect()
    }
}

impl<M> Default for Mailbox<M> {
    fn default() -> Mailbox<M> {
        Mailbox::new()
    }
}

impl<M> fmt::Debug for Mailbox<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = lock(&self.state);
        f.debug_struct("Mailbox")
            .field("queued", &state.0.len())
            .field("closed", &state.1)
            .finish()
    }
}

/// Where to send messages to an actor: a cloneable share of its mailbox.
pub struct Address<M> {
    mailbox: Arc<Mailbox<M>>,
}

impl<M> Address<M> {
    /// An address for `mailbox` (tests use it without an actor thread).
    pub fn of(mailbox: &Arc<Mailbox<M>>) -> Address<M> {
        Address {
            mailbox: Arc::clone(mailbox),
        }
    }

    /// Puts `msg` in the mailbox, or hands it back if it is closed.
    pub fn send(&self, msg: M) -> Result<(), Closed<M>> {
        self.mailbox.send(msg)
    }
}

impl<M> Clone for Address<M> {
    fn clone(&self) -> Address<M> {
        Address::of(&self.mailbox)
    }
}

impl<M> fmt::Debug for Address<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Address")
            .field("mailbox", &self.mailbox)
            .finish()
    }
}

/// The actor's end of its mailbox: the messages, until closed and empty.
pub struct Inbox<M> {
    mailbox: Arc<Mailbox<M>>,
}

impl<M> Iterator for Inbox<M> {
    type Item = M;

    fn next(&mut self) -> Option<M> {
        self.mailbox.recv()
    }
}

impl<M> fmt::Debug for Inbox<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Inbox")
            .field("mailbox", &self.mailbox)
            .finish()
    }
}

/// A thread that owns its state and reads a mailbox; what its function
/// returns comes back from [`join`](Actor::join).
pub struct Actor<M, R> {
    mailbox: Arc<Mailbox<M>>,
    thread: Option<thread::JoinHandle<R>>,
}

/// Closes the mailbox however the actor's thread ends (a panic too), so
/// that senders are refused rather than queueing for nobody.
struct CloseOnExit<M>(Arc<Mailbox<M>>);

impl<M> Drop for CloseOnExit<M> {
    fn drop(&mut self) {
        self.0.close();
    }
}

impl<M: Send + 'static, R: Send + 'static> Actor<M, R> {
    /// Starts `run` on a new thread over the actor's inbox.
    ///
    /// # Panics
    ///
    /// If the operating system cannot start a thread.
    pub fn spawn(run: impl FnOnce(Inbox<M>) -> R + Send + 'static) -> Actor<M, R> {
        let mailbox = Arc::new(Mailbox::new());
        let inbox = Inbox {
            mailbox: Arc::clone(&mailbox),
        };
        let thread = thread::spawn(move || {
            let _on_exit = CloseOnExit(Arc::clone(&inbox.mailbox));
            run(inbox)
        });
        Actor {
            mailbox,
            thread: Some(thread),
        }
    }

    /// Sends `msg` to the actor, or hands it back if its mailbox is closed.
    pub fn send(&self, msg: M) -> Result<(), Closed<M>> {
        self.mailbox.send(msg)
    }

    /// Closes the mailbox: what is queued is still handled, then the actor's
    /// inbox ends.
    pub fn close(&self) {
        self.mailbox.close();
    }

    /// Closes the mailbox, waits for the actor, and returns what its
    /// function returned (`Err` with the panic's payload if it panicked).
    pub fn join(mut self) -> std::thread::Result<R> {
        self.mailbox.close();
        match self.thread.take() {
            Some(thread) => thread.join(),
            None => unreachable!("only join and drop take the thread"),
        }
    }
}

impl<M, R> Actor<M, R> {
    /// A cloneable address for other threads to send through.
    pub fn address(&self) -> Address<M> {
        Address::of(&self.mailbox)
    }
}

impl<M, R> Drop for Actor<M, R> {
    fn drop(&mut self) {
        if let Some(thread) = self.thread.take() {
            self.mailbox.close();
            let _ = thread.join();
        }
    }
}

impl<M, R> fmt::Debug for Actor<M, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Actor")
            .field("mailbox", &self.mailbox)
            .finish()
    }
}
