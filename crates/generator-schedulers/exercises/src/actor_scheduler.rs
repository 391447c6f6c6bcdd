//! # Exercise `generator-schedulers-actors`: messages without recursion
//!
//! Read first, in book/src/generator-schedulers.md (`cargo xtask learn`
//! prints the link to the section): "Actors pass messages without
//! recursion".
//!
//! If an actor called another actor directly, every message would be a call
//! made from inside the one before: 100 000 messages, 100 000 nested calls,
//! and the stack overflows (Python stops at its recursion limit). The
//! cookbook's answer is one queue. An actor never calls another: it
//! *queues* a message in its [`Outbox`], and the scheduler's loop delivers
//! it after the current message has been handled.
//!
//! - `Outbox::send(to, msg)`: push `(to, msg)` at the back of the queue;
//! - `ActorScheduler::new_actor`, `send` (a message from outside);
//! - `run()`: pop the front message; no actor by that name (never was, or
//!   stopped)? count it dropped; else call its `receive` with an outbox over
//!   the queue, count it delivered, and remove the actor if it answered
//!   `Flow::Stop`. Until the queue is empty. Report the counts and the
//!   longest the queue ever was.
//!
//! The tests' actors enter a probe at every delivery (`src/probe.rs`): it
//! counts how deep deliveries nest and how far the stack moves. Through
//! your scheduler every one of 100 000 deliveries must run one deep, from
//! the same place on the stack.
//!
//! No threads: nothing to model-check. The order is yours alone.
//!
//! Check it: `cargo xtask learn check generator-schedulers-actors`.

use std::collections::{HashMap, VecDeque};
use std::fmt;

/// Whether an actor wants more messages after this one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    /// The actor has finished: later messages for it are dropped.
    Stop,
}

/// An actor: something that handles one message at a time.
pub trait Actor<M> {
    fn receive(&mut self, msg: M, outbox: &mut Outbox<'_, M>) -> Flow;
}

/// Where an actor puts the messages it sends while it handles one.
pub struct Outbox<'q, M> {
    // TODO: a mutable borrow of the scheduler's queue of
    // `(&'static str, M)`: who it is for, and the message.
    _todo: std::marker::PhantomData<&'q mut M>,
}

impl<M> Outbox<'_, M> {
    /// Queues `msg` for the actor called `to`: delivered after the current
    /// message has been handled, never during.
    pub fn send(&mut self, to: &'static str, msg: M) {
        // TODO: queue it; never deliver it from here.
        todo!("Outbox::send")
    }
}

/// What one run of the scheduler did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunReport {
    /// Messages handed to an actor.
    pub delivered: u64,
    /// Messages for an actor that had stopped or never existed.
    pub dropped: u64,
    /// The most messages that were ever waiting at once.
    pub peak_queue_len: usize,
}

/// Python's `ActorScheduler`: named actors and one FIFO queue of messages.
pub struct ActorScheduler<M> {
    // TODO: the actors by name (`HashMap<&'static str, Box<dyn Actor<M>>>`)
    // and one FIFO queue of `(to, msg)`.
    _todo: std::marker::PhantomData<M>,
}

impl<M> ActorScheduler<M> {
    /// A scheduler with no actors and no messages.
    pub fn new() -> ActorScheduler<M> {
        // TODO
        todo!("ActorScheduler::new")
    }

    /// Adds an actor under `name`.
    pub fn new_actor(&mut self, name: &'static str, actor: impl Actor<M> + 'static) {
        // TODO
        todo!("ActorScheduler::new_actor")
    }

    /// Queues a message from outside any actor.
    pub fn send(&mut self, to: &'static str, msg: M) {
        // TODO
        todo!("ActorScheduler::send")
    }

    /// Delivers messages, first in first out, until none are left. Every
    /// delivery starts from this loop: none runs inside another.
    pub fn run(self) -> RunReport {
        // TODO: `while let Some((to, msg)) = self.queue.pop_front()`: find
        // the actor (`get_mut`) or count a drop; `receive` with
        // `Outbox { ... &mut self.queue }`; `Flow::Stop` removes it; count
        // the delivery; note the queue's length.
        todo!("ActorScheduler::run")
    }
}

impl<M> Default for ActorScheduler<M> {
    fn default() -> ActorScheduler<M> {
        ActorScheduler::new()
    }
}

impl<M> fmt::Debug for Outbox<'_, M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Outbox").finish_non_exhaustive()
    }
}

impl<M> fmt::Debug for ActorScheduler<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ActorScheduler").finish_non_exhaustive()
    }
}
