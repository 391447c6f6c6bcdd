//! Behaviour of `Exchange`, `Exchanges` and `Subscription`: named exchanges,
//! attach and detach, fan-out exactly once, and a guard that detaches on drop
//! and on panic.

use std::collections::HashMap;
use std::panic::{self, AssertUnwindSafe};
use std::thread;

use actors::{Actor, Exchange, Exchanges};

fn collector<M: Send + 'static>(name: &str) -> Actor<M, Vec<M>> {
    Actor::spawn(name, |inbox| inbox.collect())
}

#[test]
fn get_exchange_returns_one_exchange_per_name() {
    let exchanges = Exchanges::<u8>::new();
    let spam = exchanges.get_exchange("spam");
    let listener = collector("listener");
    let subscription = spam.subscribe(listener.address());
    // Another lookup of "spam" sees the same subscriber; "eggs" is another exchange.
    assert_eq!(exchanges.get_exchange("spam").subscribers(), 1);
    assert_eq!(exchanges.get_exchange("eggs").subscribers(), 0);
    assert_eq!(exchanges.get_exchange("spam").send(7), 1);
    assert_eq!(exchanges.get_exchange("eggs").send(8), 0);
    drop(subscription);
    assert_eq!(listener.join().expect("no panic"), [7]);
}

#[test]
fn a_detached_subscriber_gets_nothing_more_and_detach_twice_is_none() {
    let exchange = Exchange::new();
    let a = collector("a");
    let b = collector("b");
    let id_a = exchange.attach(a.address());
    let id_b = exchange.attach(b.address());
    assert_ne!(id_a, id_b);
    assert_eq!(exchange.send(1), 2);
    assert!(exchange.detach(id_a).is_some());
    assert!(exchange.detach(id_a).is_none(), "detached already");
    assert_eq!(exchange.send(2), 1);
    assert!(exchange.detach(id_b).is_some());
    assert_eq!(exchange.send(3), 0);
    assert_eq!(a.join().expect("no panic"), [1]);
    assert_eq!(b.join().expect("no panic"), [1, 2]);
}

#[test]
fn a_subscriber_whose_actor_has_ended_is_skipped() {
    let exchange = Exchange::new();
    let gone = collector::<u8>("gone");
    let alive = collector("alive");
    let _gone = exchange.attach(gone.address());
    let _alive = exchange.attach(alive.address());
    assert_eq!(gone.join().expect("no panic"), []);
    assert_eq!(exchange.send(1), 1);
    assert_eq!(alive.join().expect("no panic"), [1]);
}

#[test]
fn every_subscriber_gets_every_message_exactly_once_in_the_same_order() {
    const SENDERS: usize = 4;
    const PER_SENDER: usize = 1_000;
    const LISTENERS: usize = 6;
    let exchange = Exchange::new();
    let listeners: Vec<_> = (0..LISTENERS)
        .map(|i| collector::<(usize, usize)>(&format!("listener {i}")))
        .collect();
    let subscriptions: Vec<_> = listeners
        .iter()
        .map(|l| exchange.subscribe(l.address()))
        .collect();
    thread::scope(|s| {
        for sender in 0..SENDERS {
            let exchange = &exchange;
            s.spawn(move || {
                for n in 0..PER_SENDER {
                    assert_eq!(exchange.send((sender, n)), LISTENERS);
                }
            });
        }
    });
    drop(subscriptions);
    let received: Vec<Vec<(usize, usize)>> = listeners
        .into_iter()
        .map(|l| l.join().expect("no panic"))
        .collect();
    for got in &received {
        let mut times_seen: HashMap<(usize, usize), usize> = HashMap::new();
        for msg in got {
            *times_seen.entry(*msg).or_default() += 1;
        }
        assert_eq!(
            times_seen.len(),
            SENDERS * PER_SENDER,
            "every message arrived"
        );
        assert!(times_seen.values().all(|&n| n == 1), "none twice");
        for sender in 0..SENDERS {
            let ns: Vec<usize> = got.iter().filter(|m| m.0 == sender).map(|m| m.1).collect();
            assert_eq!(ns, (0..PER_SENDER).collect::<Vec<_>>());
        }
    }
    assert!(
        received.windows(2).all(|w| w[0] == w[1]),
        "one order for all"
    );
}

#[test]
fn the_guard_detaches_on_drop() {
    let exchange = Exchange::new();
    let listener = collector("listener");
    {
        let _subscription = exchange.subscribe(listener.address());
        assert_eq!(exchange.subscribers(), 1);
        assert_eq!(exchange.send("inside"), 1);
    }
    assert_eq!(exchange.subscribers(), 0);
    assert_eq!(exchange.send("outside"), 0);
    assert_eq!(listener.join().expect("no panic"), ["inside"]);
}

#[test]
fn the_guard_detaches_only_its_own_subscriber() {
    let exchange = Exchange::new();
    let a = collector("a");
    let b = collector("b");
    let guard_a = exchange.subscribe(a.address());
    let guard_b = exchange.subscribe(b.address());
    drop(guard_a);
    assert_eq!(exchange.send(1), 1);
    drop(guard_b);
    assert_eq!(a.join().expect("no panic"), []);
    assert_eq!(b.join().expect("no panic"), [1]);
}

#[test]
fn the_guard_detaches_when_the_code_holding_it_panics() {
    panic::set_hook(Box::new(|_| {}));
    let exchange = Exchange::new();
    let listener = collector("listener");
    let caught = panic::catch_unwind(AssertUnwindSafe(|| {
        let _subscription = exchange.subscribe(listener.address());
        exchange.send("before the panic");
        panic!("the holder failed");
    }));
    assert!(caught.is_err());
    assert_eq!(exchange.subscribers(), 0);

    // And on another thread, which dies of its panic.
    let holder = thread::scope(|s| {
        s.spawn(|| {
            let _subscription = exchange.subscribe(listener.address());
            exchange.send("from the thread");
            panic!("the thread failed");
        })
        .join()
    });
    assert!(holder.is_err());
    assert_eq!(exchange.subscribers(), 0);
    assert_eq!(exchange.send("after"), 0);
    assert_eq!(
        listener.join().expect("no panic"),
        ["before the panic", "from the thread"]
    );
}

#[test]
#[allow(let_underscore_drop)]
fn let_underscore_ends_the_subscription_at_once() {
    let exchange = Exchange::new();
    let listener = collector::<u8>("listener");
    let _ = exchange.subscribe(listener.address());
    assert_eq!(exchange.subscribers(), 0);
    assert_eq!(exchange.send(1), 0);
    assert_eq!(listener.join().expect("no panic"), []);
}
