//! `actors-subscription`: the behaviour, with exact expectations.

use std::sync::Arc;
use std::thread;

use actors_exercises::exchange::Exchange;
use actors_exercises::support::{Actor, Address, Mailbox};

/// A subscriber that collects what it receives.
fn listener() -> Actor<&'static str, Vec<&'static str>> {
    Actor::spawn(|inbox| inbox.collect())
}

#[test]
fn send_reaches_every_attached_subscriber_and_detach_removes_one() {
    let exchange = Exchange::new();
    let (a, b) = (listener(), listener());
    let id_a = exchange.attach(a.address());
    let _id_b = exchange.attach(b.address());
    assert_eq!(exchange.subscribers(), 2);
    assert_eq!(exchange.send("msg1"), 2, "two subscribers took it");
    assert!(exchange.detach(id_a).is_some());
    assert!(exchange.detach(id_a).is_none(), "detached already");
    assert_eq!(exchange.send("msg2"), 1);
    assert_eq!(a.join().unwrap(), ["msg1"]);
    assert_eq!(b.join().unwrap(), ["msg1", "msg2"]);
}

#[test]
fn dropping_the_subscription_detaches() {
    let exchange = Exchange::new();
    let mailbox = Arc::new(Mailbox::new());
    {
        let _subscription = exchange.subscribe(Address::of(&mailbox));
        assert_eq!(exchange.subscribers(), 1);
        assert_eq!(exchange.send("inside"), 1);
    }
    assert_eq!(
        exchange.subscribers(),
        0,
        "a dropped Subscription must detach its subscriber"
    );
    assert_eq!(
        exchange.send("after"),
        0,
        "a dropped Subscription must detach its subscriber"
    );
    assert_eq!(mailbox.drain(), ["inside"]);
}

#[test]
fn a_panic_inside_the_scope_detaches_too() {
    let exchange: Exchange<&'static str> = Exchange::new();
    let mailbox = Arc::new(Mailbox::new());
    let in_thread = exchange.clone();
    let address = Address::of(&mailbox);
    let outcome = thread::spawn(move || {
        let _subscription = in_thread.subscribe(address);
        assert_eq!(in_thread.send("before the panic"), 1);
        panic!("the subscriber's scope ends in a panic");
    })
    .join();
    assert!(outcome.is_err(), "the thread panicked");
    assert_eq!(
        exchange.subscribers(),
        0,
        "a dropped Subscription must detach its subscriber, also during a panic"
    );
    assert_eq!(mailbox.drain(), ["before the panic"]);
}

#[test]
fn let_underscore_drops_the_guard_at_once() {
    let exchange = Exchange::new();
    let mailbox = Arc::new(Mailbox::new());
    let _ = exchange.subscribe(Address::of(&mailbox));
    assert_eq!(
        exchange.send("nobody"),
        0,
        "`let _ =` drops the guard on the spot"
    );
    assert!(mailbox.is_empty());
}

#[test]
fn clones_share_one_list_and_delivery_follows_attach_order() {
    let exchange = Exchange::new();
    let other = exchange.clone();
    let mailbox = Arc::new(Mailbox::new());
    let _first = exchange.subscribe(Address::of(&mailbox));
    let _second = other.subscribe(Address::of(&mailbox));
    assert_ne!(_first.id(), _second.id());
    assert_eq!(exchange.subscribers(), 2);
    assert_eq!(other.send("twice"), 2);
    assert_eq!(mailbox.drain(), ["twice", "twice"]);
}
