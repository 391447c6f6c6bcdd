//! Actors as coroutines that receive messages, run by one scheduler loop.
//!
//! In Python each actor is a generator paused at `msg = yield`, and the
//! scheduler resumes it with `actor.send(msg)`. Here an actor is a state
//! machine with a `receive` method. The point of the recipe is the same in
//! both: an actor never calls another actor. It *queues* a message, and the
//! scheduler's loop delivers it later, so passing 10 000 messages back and
//! forth never nests one call inside another — no recursion, no growing
//! stack, however long the conversation.

use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};

/// Whether an actor wants more messages after this one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    /// The actor has finished (Python: the generator returned). Later
    /// messages for it are dropped, as Python's scheduler drops them.
    Stop,
}

/// An actor: something that handles one message at a time.
pub trait Actor<M> {
    fn receive(&mut self, msg: M, outbox: &mut Outbox<'_, M>) -> Flow;
}

/// Where an actor puts the messages it sends while it handles one.
#[derive(Debug)]
pub struct Outbox<'q, M> {
    queue: &'q mut VecDeque<(&'static str, M)>,
}

impl<M> Outbox<'_, M> {
    /// Queues `msg` for the actor called `to`. It is delivered after the
    /// current message has been handled, never during.
    pub fn send(&mut self, to: &'static str, msg: M) {
        self.queue.push_back((to, msg));
    }
}

/// What one run of the scheduler did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunReport {
    /// Messages handed to an actor.
    pub delivered: u64,
    /// Messages for an actor that had stopped or never existed (dropped).
    pub dropped: u64,
    /// The most messages that were ever waiting at once.
    pub peak_queue_len: usize,
    /// How far the stack pointer moved between the shallowest and the
    /// deepest delivery, in bytes: 0 means every delivery ran at the same
    /// depth, so nothing nested.
    pub stack_spread: usize,
}

// ANCHOR: actor_scheduler
/// Python's `ActorScheduler`: named actors and one FIFO queue of messages.
///
/// ```
/// use generator_schedulers::actor::{ActorScheduler, Counter};
///
/// let mut scheduler = ActorScheduler::default();
/// scheduler.new_actor("counter", Counter::new("counter", "nobody"));
/// scheduler.send("counter", 3);
/// let report = scheduler.run();
/// assert_eq!(report.delivered, 4); // 3, 2, 1, 0
/// assert_eq!(report.dropped, 3); // "nobody" never existed
/// ```
pub struct ActorScheduler<'a, M> {
    actors: HashMap<&'static str, Box<dyn Actor<M> + 'a>>,
    queue: VecDeque<(&'static str, M)>,
}

impl<'a, M> ActorScheduler<'a, M> {
    /// Adds an actor. (Python must first `send(None)` to run a new generator
    /// up to its first `yield`; a state machine starts there already.)
    pub fn new_actor(&mut self, name: &'static str, actor: impl Actor<M> + 'a) {
        self.actors.insert(name, Box::new(actor));
    }

    /// Queues a message from outside any actor.
    pub fn send(&mut self, to: &'static str, msg: M) {
        self.queue.push_back((to, msg));
    }

    /// Delivers messages until none are left.
    pub fn run(mut self) -> RunReport {
        let mut report = RunReport {
            delivered: 0,
            dropped: 0,
            peak_queue_len: self.queue.len(),
            stack_spread: 0,
        };
        let (mut shallowest, mut deepest) = (usize::MAX, 0);
        while let Some((to, msg)) = self.queue.pop_front() {
            let Some(actor) = self.actors.get_mut(to) else {
                report.dropped += 1;
                continue;
            };
            let (address, flow) = deliver(
                actor.as_mut(),
                msg,
                &mut Outbox {
                    queue: &mut self.queue,
                },
            );
            shallowest = shallowest.min(address);
            deepest = deepest.max(address);
            if flow == Flow::Stop {
                self.actors.remove(to);
            }
            report.delivered += 1;
            report.peak_queue_len = report.peak_queue_len.max(self.queue.len());
        }
        report.stack_spread = deepest.saturating_sub(shallowest);
        report
    }
}
// ANCHOR_END: actor_scheduler

/// Hands one message to one actor, and notes where on the stack that
/// happened (the address of a local variable: the stack pointer, roughly).
#[inline(never)]
fn deliver<M>(actor: &mut dyn Actor<M>, msg: M, outbox: &mut Outbox<'_, M>) -> (usize, Flow) {
    let marker = 0u8;
    let address = std::hint::black_box(&marker) as *const u8 as usize;
    (address, actor.receive(msg, outbox))
}

impl<M> Default for ActorScheduler<'_, M> {
    fn default() -> Self {
        ActorScheduler {
            actors: HashMap::new(),
            queue: VecDeque::new(),
        }
    }
}

impl<M> std::fmt::Debug for ActorScheduler<'_, M> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ActorScheduler")
            .field("actors", &self.actors.keys().collect::<Vec<_>>())
            .field("queued", &self.queue.len())
            .finish()
    }
}

// ANCHOR: counter_and_printer
/// The cookbook's `counter`: on `n`, sends `n` to the printer and `n - 1`
/// to itself; on 0, stops.
#[derive(Debug)]
pub struct Counter {
    me: &'static str,
    printer: &'static str,
}

impl Counter {
    pub fn new(me: &'static str, printer: &'static str) -> Self {
        Counter { me, printer }
    }
}

impl Actor<u64> for Counter {
    fn receive(&mut self, n: u64, outbox: &mut Outbox<'_, u64>) -> Flow {
        if n == 0 {
            return Flow::Stop;
        }
        outbox.send(self.printer, n);
        outbox.send(self.me, n - 1);
        Flow::Continue
    }
}

/// The cookbook's `printer`: writes `Got: n` for every message.
#[derive(Debug)]
pub struct Printer<'a> {
    out: &'a RefCell<Vec<String>>,
}

impl<'a> Printer<'a> {
    pub fn new(out: &'a RefCell<Vec<String>>) -> Self {
        Printer { out }
    }
}

impl<M: std::fmt::Display> Actor<M> for Printer<'_> {
    fn receive(&mut self, msg: M, _outbox: &mut Outbox<'_, M>) -> Flow {
        self.out.borrow_mut().push(format!("Got: {msg}"));
        Flow::Continue
    }
}
// ANCHOR_END: counter_and_printer

#[cfg(test)]
mod tests {
    use super::*;

    struct Nop;
    impl Actor<()> for Nop {
        fn receive(&mut self, _: (), _: &mut Outbox<'_, ()>) -> Flow {
            Flow::Continue
        }
    }

    /// The stack measure can see nesting: a delivery made from deeper in the
    /// stack reports a different address. (So `stack_spread == 0` in the
    /// scheduler's report means something.)
    #[test]
    fn a_nested_delivery_is_seen_as_deeper() {
        let mut queue = VecDeque::new();
        let (shallow, _) = deliver(&mut Nop, (), &mut Outbox { queue: &mut queue });
        let deep = nested(&mut queue, 8);
        assert!(
            deep < shallow,
            "the stack grows down on every platform we run on"
        );
    }

    #[inline(never)]
    fn nested(queue: &mut VecDeque<(&'static str, ())>, depth: u32) -> usize {
        let padding = std::hint::black_box([0u8; 64]);
        if depth == 0 {
            return deliver(&mut Nop, (), &mut Outbox { queue }).0 + usize::from(padding[0]);
        }
        nested(queue, depth - 1)
    }
}
