//! [`Actor`]: a thread that owns its state and reads a [`Mailbox`];
//! [`Address`], a handle others send through; [`Inbox`], what the actor reads.

use std::fmt;

use kit::panic_message;
use kit::sync::{Arc, thread};

use crate::mailbox::{Closed, Mailbox};

// ANCHOR: actor
/// A thread that owns its state and a mailbox: the Cookbook's `Actor`.
///
/// [`spawn`](Actor::spawn) starts the thread with a function that reads an
/// [`Inbox`]; the function's locals are the actor's state, and no other
/// thread can touch them: they are reached only through messages. What the
/// function returns comes back from [`join`](Actor::join).
///
/// ```
/// use actors::Actor;
///
/// let printer = Actor::spawn("printer", |inbox| {
///     let mut got = Vec::new(); // the actor's state
///     for msg in inbox {
///         got.push(format!("Got: {msg}"));
///     }
///     got // the loop ends when the mailbox is closed and empty
/// });
/// printer.send("Hello").unwrap();
/// printer.send("World").unwrap();
/// printer.close();
/// assert_eq!(printer.join().unwrap(), ["Got: Hello", "Got: World"]);
/// ```
pub struct Actor<M, R = ()> {
    name: String,
    mailbox: Arc<Mailbox<M>>,
    /// `Some` until [`join`](Actor::join) or `drop` joins it.
    thread: Option<thread::JoinHandle<R>>,
}

/// Where to send messages to an actor: a cheap, cloneable share of its
/// mailbox, for the threads (or the [`Exchange`](crate::Exchange)) that
/// talk to it. It cannot join the actor; only the [`Actor`] can.
pub struct Address<M> {
    mailbox: Arc<Mailbox<M>>,
}

/// The actor's end of its mailbox: an iterator over the messages, in the
/// order they arrived, that ends once the mailbox is closed and every message
/// sent before the close has been taken. That end is Python's `ActorExit`.
pub struct Inbox<M> {
    mailbox: Arc<Mailbox<M>>,
}
// ANCHOR_END: actor

// ANCHOR: actor_panicked
/// The error from [`Actor::join`] when the actor's thread panicked: which
/// actor, and the panic's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorPanicked {
    pub actor: String,
    pub message: String,
}
// ANCHOR_END: actor_panicked

impl fmt::Display for ActorPanicked {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "actor `{}` panicked: {}", self.actor, self.message)
    }
}

impl std::error::Error for ActorPanicked {}

impl<M: Send + 'static, R: Send + 'static> Actor<M, R> {
    // ANCHOR: actor_spawn
    /// Starts an actor on a new thread called `name`, running `run` over its
    /// inbox.
    ///
    /// However the thread ends (`run` returns, or panics), its mailbox is
    /// closed and the messages still in it are dropped, so a sender learns
    /// the actor is gone (`send` returns [`Closed`]) and whoever waits for
    /// an answer to a dropped message hears so (see [`Worker`](crate::Worker)).
    ///
    /// # Panics
    ///
    /// If the operating system cannot start a thread, as `std::thread::spawn`.
    pub fn spawn(name: &str, run: impl FnOnce(Inbox<M>) -> R + Send + 'static) -> Self {
        let mailbox = Arc::new(Mailbox::new());
        let inbox = Inbox {
            mailbox: Arc::clone(&mailbox),
        };
        let thread = thread::Builder::new()
            // The name shows up in the panic message on stderr:
            // "thread 'worker' panicked at ...".
            .name(name.to_owned())
            .spawn(move || {
                // Dropped last, also while a panic unwinds: the close and the
                // clean-up happen on every way out of `run`.
                let _on_exit = CloseOnExit(Arc::clone(&inbox.mailbox));
                run(inbox)
            })
            .expect("the operating system can start a thread");
        Self {
            name: name.to_owned(),
            mailbox,
            thread: Some(thread),
        }
    }
    // ANCHOR_END: actor_spawn

    // ANCHOR: actor_send
    /// Puts `msg` in the actor's mailbox, or hands it back if the mailbox is
    /// closed (by [`close`](Actor::close), or because the actor has ended).
    pub fn send(&self, msg: M) -> Result<(), Closed<M>> {
        self.mailbox.send(msg)
    }

    /// Closes the mailbox. The actor still handles every message that was
    /// sent before, then its inbox ends. Python sends an `ActorExit`
    /// sentinel; here nothing can be queued behind the close.
    pub fn close(&self) {
        self.mailbox.close();
    }
    // ANCHOR_END: actor_send

    // ANCHOR: actor_join
    /// Closes the mailbox (if it is still open), waits for the actor to
    /// handle what is queued and finish, and returns what its function
    /// returned, or [`ActorPanicked`] if it panicked.
    ///
    /// Python's `join` without a `close` waits for ever. This one closes
    /// first: once the `Actor` is given up, nothing but an [`Address`] could
    /// send to it, and waiting for that would be a hang.
    pub fn join(mut self) -> Result<R, ActorPanicked> {
        self.mailbox.close();
        let thread = self
            .thread
            .take()
            .expect("only `join` and `drop` take the thread, and `join` consumes the actor");
        thread.join().map_err(|payload| ActorPanicked {
            actor: self.name.clone(),
            message: panic_message(&*payload).to_owned(),
        })
    }
    // ANCHOR_END: actor_join
}

impl<M, R> Actor<M, R> {
    /// A cloneable address for other threads to send through.
    pub fn address(&self) -> Address<M> {
        Address {
            mailbox: Arc::clone(&self.mailbox),
        }
    }

    /// The name given to [`spawn`](Actor::spawn).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// How many messages are waiting in the mailbox right now.
    pub fn queued(&self) -> usize {
        self.mailbox.len()
    }

    /// Whether the mailbox is closed: by [`close`](Actor::close), or because
    /// the actor's thread has ended.
    pub fn is_closed(&self) -> bool {
        self.mailbox.is_closed()
    }
}

// ANCHOR: actor_drop
/// An actor dropped without [`join`](Actor::join) is closed and joined here,
/// so its thread never outlives it. If it had panicked, the panic is raised
/// again in the dropping thread (as `std::thread::scope` does), unless that
/// thread is already panicking: forgetting to join cannot lose a panic.
impl<M, R> Drop for Actor<M, R> {
    fn drop(&mut self) {
        let Some(thread) = self.thread.take() else {
            return; // joined already
        };
        self.mailbox.close();
        if let Err(payload) = thread.join()
            && !std::thread::panicking()
        {
            let err = ActorPanicked {
                actor: self.name.clone(),
                message: panic_message(&*payload).to_owned(),
            };
            panic!("an actor was dropped without `join`, and it had panicked: {err}");
        }
    }
}
// ANCHOR_END: actor_drop

/// Closes the mailbox when the actor's thread ends, and drops what is left in
/// it, outside the mailbox's lock.
struct CloseOnExit<M>(Arc<Mailbox<M>>);

impl<M> Drop for CloseOnExit<M> {
    fn drop(&mut self) {
        drop(self.0.close_and_take_all());
    }
}

impl<M> Address<M> {
    /// Puts `msg` in the actor's mailbox, or hands it back if it is closed.
    pub fn send(&self, msg: M) -> Result<(), Closed<M>> {
        self.mailbox.send(msg)
    }

    /// Closes the actor's mailbox, as [`Actor::close`].
    pub fn close(&self) {
        self.mailbox.close();
    }

    /// Whether the actor's mailbox is closed.
    pub fn is_closed(&self) -> bool {
        self.mailbox.is_closed()
    }
}

// By hand: a derive would require `M: Clone`, but cloning an address clones
// an `Arc`, never a message.
impl<M> Clone for Address<M> {
    fn clone(&self) -> Self {
        Self {
            mailbox: Arc::clone(&self.mailbox),
        }
    }
}

/// An [`Address`] and the [`Inbox`] it delivers to, with no thread behind
/// them: for a thread that is not an actor to receive messages (replies, or
/// an exchange's messages in a test). Close it through the address; the
/// inbox then ends once it is empty.
///
/// ```
/// let (address, inbox) = actors::mailbox();
/// address.send("reply").unwrap();
/// address.close();
/// assert_eq!(inbox.collect::<Vec<_>>(), ["reply"]);
/// ```
pub fn mailbox<M>() -> (Address<M>, Inbox<M>) {
    let mailbox = Arc::new(Mailbox::new());
    let address = Address {
        mailbox: Arc::clone(&mailbox),
    };
    (address, Inbox { mailbox })
}

impl<M> Iterator for Inbox<M> {
    type Item = M;

    /// The next message, waiting for one; `None` once the mailbox is closed
    /// and empty.
    fn next(&mut self) -> Option<M> {
        self.mailbox.recv()
    }
}

impl<M> Inbox<M> {
    /// How many more messages are waiting right now.
    pub fn queued(&self) -> usize {
        self.mailbox.len()
    }
}

impl<M, R> fmt::Debug for Actor<M, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Actor")
            .field("name", &self.name)
            .field("mailbox", &self.mailbox)
            .finish_non_exhaustive()
    }
}

impl<M> fmt::Debug for Address<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Address").field(&self.mailbox).finish()
    }
}

impl<M> fmt::Debug for Inbox<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Inbox").field(&self.mailbox).finish()
    }
}
