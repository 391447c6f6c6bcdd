//! The actor scheduler once more, made fast: names are resolved once, at
//! registration, instead of once per message.
//!
//! The [`ActorScheduler`](crate::actor::ActorScheduler) keeps Python's
//! shape: actors in a `HashMap` keyed by name, and every message carries the
//! name of the actor it is for, so every delivery hashes a string and looks
//! it up. Here [`new_actor`](IndexedScheduler::new_actor) hands out an
//! [`ActorId`], the index of the actor's slot in a `Vec`; messages carry
//! that, and a delivery is an index into the `Vec`. The actors are the same
//! ones ([`Counter`](crate::actor::Counter) and
//! [`Printer`](crate::actor::Printer) are generic over how they address
//! each other), and so is the delivery, stack probe included.

use std::collections::VecDeque;

use crate::actor::{Actor, Flow, Outbox, RunReport, StackProbe, deliver};

// ANCHOR: indexed_scheduler
/// An actor's address in an [`IndexedScheduler`]: the index of its slot,
/// handed out by [`new_actor`](IndexedScheduler::new_actor), the only way
/// to get one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ActorId(usize);

/// The [`ActorScheduler`](crate::actor::ActorScheduler) with its actors in
/// a `Vec`, addressed by [`ActorId`]: no name is looked up after
/// registration.
///
/// ```
/// use std::cell::RefCell;
///
/// use generator_schedulers::actor::{Counter, Printer};
/// use generator_schedulers::indexed::IndexedScheduler;
///
/// let printed = RefCell::new(Vec::new());
/// let mut scheduler = IndexedScheduler::default();
/// let printer = scheduler.new_actor(|_| Printer::new(&printed));
/// let counter = scheduler.new_actor(|me| Counter::new(me, printer));
/// scheduler.send(counter, 2_u64);
/// let report = scheduler.run();
/// assert_eq!(report.delivered, 5); // counter 2, 1, 0; printer 2, 1
/// assert_eq!(printed.into_inner(), ["Got: 2", "Got: 1"]);
/// ```
pub struct IndexedScheduler<'a, M> {
    /// Slot `i` is the actor with `ActorId(i)`; `None` once it has stopped.
    actors: Vec<Option<Box<dyn Actor<M, ActorId> + 'a>>>,
    queue: VecDeque<(ActorId, M)>,
}

impl<'a, M> IndexedScheduler<'a, M> {
    /// Adds the actor that `make` builds, and returns its address. `make`
    /// is given that address first, for an actor that sends to itself.
    pub fn new_actor<T>(&mut self, make: impl FnOnce(ActorId) -> T) -> ActorId
    where
        T: Actor<M, ActorId> + 'a,
    {
        let id = ActorId(self.actors.len());
        self.actors.push(Some(Box::new(make(id))));
        id
    }

    /// Queues a message from outside any actor.
    pub fn send(&mut self, to: ActorId, msg: M) {
        self.queue.push_back((to, msg));
    }

    /// Delivers messages until none are left.
    pub fn run(mut self) -> RunReport {
        let mut report = RunReport {
            delivered: 0,
            dropped: 0,
            peak_queue_len: self.queue.len(),
            stack: StackProbe::default().report(),
        };
        let mut probe = StackProbe::default();
        while let Some((to, msg)) = self.queue.pop_front() {
            // An index, not a hash: the whole difference from `ActorScheduler`.
            let Some(Some(actor)) = self.actors.get_mut(to.0) else {
                report.dropped += 1; // stopped, or an id from another scheduler
                continue;
            };
            let flow = deliver(
                &mut probe,
                actor.as_mut(),
                msg,
                &mut Outbox::new(&mut self.queue),
            );
            if flow == Flow::Stop {
                self.actors[to.0] = None;
            }
            report.delivered += 1;
            report.peak_queue_len = report.peak_queue_len.max(self.queue.len());
        }
        report.stack = probe.report();
        report
    }
}
// ANCHOR_END: indexed_scheduler

impl<M> Default for IndexedScheduler<'_, M> {
    fn default() -> Self {
        IndexedScheduler {
            actors: Vec::new(),
            queue: VecDeque::new(),
        }
    }
}

impl<M> std::fmt::Debug for IndexedScheduler<'_, M> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IndexedScheduler")
            .field("actors", &self.actors.len())
            .field("queued", &self.queue.len())
            .finish()
    }
}
