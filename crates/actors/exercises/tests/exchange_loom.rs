//! `actors-subscription` under loom: one thread sends through the exchange
//! while the main thread drops its subscription. Whatever the interleaving,
//! once the guard's drop has returned, no message reaches the subscriber.
#![cfg(loom)]

use actors_exercises::exchange::Exchange;
use actors_exercises::support::{Address, Mailbox};
use loom::sync::Arc;

#[test]
fn no_message_after_the_guard_is_gone() {
    kit::schedule::model(|| {
        let exchange = Exchange::new();
        let mailbox = Arc::new(Mailbox::new());
        let subscription = exchange.subscribe(Address::of(&mailbox));
        let sender = {
            let exchange = exchange.clone();
            loom::thread::spawn(move || exchange.send(1))
        };
        drop(subscription);
        let seen = mailbox.len();
        let reached = sender.join().unwrap();
        assert_eq!(
            mailbox.len(),
            seen,
            "a message reached the subscriber after its guard was dropped"
        );
        assert_eq!(reached, seen, "send counts the subscribers it reached");
        assert_eq!(exchange.subscribers(), 0);
    });
}
