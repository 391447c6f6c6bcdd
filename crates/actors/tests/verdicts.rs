//! Every verdict the lesson prints can come out "no". Each test here runs a
//! broken variant of a section, feeds what it saw to the same check
//! `main.rs` uses, and expects "no".
#![cfg(not(loom))]

use std::sync::mpsc;
use std::thread;

use actors::verdict::{
    costs_more, each_got_each_once, handled_everything_queued, in_each_senders_order, panicked,
    same_exchange, same_interleaving, yes_no,
};
use actors::{Actor, Exchanges, Worker, mailbox, time_per_call};

/// Section 2 with an actor that stops as soon as its mailbox is closed,
/// instead of when it is closed *and empty*: Python's `ActorExit` raised at
/// once. What was queued before the close is lost.
#[test]
fn verdict_every_queued_message_was_handled_can_fail() {
    let (address, inbox) = mailbox::<&str>();
    let (go, gate) = mpsc::channel::<()>();
    let watcher = address.clone();
    let actor = thread::spawn(move || {
        let _go_ahead = gate.recv();
        let mut inbox = inbox;
        let mut handled = Vec::new();
        while !watcher.is_closed() {
            match inbox.next() {
                Some(msg) => handled.push(msg),
                None => break,
            }
        }
        handled
    });
    for msg in ["one", "two", "three"] {
        address
            .send(msg)
            .expect("the mailbox is open until `close`");
    }
    address.close();
    go.send(()).expect("the actor is waiting at the gate");
    let handled = actor.join().expect("the actor does not panic");
    assert_eq!(handled, Vec::<&str>::new());
    assert_eq!(
        yes_no(handled_everything_queued(
            &handled,
            &["one", "two", "three"]
        )),
        "no"
    );
}

/// Section 4's timing, with the roles swapped: the direct call, measured for
/// real, does not cost more than the round trip, measured for real.
#[test]
fn verdict_a_message_costs_more_than_a_call_can_fail() {
    let worker = Worker::spawn("worker");
    let round_trip = time_per_call(10, 20, || {
        let handle = worker.submit(|| 2_i32.pow(3)).expect("the worker is open");
        std::hint::black_box(handle.result().ok());
    });
    let direct = time_per_call(10, 20, || {
        std::hint::black_box(std::hint::black_box(2_i32).pow(3));
    });
    worker.join().expect("no job panicked");
    assert_eq!(yes_no(costs_more(direct, round_trip)), "no");
}

/// Section 6 with a registry that makes a new exchange on every call, which
/// is what a plain `Exchange()` in place of the `defaultdict` lookup does.
#[test]
fn verdict_same_exchange_can_fail() {
    let spam = Exchanges::<&str>::new().get_exchange("spam");
    let again = Exchanges::<&str>::new().get_exchange("spam");
    assert_eq!(yes_no(same_exchange(&spam, &again)), "no");
    // And in one registry, two names are two exchanges.
    let exchanges = Exchanges::<&str>::new();
    let eggs = exchanges.get_exchange("eggs");
    assert_eq!(
        yes_no(same_exchange(&exchanges.get_exchange("spam"), &eggs)),
        "no"
    );
}

/// Section 7 with a holder that finishes normally: no panic to report, and
/// the guard detaches all the same.
#[test]
fn verdict_the_holder_panicked_can_fail() {
    let exchanges = Exchanges::new();
    let spam = exchanges.get_exchange("spam");
    let task = Actor::spawn("A", |inbox| inbox.collect::<Vec<_>>());
    let holder = thread::scope(|s| {
        s.spawn(|| {
            let _a = spam.subscribe(task.address());
            spam.send("msg4");
        })
        .join()
    });
    assert_eq!(yes_no(panicked(&holder)), "no");
    assert_eq!(spam.subscribers(), 0);
    assert_eq!(task.join().expect("a collecting actor"), ["msg4"]);
}

/// Two senders, `per_sender` messages `(sender, n)` each, sent through
/// `ticks` at the same time, as section 8 does.
fn send_from_two_threads(ticks: &actors::Exchange<(usize, usize)>, per_sender: usize) {
    thread::scope(|s| {
        for sender in 0..2 {
            s.spawn(move || {
                for n in 0..per_sender {
                    ticks.send((sender, n));
                }
            });
        }
    });
}

/// Section 8 with one listener subscribed twice: it gets every message
/// twice.
#[test]
fn verdict_each_got_each_message_once_can_fail() {
    let ticks = Exchanges::new().get_exchange("ticks");
    let listener = Actor::spawn("L1", |inbox| inbox.collect::<Vec<(usize, usize)>>());
    let first = ticks.subscribe(listener.address());
    let second = ticks.subscribe(listener.address());
    send_from_two_threads(&ticks, 500);
    drop((first, second));
    let received = vec![listener.join().expect("a collecting actor")];
    assert_eq!(received[0].len(), 2000);
    assert_eq!(yes_no(each_got_each_once(&received, 2, 500)), "no");
}

/// Section 8 with listeners that record each message in front of the ones
/// before it (a LIFO record): every sender's messages come out backwards.
#[test]
fn verdict_in_each_senders_order_can_fail() {
    let ticks = Exchanges::new().get_exchange("ticks");
    let listeners: Vec<_> = ["L1", "L2"]
        .into_iter()
        .map(|name| {
            Actor::spawn(name, |inbox| {
                let mut got = Vec::new();
                for msg in inbox {
                    got.insert(0, msg);
                }
                got
            })
        })
        .collect();
    let subscriptions: Vec<_> = listeners
        .iter()
        .map(|listener| ticks.subscribe(listener.address()))
        .collect();
    send_from_two_threads(&ticks, 500);
    drop(subscriptions);
    let received: Vec<Vec<(usize, usize)>> = listeners
        .into_iter()
        .map(|listener| listener.join().expect("a collecting actor"))
        .collect();
    assert_eq!(yes_no(each_got_each_once(&received, 2, 500)), "yes");
    assert_eq!(yes_no(in_each_senders_order(&received, 2, 500)), "no");
}

/// Section 8 without the exchange's lock around the fan-out: the two
/// senders reach the two listeners in opposite orders (here, to make the
/// race's worst case certain, one after the other, in opposite orders).
#[test]
fn verdict_same_interleaving_can_fail() {
    let listeners: Vec<_> = ["L1", "L2"]
        .into_iter()
        .map(|name| Actor::spawn(name, |inbox| inbox.collect::<Vec<(usize, usize)>>()))
        .collect();
    for (listener, senders) in listeners.iter().zip([[0, 1], [1, 0]]) {
        for sender in senders {
            for n in 0..500 {
                listener.send((sender, n)).expect("the listener is open");
            }
        }
    }
    let received: Vec<Vec<(usize, usize)>> = listeners
        .into_iter()
        .map(|listener| listener.join().expect("a collecting actor"))
        .collect();
    assert_eq!(yes_no(each_got_each_once(&received, 2, 500)), "yes");
    assert_eq!(yes_no(in_each_senders_order(&received, 2, 500)), "yes");
    assert_eq!(yes_no(same_interleaving(&received)), "no");
}

/// Section 9 with the `Worker`'s way of handing off (`Tuning::PLAIN`:
/// notify on every hand-off): a job sent while the worker is busy with the
/// one before is notified to nobody.
#[test]
fn verdict_notified_only_when_someone_slept_can_fail() {
    let worker = actors::FastWorker::spawn("plain", actors::Tuning::PLAIN);
    let (started, at_gate) = mpsc::channel::<()>();
    let (go, gate) = mpsc::channel::<()>();
    let first = worker
        .submit(move || {
            started.send(()).expect("the test waits for the start");
            gate.recv().expect("the test opens the gate");
        })
        .expect("open");
    at_gate.recv().expect("the first job starts");
    let second = worker.submit(|| 2).expect("open");
    go.send(()).expect("the first job waits at the gate");
    assert_eq!(first.result(), Ok(()));
    assert_eq!(second.result(), Ok(2));
    let counts = [worker.mailbox_counts(), worker.result_counts()];
    worker.join().expect("no job panicked");
    assert!(counts[0].notified_nobody >= 1, "{counts:?}");
    assert_eq!(
        actors::verdict::yes_no(actors::verdict::notified_only_sleepers(&counts)),
        "no"
    );
    // And the check needs something handed over at all.
    assert_eq!(
        actors::verdict::yes_no(actors::verdict::notified_only_sleepers(&[])),
        "no"
    );
}
