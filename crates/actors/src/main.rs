//! The `actors` lesson: Python Cookbook 12.10 (defining an actor task) and
//! 12.11 (publish/subscribe messaging), retold in Rust.
//!
//! Actors run on their own threads, but they never print: each one returns
//! what it saw from `join`, or answers through a result handle, and `main`
//! prints afterwards, in a fixed order. So the output is the same on every run.

use std::sync::mpsc;
use std::thread;

use actors::verdict::{
    costs_more_than_ten_calls, each_got_each_once, handled_everything_queued,
    in_each_senders_order, notified_only_sleepers, panicked, same_exchange, same_interleaving,
};
use actors::{Actor, Exchanges, FastWorker, Inbox, Tuning, Worker, time_per_call};

fn main() {
    an_actor_owns_its_state_and_a_mailbox();
    closing_handles_what_is_queued_and_refuses_the_rest();
    a_tagged_actor_is_an_enum_and_a_match();
    submit_returns_a_result_handle();
    a_panic_reaches_the_waiter_and_join();
    an_exchange_fans_out_to_its_subscribers();
    a_subscription_detaches_when_dropped();
    every_subscriber_gets_every_message_once();
    a_fast_hand_off_wakes_only_a_sleeper();
}

// ANCHOR: owns_state
fn an_actor_owns_its_state_and_a_mailbox() {
    println!("== 1. An actor owns its state and a mailbox ==");
    let printer = Actor::spawn("printer", |inbox| {
        // The actor's state is a local of its thread: no other thread can
        // reach it except by sending a message.
        let mut lines = Vec::new();
        for msg in inbox {
            lines.push(format!("Got: {msg}"));
        }
        // The loop ends when the mailbox is closed and empty; the state
        // comes back to whoever joins.
        lines
    });
    printer
        .send("Hello")
        .expect("the mailbox is open until `close`");
    printer
        .send("World")
        .expect("the mailbox is open until `close`");
    printer.close();
    let lines = printer.join().expect("the printer does not panic");
    // The actor collected, `main` prints: the order is the order of the
    // mailbox, never of two threads racing to the terminal.
    for line in &lines {
        println!("{line}");
    }
}
// ANCHOR_END: owns_state

// ANCHOR: close
fn closing_handles_what_is_queued_and_refuses_the_rest() {
    println!("\n== 2. Closing: what is queued is handled, what comes later is refused ==");
    // The actor waits for a go-ahead before it reads anything, so the
    // messages are certainly still in its mailbox when we close it.
    let (go, gate) = mpsc::channel::<()>();
    let actor = Actor::spawn("counter", move |inbox: Inbox<&str>| {
        let _go_ahead = gate.recv();
        inbox.collect::<Vec<_>>()
    });
    for msg in ["one", "two", "three"] {
        actor.send(msg).expect("the mailbox is open until `close`");
    }
    actor.close();
    println!("closed the mailbox with {} messages in it", actor.queued());
    match actor.send("four") {
        Ok(()) => println!("send after close: accepted"),
        Err(refused) => println!(
            "send after close: Err({refused}), and {:?} came back to the sender",
            refused.into_inner()
        ),
    }
    go.send(()).expect("the actor is waiting at the gate");
    let handled = actor.join().expect("the counter does not panic");
    println!("the actor handled: {}", handled.join(", "));
    println!(
        "every message queued before the close was handled: {}",
        handled_everything_queued(&handled, &["one", "two", "three"])
    );
}
// ANCHOR_END: close

// ANCHOR: tagged
/// The messages the tagged actor understands: Python's tags `'A'` and `'B'`,
/// each with its payload's types.
enum Command {
    A(i32),
    B(i32, i32),
}

/// The tagged actor's state, and one method per kind of message.
#[derive(Default)]
struct Tagged {
    lines: Vec<String>,
}

impl Tagged {
    /// Python: `getattr(self, "do_" + tag)(*payload)`. A `match` instead:
    /// forget a variant, or pass the wrong payload, and it does not compile.
    fn handle(&mut self, command: Command) {
        match command {
            Command::A(x) => self.do_a(x),
            Command::B(x, y) => self.do_b(x, y),
        }
    }

    fn do_a(&mut self, x: i32) {
        self.lines.push(format!("Running A {x}"));
    }

    fn do_b(&mut self, x: i32, y: i32) {
        self.lines.push(format!("Running B {x} {y}"));
    }
}

fn a_tagged_actor_is_an_enum_and_a_match() {
    println!("\n== 3. A tagged actor is an enum and a match ==");
    let actor = Actor::spawn("tagged", |inbox| {
        let mut tagged = Tagged::default();
        for command in inbox {
            tagged.handle(command);
        }
        tagged.lines
    });
    actor.send(Command::A(1)).expect("the mailbox is open");
    actor.send(Command::B(2, 3)).expect("the mailbox is open");
    for line in actor.join().expect("the tagged actor does not panic") {
        println!("{line}");
    }
}
// ANCHOR_END: tagged

// ANCHOR: submit
fn submit_returns_a_result_handle() {
    println!("\n== 4. A worker: submit returns a result handle ==");
    let worker = Worker::spawn("worker");
    let eight = worker.submit(|| 2_i32.pow(3)).expect("the worker is open");
    println!("submit(|| 2.pow(3)).result() = {:?}", eight.result());

    // Submit five jobs, then wait for their results in reverse order: each
    // handle holds its own job's answer, whatever order we ask in.
    let pictured = trace::region("five jobs"); // what the chapter's picture shows
    let handles: Vec<_> = (1..=5)
        .map(|n| worker.submit(move || n * n).expect("the worker is open"))
        .collect();
    let squares: Vec<_> = handles.into_iter().rev().map(|h| h.result()).collect();
    drop(pictured);
    println!("five squares, collected in reverse: {squares:?}");

    // What a round trip costs, against calling the function directly: the
    // fastest of ten batches of twenty, the batch least disturbed by other
    // work on the machine.
    let round_trip = time_per_call(10, 20, || {
        let handle = worker.submit(|| 2_i32.pow(3)).expect("the worker is open");
        std::hint::black_box(handle.result().ok());
    });
    let direct = time_per_call(10, 20, || {
        std::hint::black_box(std::hint::black_box(2_i32).pow(3));
    });
    println!(
        "a round trip took {round_trip:.1?}, a direct call {direct:.1?}: \
         a message costs more than ten calls: {}",
        costs_more_than_ten_calls(round_trip, direct)
    );
    worker.join().expect("no job panicked");
}
// ANCHOR_END: submit

// ANCHOR: panic
fn a_panic_reaches_the_waiter_and_join() {
    println!("\n== 5. A panic reaches the waiter and join ==");
    let worker = Worker::spawn("worker");
    // The first job waits for a go-ahead, so the second is certainly queued
    // behind it when it panics.
    let (go, gate) = mpsc::channel::<()>();
    let readings: Vec<usize> = Vec::new();
    let average = worker
        .submit(move || {
            let _go_ahead = gate.recv();
            readings.iter().sum::<usize>() / readings.len() // no readings: 0 / 0
        })
        .expect("the worker is open");
    let queued = worker.submit(|| "done").expect("the worker is open");
    go.send(()).expect("the first job is waiting at the gate");

    println!("the panicking job's result: {:?}", average.result());
    println!("the job queued behind it:   {:?}", queued.result());
    match worker.submit(|| "too late") {
        Ok(_) => println!("submit after the panic: accepted"),
        Err(refused) => println!("submit after the panic: Err({refused})"),
    }
    match worker.join() {
        Ok(()) => println!("join: Ok, the panic was lost"),
        Err(panicked) => println!("join: Err({panicked})"),
    }
}
// ANCHOR_END: panic

// ANCHOR: exchange
fn an_exchange_fans_out_to_its_subscribers() {
    println!("\n== 6. An exchange fans out to its subscribers ==");
    let exchanges = Exchanges::new();
    let spam = exchanges.get_exchange("spam");
    let task_a = Actor::spawn("A", |inbox| inbox.collect::<Vec<_>>());
    let task_b = Actor::spawn("B", |inbox| inbox.collect::<Vec<_>>());

    let a = spam.attach(task_a.address());
    let b = spam.attach(task_b.address());
    for msg in ["msg1", "msg2"] {
        println!("send({msg:?}) reached {} subscribers", spam.send(msg));
    }
    spam.detach(a);
    spam.detach(b);
    println!("send(\"msg3\") reached {} subscribers", spam.send("msg3"));

    let again = exchanges.get_exchange("spam");
    println!(
        "get_exchange(\"spam\") again is the same exchange: {}",
        same_exchange(&spam, &again)
    );
    for task in [task_a, task_b] {
        let name = task.name().to_owned();
        let got = task.join().expect("a collecting actor does not panic");
        println!("{name} got: {got:?}");
    }
}
// ANCHOR_END: exchange

// ANCHOR: subscription
fn a_subscription_detaches_when_dropped() {
    println!("\n== 7. A subscription detaches when it is dropped ==");
    let exchanges = Exchanges::new();
    let spam = exchanges.get_exchange("spam");
    let task_a = Actor::spawn("A", |inbox| inbox.collect::<Vec<_>>());
    let task_b = Actor::spawn("B", |inbox| inbox.collect::<Vec<_>>());
    {
        // Python: `with exc.subscribe(task_a, task_b):`
        let _a = spam.subscribe(task_a.address());
        let _b = spam.subscribe(task_b.address());
        spam.send("msg1");
        spam.send("msg2");
        println!("inside the block: {} subscribers", spam.subscribers());
    } // `_b`, then `_a`, dropped here: both detached.
    println!("after the block: {} subscribers", spam.subscribers());
    println!("send(\"msg3\") reached {} subscribers", spam.send("msg3"));

    // A thread subscribes, then panics while it holds the subscription.
    let holder = thread::scope(|s| {
        s.spawn(|| {
            let _a = spam.subscribe(task_a.address());
            spam.send("msg4");
            panic!("the subscriber's code failed");
        })
        .join()
    });
    println!(
        "the holder panicked: {}; subscribers after its panic: {}",
        panicked(&holder),
        spam.subscribers()
    );

    // The classic slip: `let _ =` is not a name, so the guard is dropped at
    // once, and the subscription ends before it began.
    let _ = spam.subscribe(task_b.address());
    println!(
        "after `let _ = spam.subscribe(..)`: {} subscribers",
        spam.subscribers()
    );

    for task in [task_a, task_b] {
        let name = task.name().to_owned();
        let got = task.join().expect("a collecting actor does not panic");
        println!("{name} got: {got:?}");
    }
}
// ANCHOR_END: subscription

// ANCHOR: exactly_once
fn every_subscriber_gets_every_message_once() {
    println!("\n== 8. Every subscriber gets every message, once ==");
    const SENDERS: usize = 2;
    const PER_SENDER: usize = 500;
    let exchanges = Exchanges::new();
    let ticks = exchanges.get_exchange("ticks");
    let listeners: Vec<_> = ["L1", "L2", "L3"]
        .into_iter()
        .map(|name| Actor::spawn(name, |inbox| inbox.collect::<Vec<(usize, usize)>>()))
        .collect();
    let subscriptions: Vec<_> = listeners
        .iter()
        .map(|listener| ticks.subscribe(listener.address()))
        .collect();

    // Two threads send at the same time: message (sender, n) for n in 0..500.
    thread::scope(|s| {
        for sender in 0..SENDERS {
            let ticks = &ticks;
            s.spawn(move || {
                for n in 0..PER_SENDER {
                    ticks.send((sender, n));
                }
            });
        }
    });
    drop(subscriptions);
    let received: Vec<Vec<(usize, usize)>> = listeners
        .into_iter()
        .map(|listener| listener.join().expect("a collecting actor does not panic"))
        .collect();

    let counts: Vec<usize> = received.iter().map(Vec::len).collect();
    println!(
        "{} subscribers received {counts:?} messages",
        received.len()
    );
    println!(
        "each got each of the 1000 messages exactly once: {}",
        each_got_each_once(&received, SENDERS, PER_SENDER)
    );
    println!(
        "each sender's messages arrived in the order sent: {}",
        in_each_senders_order(&received, SENDERS, PER_SENDER)
    );
    println!(
        "all subscribers saw the same interleaving: {}",
        same_interleaving(&received)
    );
}
// ANCHOR_END: exactly_once

// ANCHOR: fast
fn a_fast_hand_off_wakes_only_a_sleeper() {
    println!("\n== 9. Make it fast: wake only a sleeper, spin before sleeping ==");
    const ROUND_TRIPS: u64 = 200;
    let worker = FastWorker::spawn("fast worker", Tuning::FAST);
    let mut wrong = 0;
    for n in 0..ROUND_TRIPS {
        let handle = worker.submit(move || n * 3).expect("the worker is open");
        if handle.result() != Ok(n * 3) {
            wrong += 1;
        }
    }
    // Counted under each hand-off's lock: how each take found its value,
    // and how many notifications were sent, and to nobody.
    let (jobs, answers) = (worker.mailbox_counts(), worker.result_counts());
    worker.join().expect("no job panicked");
    println!("{ROUND_TRIPS} round trips, {wrong} wrong answers");
    for (what, counts) in [("jobs", jobs), ("answers", answers)] {
        println!(
            "{what}: {} taken: ~{} caught spinning, ~{} while yielding, ~{} after a sleep; \
             notified ~{} times, {} of them with nobody asleep",
            counts.taken,
            counts.caught_spinning,
            counts.caught_yielding,
            counts.slept,
            counts.notified,
            counts.notified_nobody
        );
    }
    println!(
        "notified only when someone slept: {}",
        notified_only_sleepers(&[jobs, answers])
    );
}
// ANCHOR_END: fast
