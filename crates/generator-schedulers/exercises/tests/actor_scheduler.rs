//! `generator-schedulers-actors`: the behaviour, with exact expectations,
//! and the stack measured at every delivery by the probe (`src/probe.rs`).

use std::cell::RefCell;
use std::rc::Rc;

use generator_schedulers_exercises::actor_scheduler::{Actor, ActorScheduler, Flow, Outbox};
use generator_schedulers_exercises::probe;

/// The cookbook's `counter`: on `n`, sends `n` to the printer and `n - 1`
/// to itself; on 0, stops.
struct Counter {
    me: &'static str,
    printer: &'static str,
}

impl Actor<u64> for Counter {
    fn receive(&mut self, n: u64, outbox: &mut Outbox<'_, u64>) -> Flow {
        let _delivery = probe::enter();
        if n == 0 {
            return Flow::Stop;
        }
        outbox.send(self.printer, n);
        outbox.send(self.me, n - 1);
        Flow::Continue
    }
}

/// The cookbook's `printer`: writes `Got: n`.
struct Printer {
    out: Rc<RefCell<Vec<String>>>,
}

impl Actor<u64> for Printer {
    fn receive(&mut self, n: u64, _outbox: &mut Outbox<'_, u64>) -> Flow {
        let _delivery = probe::enter();
        self.out.borrow_mut().push(format!("Got: {n}"));
        Flow::Continue
    }
}

fn counter_and_printer(n: u64) -> (ActorScheduler<u64>, Rc<RefCell<Vec<String>>>) {
    let out = Rc::new(RefCell::new(Vec::new()));
    let mut scheduler = ActorScheduler::new();
    scheduler.new_actor(
        "printer",
        Printer {
            out: Rc::clone(&out),
        },
    );
    scheduler.new_actor(
        "counter",
        Counter {
            me: "counter",
            printer: "printer",
        },
    );
    scheduler.send("counter", n);
    (scheduler, out)
}

#[test]
fn the_counter_and_the_printer_converse_in_order() {
    let (scheduler, out) = counter_and_printer(3);
    let report = scheduler.run();
    assert_eq!(*out.borrow(), ["Got: 3", "Got: 2", "Got: 1"]);
    // counter 3, printer 3, counter 2, printer 2, counter 1, printer 1, counter 0.
    assert_eq!(report.delivered, 7);
    assert_eq!(report.dropped, 0);
    assert_eq!(
        report.peak_queue_len, 2,
        "never more than two messages wait"
    );
}

#[test]
fn messages_for_a_stopped_or_unknown_actor_are_dropped() {
    let mut scheduler = ActorScheduler::new();
    scheduler.new_actor(
        "counter",
        Counter {
            me: "counter",
            printer: "nobody",
        },
    );
    scheduler.send("counter", 3);
    scheduler.send("ghost", 1);
    let report = scheduler.run();
    assert_eq!(report.delivered, 4, "counter: 3, 2, 1, 0");
    assert_eq!(report.dropped, 4, "three for nobody, one for the ghost");
}

/// Records the order messages arrive in; on its first message it sends two
/// more, to two other actors.
struct Fan {
    name: &'static str,
    log: Rc<RefCell<Vec<String>>>,
}

impl Actor<u64> for Fan {
    fn receive(&mut self, msg: u64, outbox: &mut Outbox<'_, u64>) -> Flow {
        self.log
            .borrow_mut()
            .push(format!("{} got {msg}", self.name));
        match (self.name, msg) {
            ("a", 0) => {
                outbox.send("b", 1);
                outbox.send("c", 2);
            }
            ("b", 1) => outbox.send("c", 3),
            _ => {}
        }
        self.log
            .borrow_mut()
            .push(format!("{} done with {msg}", self.name));
        Flow::Continue
    }
}

#[test]
fn a_message_is_delivered_after_the_current_one_first_in_first_out() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let mut scheduler = ActorScheduler::new();
    for name in ["a", "b", "c"] {
        let log = Rc::clone(&log);
        scheduler.new_actor(name, Fan { name, log });
    }
    scheduler.send("a", 0);
    let report = scheduler.run();
    assert_eq!(
        *log.borrow(),
        [
            "a got 0",
            "a done with 0",
            "b got 1",
            "b done with 1",
            "c got 2",
            "c done with 2",
            "c got 3",
            "c done with 3",
        ],
        "a message sent while handling one is delivered after it, in the order sent"
    );
    assert_eq!(report.delivered, 4);
}

#[test]
fn a_hundred_thousand_messages_without_recursion() {
    probe::reset();
    let (scheduler, out) = counter_and_printer(50_000);
    let report = scheduler.run();
    let stack = probe::report();
    assert_eq!(
        report.delivered, 100_001,
        "50 001 to the counter, 50 000 to the printer"
    );
    assert_eq!(out.borrow().len(), 50_000);
    assert_eq!(stack.deliveries, 100_001);
    assert_eq!(
        stack.deepest, 1,
        "a delivery ran inside another: an actor's send must queue the message, and only \
         the scheduler's loop delivers it"
    );
    assert!(
        stack.spread < 4_096,
        "the stack moved {} bytes between deliveries: each one must start from the same \
         loop, not from a call that grows with every message",
        stack.spread
    );
}
