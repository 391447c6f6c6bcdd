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

/// An actor: something that handles one message at a time. `A` is how
/// actors are addressed: by name (`&'static str`, Python's way and the
/// [`ActorScheduler`]'s), or by an [`ActorId`](crate::indexed::ActorId)
/// (the [`IndexedScheduler`](crate::indexed::IndexedScheduler)'s).
pub trait Actor<M, A = &'static str> {
    fn receive(&mut self, msg: M, outbox: &mut Outbox<'_, M, A>) -> Flow;
}

/// Where an actor puts the messages it sends while it handles one.
#[derive(Debug)]
pub struct Outbox<'q, M, A = &'static str> {
    queue: &'q mut VecDeque<(A, M)>,
}

impl<'q, M, A> Outbox<'q, M, A> {
    /// An outbox that queues onto `queue` (for a scheduler).
    pub(crate) fn new(queue: &'q mut VecDeque<(A, M)>) -> Self {
        Outbox { queue }
    }

    /// Queues `msg` for the actor at `to`. It is delivered after the
    /// current message has been handled, never during.
    pub fn send(&mut self, to: A, msg: M) {
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
    /// Where on the stack the deliveries ran.
    pub stack: StackReport,
}

// ANCHOR: stack_probe
/// Where on the stack a run's deliveries ran, measured the same way for the
/// scheduler and for actors that call each other directly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StackReport {
    /// Deliveries measured.
    pub deliveries: u64,
    /// How many deliveries deep the deepest one was nested: 1 means none
    /// ever ran inside another.
    pub deepest: usize,
    /// How far the stack pointer moved between the shallowest and the
    /// deepest delivery, in bytes.
    pub spread: usize,
}

/// Measures every delivery: [`enter`](StackProbe::enter) notes where the
/// stack is (the address of a local: the stack pointer, roughly) and how
/// many deliveries are running, one inside another, at that moment.
#[derive(Debug, Default)]
pub struct StackProbe {
    deliveries: u64,
    nested: usize,
    deepest: usize,
    lowest: Option<usize>,
    highest: usize,
}

/// A delivery in progress; dropping it ends the delivery.
#[derive(Debug)]
#[must_use = "the delivery counts as running only while this is held"]
pub struct Delivery<'p>(&'p mut StackProbe);

impl StackProbe {
    /// Notes one delivery, which runs until the returned guard is dropped.
    #[inline(never)]
    pub fn enter(&mut self) -> Delivery<'_> {
        let marker = 0u8;
        let address = std::hint::black_box(&marker) as *const u8 as usize;
        self.deliveries += 1;
        self.nested += 1;
        self.deepest = self.deepest.max(self.nested);
        self.lowest = Some(self.lowest.map_or(address, |lowest| lowest.min(address)));
        self.highest = self.highest.max(address);
        Delivery(self)
    }

    /// What the probe saw.
    pub fn report(&self) -> StackReport {
        StackReport {
            deliveries: self.deliveries,
            deepest: self.deepest,
            spread: self.lowest.map_or(0, |lowest| self.highest - lowest),
        }
    }
}

impl Delivery<'_> {
    /// The probe, for a delivery that makes deliveries of its own.
    pub fn probe(&mut self) -> &mut StackProbe {
        self.0
    }
}

impl Drop for Delivery<'_> {
    fn drop(&mut self) {
        self.0.nested -= 1;
    }
}
// ANCHOR_END: stack_probe

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
            stack: StackProbe::default().report(),
        };
        let mut probe = StackProbe::default();
        while let Some((to, msg)) = self.queue.pop_front() {
            let Some(actor) = self.actors.get_mut(to) else {
                report.dropped += 1;
                continue;
            };
            let flow = deliver(
                &mut probe,
                actor.as_mut(),
                msg,
                &mut Outbox {
                    queue: &mut self.queue,
                },
            );
            if flow == Flow::Stop {
                self.actors.remove(to);
            }
            report.delivered += 1;
            report.peak_queue_len = report.peak_queue_len.max(self.queue.len());
        }
        report.stack = probe.report();
        report
    }
}
// ANCHOR_END: actor_scheduler

/// Hands one message to one actor, measured by `probe`.
#[inline(never)]
pub(crate) fn deliver<M, A>(
    probe: &mut StackProbe,
    actor: &mut dyn Actor<M, A>,
    msg: M,
    outbox: &mut Outbox<'_, M, A>,
) -> Flow {
    let _delivery = probe.enter();
    actor.receive(msg, outbox)
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
/// to itself; on 0, stops. Addressed by name (`Counter<&'static str>`) or
/// by index (`Counter<ActorId>`).
#[derive(Debug)]
pub struct Counter<A = &'static str> {
    me: A,
    printer: A,
}

impl<A> Counter<A> {
    pub fn new(me: A, printer: A) -> Self {
        Counter { me, printer }
    }
}

impl<A: Copy> Actor<u64, A> for Counter<A> {
    fn receive(&mut self, n: u64, outbox: &mut Outbox<'_, u64, A>) -> Flow {
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

impl<M: std::fmt::Display, A> Actor<M, A> for Printer<'_> {
    fn receive(&mut self, msg: M, _outbox: &mut Outbox<'_, M, A>) -> Flow {
        self.out.borrow_mut().push(format!("Got: {msg}"));
        Flow::Continue
    }
}
// ANCHOR_END: counter_and_printer

// ANCHOR: direct_calls
/// The same conversation with no scheduler and no queue: the counter calls
/// the printer, then calls itself with `n - 1`, directly. Every message is a
/// call made from inside the one before, so the stack grows with every
/// message until the count reaches 0. (That is why `n` must stay small: at
/// about a hundred bytes a message in a debug build, 32 in a release build,
/// a million would overflow a thread's stack of a few MiB.)
///
/// ```
/// use generator_schedulers::actor::converse_directly;
///
/// let mut printed = Vec::new();
/// let stack = converse_directly(3, &mut printed);
/// assert_eq!(printed, ["Got: 3", "Got: 2", "Got: 1"]);
/// assert_eq!((stack.deliveries, stack.deepest), (7, 4)); // counter 3 > 2 > 1 > 0
/// assert!(stack.spread > 0);
/// ```
pub fn converse_directly(n: u64, printed: &mut Vec<String>) -> StackReport {
    let mut probe = StackProbe::default();
    counter_calls(&mut probe, n, printed);
    probe.report()
}

#[inline(never)]
fn counter_calls(probe: &mut StackProbe, n: u64, printed: &mut Vec<String>) {
    let mut delivery = probe.enter();
    if n == 0 {
        return;
    }
    printer_calls(delivery.probe(), n, printed);
    counter_calls(delivery.probe(), n - 1, printed);
    // `delivery` is dropped here, after the call: the nested call cannot
    // be turned into a jump, even by an optimising build.
}

#[inline(never)]
fn printer_calls(probe: &mut StackProbe, n: u64, printed: &mut Vec<String>) {
    let _delivery = probe.enter();
    printed.push(format!("Got: {n}"));
}
// ANCHOR_END: direct_calls

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
    /// stack reports a different address. (So a spread of 0 in the
    /// scheduler's report means something.)
    #[test]
    fn a_nested_delivery_is_seen_as_deeper() {
        let mut queue = VecDeque::new();
        let mut probe = StackProbe::default();
        deliver(&mut probe, &mut Nop, (), &mut Outbox { queue: &mut queue });
        assert_eq!(probe.report().spread, 0);
        nested(&mut probe, &mut queue, 8);
        let report = probe.report();
        assert_eq!((report.deliveries, report.deepest), (2, 1));
        assert!(report.spread > 8 * 64, "spread {}", report.spread);
    }

    #[inline(never)]
    fn nested(probe: &mut StackProbe, queue: &mut VecDeque<(&'static str, ())>, depth: u32) {
        let padding = std::hint::black_box([0u8; 64]);
        if depth == 0 {
            deliver(probe, &mut Nop, (), &mut Outbox { queue });
        } else {
            nested(probe, queue, depth - 1);
        }
        std::hint::black_box(padding);
    }
}
