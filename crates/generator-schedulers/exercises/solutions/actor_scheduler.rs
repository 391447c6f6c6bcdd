//! The answer to `generator-schedulers-actors`: actors that pass messages
//! through one queue, never one call inside another. (The exercise and its
//! task: crates/generator-schedulers/exercises/src/actor_scheduler.rs.)

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
    queue: &'q mut VecDeque<(&'static str, M)>,
}

impl<M> Outbox<'_, M> {
    /// Queues `msg` for the actor called `to`: delivered after the current
    /// message has been handled, never during.
    pub fn send(&mut self, to: &'static str, msg: M) {
        self.queue.push_back((to, msg));
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
    actors: HashMap<&'static str, Box<dyn Actor<M>>>,
    queue: VecDeque<(&'static str, M)>,
}

impl<M> ActorScheduler<M> {
    /// A scheduler with no actors and no messages.
    pub fn new() -> ActorScheduler<M> {
        ActorScheduler {
            actors: HashMap::new(),
            queue: VecDeque::new(),
        }
    }

    /// Adds an actor under `name`.
    pub fn new_actor(&mut self, name: &'static str, actor: impl Actor<M> + 'static) {
        self.actors.insert(name, Box::new(actor));
    }

    /// Queues a message from outside any actor.
    pub fn send(&mut self, to: &'static str, msg: M) {
        self.queue.push_back((to, msg));
    }

    /// Delivers messages, first in first out, until none are left. Every
    /// delivery starts from this loop: none runs inside another.
    pub fn run(mut self) -> RunReport {
        let mut report = RunReport {
            delivered: 0,
            dropped: 0,
            peak_queue_len: self.queue.len(),
        };
        while let Some((to, msg)) = self.queue.pop_front() {
            let Some(actor) = self.actors.get_mut(to) else {
                report.dropped += 1;
                continue;
            };
            let mut outbox = Outbox {
                queue: &mut self.queue,
            };
            if actor.receive(msg, &mut outbox) == Flow::Stop {
                self.actors.remove(to);
            }
            report.delivered += 1;
            report.peak_queue_len = report.peak_queue_len.max(self.queue.len());
        }
        report
    }
}

impl<M> Default for ActorScheduler<M> {
    fn default() -> ActorScheduler<M> {
        ActorScheduler::new()
    }
}

impl<M> fmt::Debug for Outbox<'_, M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Outbox")
            .field("queued", &self.queue.len())
            .finish()
    }
}

impl<M> fmt::Debug for ActorScheduler<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut names: Vec<_> = self.actors.keys().collect();
        names.sort();
        f.debug_struct("ActorScheduler")
            .field("actors", &names)
            .field("queued", &self.queue.len())
            .finish()
    }
}
