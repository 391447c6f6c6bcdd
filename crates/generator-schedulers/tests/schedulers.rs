//! The schedulers' behaviour, exactly.

use std::cell::{Cell, RefCell};

use generator_schedulers::actor::{
    Actor, ActorScheduler, Counter, Flow, Outbox, Printer, converse_directly,
};
use generator_schedulers::executor::{Executor, countdown, countup, yield_now};
use generator_schedulers::task::{Countdown, Countup, TaskScheduler};

/// What CPython 3.11 printed for the cookbook's program (countdown(10),
/// countdown(5), countup(15) on its `TaskScheduler`), recorded verbatim.
const CPYTHON: &str = include_str!("cpython_output.txt");

fn cpython_lines() -> Vec<String> {
    CPYTHON.lines().map(str::to_owned).collect()
}

#[test]
fn state_machines_interleave_exactly_as_python_generators_do() {
    let mut scheduler = TaskScheduler::default();
    scheduler.spawn(Countdown::new(10));
    scheduler.spawn(Countdown::new(5));
    scheduler.spawn(Countup::new(15));
    let mut out = Vec::new();
    scheduler.run(&mut out);
    assert_eq!(out, cpython_lines());
}

#[test]
fn async_fns_interleave_exactly_as_python_generators_do() {
    let out = RefCell::new(Vec::new());
    let mut executor = Executor::default();
    executor.spawn(countdown(10, &out));
    executor.spawn(countdown(5, &out));
    executor.spawn(countup(15, &out));
    // Every future is polled once per yield plus once to finish:
    // 11 + 6 + 16 = 33.
    assert_eq!(executor.run(), 33);
    assert_eq!(out.into_inner(), cpython_lines());
}

#[test]
fn tasks_leave_the_queue_when_they_finish_and_the_others_go_on() {
    let mut scheduler = TaskScheduler::default();
    scheduler.spawn(Countup::new(3));
    scheduler.spawn(Countdown::new(1));
    scheduler.spawn(Countup::new(0));
    let mut out = Vec::new();
    let finished = scheduler.run(&mut out);
    assert_eq!(finished, ["countup(0)", "countdown(1)", "countup(3)"]);
    assert_eq!(
        out,
        [
            "Counting up 0",
            "T-minus 1",
            "Counting up 1",
            "Blastoff!",
            "Counting up 2",
        ]
    );
}

#[test]
fn an_empty_scheduler_finishes_at_once() {
    let mut out = Vec::new();
    assert!(TaskScheduler::default().run(&mut out).is_empty());
    assert!(out.is_empty());
    assert_eq!(Executor::default().run(), 0);
}

#[test]
fn the_executor_runs_every_future_to_completion() {
    let finished = Cell::new(0);
    let mut executor = Executor::default();
    for yields in [0, 1, 7, 100] {
        let finished = &finished;
        executor.spawn(async move {
            for _ in 0..yields {
                yield_now().await;
            }
            finished.set(finished.get() + 1);
        });
    }
    assert_eq!(executor.run(), 4 + 1 + 7 + 100);
    assert_eq!(finished.get(), 4);
}

#[test]
fn a_million_messages_pass_without_the_stack_growing() {
    let printed = RefCell::new(Vec::new());
    let mut scheduler = ActorScheduler::default();
    scheduler.new_actor("printer", Printer::new(&printed));
    scheduler.new_actor("counter", Counter::new("counter", "printer"));
    scheduler.send("counter", 1_000_000);
    let report = scheduler.run();

    // The counter gets 1 000 000 down to 0, the printer 1 000 000 down to 1.
    assert_eq!(report.delivered, 2_000_001);
    assert_eq!(report.dropped, 0);
    assert_eq!(report.peak_queue_len, 2);
    assert_eq!(report.stack.deliveries, 2_000_001);
    assert_eq!(report.stack.deepest, 1);
    assert_eq!(report.stack.spread, 0);
    let printed = printed.into_inner();
    assert_eq!(printed.len(), 1_000_000);
    assert_eq!(printed[0], "Got: 1000000");
    assert_eq!(printed[999_999], "Got: 1");
}

/// Records every message it gets, and stops on a negative one.
struct Recorder<'a> {
    seen: &'a RefCell<Vec<i32>>,
}

impl Actor<i32> for Recorder<'_> {
    fn receive(&mut self, msg: i32, _outbox: &mut Outbox<'_, i32>) -> Flow {
        self.seen.borrow_mut().push(msg);
        if msg < 0 { Flow::Stop } else { Flow::Continue }
    }
}

#[test]
fn messages_for_a_stopped_or_unknown_actor_are_dropped() {
    let seen = RefCell::new(Vec::new());
    let mut scheduler = ActorScheduler::default();
    scheduler.new_actor("recorder", Recorder { seen: &seen });
    for msg in [1, 2, -1, 3, 4] {
        scheduler.send("recorder", msg);
    }
    scheduler.send("nobody", 5);
    let report = scheduler.run();
    assert_eq!(seen.into_inner(), [1, 2, -1]);
    assert_eq!(report.delivered, 3);
    assert_eq!(report.dropped, 3);
}

/// Forwards each message to the next actor in a ring, counting down.
struct Relay {
    next: &'static str,
}

impl Actor<i32> for Relay {
    fn receive(&mut self, n: i32, outbox: &mut Outbox<'_, i32>) -> Flow {
        if n > 0 {
            outbox.send(self.next, n - 1);
        }
        Flow::Continue
    }
}

#[test]
fn messages_are_delivered_in_the_order_they_were_sent() {
    let seen = RefCell::new(Vec::new());
    let mut scheduler = ActorScheduler::default();
    scheduler.new_actor("a", Relay { next: "b" });
    scheduler.new_actor("b", Relay { next: "log" });
    scheduler.new_actor("log", Recorder { seen: &seen });
    // Each message goes a -> b -> log, so the log sees them in send order.
    for msg in [10, 20, 30] {
        scheduler.send("a", msg);
    }
    let report = scheduler.run();
    assert_eq!(seen.into_inner(), [8, 18, 28]);
    assert_eq!(report.delivered, 9);
}

#[test]
fn direct_calls_nest_one_level_per_message_and_the_stack_grows_with_them() {
    // The same probe, on the same conversation without a queue: the depth and
    // the stack both grow with the count. (So the scheduler's flat zero above
    // is a measurement, not a constant.)
    let mut printed = Vec::new();
    let short = converse_directly(100, &mut printed);
    assert_eq!(printed.len(), 100);
    assert_eq!(
        (printed[0].as_str(), printed[99].as_str()),
        ("Got: 100", "Got: 1")
    );
    let mut printed = Vec::new();
    let long = converse_directly(1_000, &mut printed);
    assert_eq!((short.deliveries, short.deepest), (201, 101));
    assert_eq!((long.deliveries, long.deepest), (2_001, 1_001));
    assert!(short.spread > 0);
    assert!(
        long.spread > 5 * short.spread,
        "{} vs {}",
        long.spread,
        short.spread
    );
}

#[test]
fn by_index_a_million_messages_pass_as_by_name() {
    use generator_schedulers::indexed::IndexedScheduler;

    let printed = RefCell::new(Vec::new());
    let mut scheduler = IndexedScheduler::default();
    let printer = scheduler.new_actor(|_| Printer::new(&printed));
    let counter = scheduler.new_actor(|me| Counter::new(me, printer));
    scheduler.send(counter, 1_000_000);
    let report = scheduler.run();

    assert_eq!(report.delivered, 2_000_001);
    assert_eq!(report.dropped, 0);
    assert_eq!(report.peak_queue_len, 2);
    assert_eq!(report.stack.deepest, 1);
    assert_eq!(report.stack.spread, 0);
    let printed = printed.into_inner();
    assert_eq!(printed.len(), 1_000_000);
    assert_eq!(printed[0], "Got: 1000000");
    assert_eq!(printed[999_999], "Got: 1");
}

#[test]
fn by_index_messages_for_a_stopped_actor_or_a_foreign_id_are_dropped() {
    use generator_schedulers::indexed::{ActorId, IndexedScheduler};

    // An id from another scheduler, with more actors: no slot here.
    let mut other = IndexedScheduler::<u64>::default();
    let foreign: Vec<ActorId> = (0..3)
        .map(|_| other.new_actor(|me| Counter::new(me, me)))
        .collect();

    let printed = RefCell::new(Vec::new());
    let mut scheduler = IndexedScheduler::default();
    let printer = scheduler.new_actor(|_| Printer::new(&printed));
    let counter = scheduler.new_actor(|me| Counter::new(me, printer));
    assert_ne!(printer, counter);
    scheduler.send(counter, 0); // the counter stops on 0
    scheduler.send(foreign[2], 9);
    scheduler.send(counter, 5); // reaches it after it stopped
    scheduler.send(printer, 7);
    let report = scheduler.run();
    // Delivered: counter 0, printer 7; dropped: the foreign id's message
    // and the one for the stopped counter.
    assert_eq!((report.delivered, report.dropped), (2, 2));
    assert_eq!(printed.into_inner(), ["Got: 7"]);
}
