//! Every verdict the lesson prints can come out "no". Each control here runs
//! a broken variant of the claim for real (an actor that stops at the close,
//! a worker that never sends a message, a registry that makes a new exchange
//! per call, a fan-out outside the lock, ...), feeds what it saw to the same
//! function in `src/verdict.rs` that `main.rs` prints, and asserts the
//! answer opposite to the snapshot's: every verdict in the snapshot is
//! "yes", so every control expects "no".
#![cfg(not(loom))]

use std::collections::HashMap;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Mutex, mpsc};
use std::thread;

use actors::verdict::{
    costs_more_than_ten_calls, each_got_each_once, handled_everything_queued,
    in_each_senders_order, notified_only_sleepers, panicked, same_exchange, same_interleaving,
};
use actors::{
    Actor, Address, Closed, Exchange, Exchanges, FastWorker, JobError, Tuning, mailbox,
    time_per_call,
};
use kit::Verdict;

/// `closing_handles_what_is_queued_and_refuses_the_rest` with an actor that
/// stops as soon as its mailbox is closed, instead of when it is closed
/// *and empty*: Python's `ActorExit` raised at once. What was queued before
/// the close is lost.
#[test]
fn verdict_handled_everything_queued_can_fail() {
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
        handled_everything_queued(&handled, &["one", "two", "three"]),
        Verdict::No
    );
}

/// A worker that sends no message: `submit` runs the job at once on the
/// caller's thread and returns the answer already in its handle. Same API
/// as the `Worker`, no hand-off.
struct InlineWorker;

/// What [`InlineWorker::submit`] returns: the answer, there from the start.
struct Ready<T>(T);

impl InlineWorker {
    fn submit<T>(&self, f: impl FnOnce() -> T) -> Result<Ready<T>, Closed> {
        Ok(Ready(f()))
    }
}

impl<T> Ready<T> {
    fn result(self) -> Result<T, JobError> {
        Ok(self.0)
    }
}

/// `submit_returns_a_result_handle`'s timing, with the `Worker` swapped
/// for the [`InlineWorker`], timed exactly as `main.rs` times the `Worker`:
/// a "round trip" that never leaves the thread costs about one call.
#[test]
fn verdict_costs_more_than_ten_calls_can_fail() {
    let worker = InlineWorker;
    let round_trip = time_per_call(10, 20, || {
        let handle = worker.submit(|| 2_i32.pow(3)).expect("never refused");
        std::hint::black_box(handle.result().ok());
    });
    let direct = time_per_call(10, 20, || {
        std::hint::black_box(std::hint::black_box(2_i32).pow(3));
    });
    assert_eq!(
        costs_more_than_ten_calls(round_trip, direct),
        Verdict::No,
        "round trip {round_trip:?}, direct call {direct:?}"
    );
}

/// A registry with Python's `defaultdict` lookup replaced by a constructor
/// call (`_exchanges[name] = Exchange()`): every `get_exchange` makes a
/// fresh exchange and files it under the name, so the map always holds the
/// newest one and no two callers share an exchange.
struct OverwritingExchanges<M> {
    by_name: Mutex<HashMap<String, Exchange<M>>>,
}

impl<M> OverwritingExchanges<M> {
    fn get_exchange(&self, name: &str) -> Exchange<M> {
        let fresh = Exchange::new();
        self.by_name
            .lock()
            .expect("no test thread panics holding it")
            .insert(name.to_owned(), fresh.clone());
        fresh
    }
}

/// `an_exchange_fans_out_to_its_subscribers` on the
/// [`OverwritingExchanges`]: the second `get_exchange("spam")` is another
/// exchange, and the subscribers attached to the first never hear of it.
#[test]
fn verdict_same_exchange_can_fail() {
    let exchanges = OverwritingExchanges {
        by_name: Mutex::new(HashMap::new()),
    };
    let spam = exchanges.get_exchange("spam");
    let task_a = Actor::spawn("A", |inbox| inbox.collect::<Vec<&str>>());
    let _a = spam.subscribe(task_a.address());
    assert_eq!(spam.send("msg1"), 1);

    let again = exchanges.get_exchange("spam");
    assert_eq!(again.send("msg2"), 0, "the new exchange has no subscribers");
    assert_eq!(same_exchange(&spam, &again), Verdict::No);
    drop(_a);
    assert_eq!(task_a.join().expect("a collecting actor"), ["msg1"]);
}

/// `a_subscription_detaches_when_dropped`'s holder, written the way a
/// Python thread behaves: the panic is caught where it happens and only
/// reported there (`threading.excepthook` prints it), and the thread ends
/// as if all went well. The guard still detaches, but `join` hears nothing.
#[test]
fn verdict_panicked_can_fail() {
    let exchanges = Exchanges::new();
    let spam = exchanges.get_exchange("spam");
    let task = Actor::spawn("A", |inbox| inbox.collect::<Vec<_>>());
    let holder = thread::scope(|s| {
        s.spawn(|| {
            let swallowed = panic::catch_unwind(AssertUnwindSafe(|| {
                let _a = spam.subscribe(task.address());
                spam.send("msg4");
                panic!("the subscriber's code failed");
            }));
            assert!(swallowed.is_err(), "the holder did panic");
        })
        .join()
    });
    assert_eq!(panicked(&holder), Verdict::No);
    assert_eq!(spam.subscribers(), 0);
    assert_eq!(task.join().expect("a collecting actor"), ["msg4"]);
}

/// Two senders, `per_sender` messages `(sender, n)` each, sent through
/// `ticks` at the same time, as `every_subscriber_gets_every_message_once`
/// does.
fn send_from_two_threads(ticks: &Exchange<(usize, usize)>, per_sender: usize) {
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

/// The burst of `every_subscriber_gets_every_message_once`, with one
/// listener subscribed twice (attached once more by mistake): it gets
/// every message two times.
#[test]
fn verdict_each_got_each_once_can_fail() {
    let ticks = Exchanges::new().get_exchange("ticks");
    let listener = Actor::spawn("L1", |inbox| inbox.collect::<Vec<(usize, usize)>>());
    let first = ticks.subscribe(listener.address());
    let second = ticks.subscribe(listener.address());
    send_from_two_threads(&ticks, 500);
    drop((first, second));
    let received = vec![listener.join().expect("a collecting actor")];
    assert_eq!(received[0].len(), 2000);
    assert_eq!(each_got_each_once(&received, 2, 500), Verdict::No);
}

/// The same burst, with listeners that keep their messages as a stack:
/// each message goes in front of the ones that came before it, so every
/// sender's messages come out newest first.
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
    assert_eq!(each_got_each_once(&received, 2, 500), Verdict::Yes);
    assert_eq!(in_each_senders_order(&received, 2, 500), Verdict::No);
}

/// `Exchange::send` with its fan-out moved outside the lock: the list of
/// subscribers is copied under the lock, and the messages are sent after it
/// is released. `between` runs between two deliveries of one message, where
/// another sender can now get in.
struct UnlockedExchange<M> {
    subscribers: Mutex<Vec<Address<M>>>,
}

impl<M: Clone> UnlockedExchange<M> {
    fn send(&self, msg: M, mut between: impl FnMut()) {
        let subscribers = self
            .subscribers
            .lock()
            .expect("no test thread panics holding it")
            .clone();
        for (at, address) in subscribers.iter().enumerate() {
            if at > 0 {
                between();
            }
            address.send(msg.clone()).expect("the listener is open");
        }
    }
}

/// The burst on the [`UnlockedExchange`], with the race it allows forced to
/// happen: sender 1 sends all its messages in the middle of sender 0's
/// first fan-out, after `L1` has `(0, 0)` and before `L2` has it. (The real
/// exchange holds its lock across the fan-out, so sender 1 could not get
/// in there.) Every message still arrives once and in its sender's order;
/// only the interleaving differs between the listeners.
#[test]
fn verdict_same_interleaving_can_fail() {
    let listeners: Vec<_> = ["L1", "L2"]
        .into_iter()
        .map(|name| Actor::spawn(name, |inbox| inbox.collect::<Vec<(usize, usize)>>()))
        .collect();
    let ticks = UnlockedExchange {
        subscribers: Mutex::new(listeners.iter().map(Actor::address).collect()),
    };
    let (go, wait_for_go) = mpsc::channel::<()>();
    let (done, wait_for_done) = mpsc::channel::<()>();
    thread::scope(|s| {
        let ticks = &ticks;
        s.spawn(move || {
            ticks.send((0, 0), || {
                go.send(()).expect("sender 1 waits for the go");
                wait_for_done.recv().expect("sender 1 says when it is done");
            });
            for n in 1..500 {
                ticks.send((0, n), || {});
            }
        });
        s.spawn(move || {
            wait_for_go.recv().expect("sender 0 gives the go");
            for n in 0..500 {
                ticks.send((1, n), || {});
            }
            done.send(()).expect("sender 0 waits for this");
        });
    });
    drop(ticks);
    let received: Vec<Vec<(usize, usize)>> = listeners
        .into_iter()
        .map(|listener| listener.join().expect("a collecting actor"))
        .collect();
    assert_eq!(each_got_each_once(&received, 2, 500), Verdict::Yes);
    assert_eq!(in_each_senders_order(&received, 2, 500), Verdict::Yes);
    assert_eq!(same_interleaving(&received), Verdict::No);
}

/// `a_fast_hand_off_wakes_only_a_sleeper` with the `Worker`'s way of
/// handing off (`Tuning::PLAIN`: notify on every hand-off): a job sent
/// while the worker is busy with the one before is notified to nobody.
#[test]
fn verdict_notified_only_sleepers_can_fail() {
    let worker = FastWorker::spawn("plain", Tuning::PLAIN);
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
    assert_eq!(notified_only_sleepers(&counts), Verdict::No);
}
