//! `actors-subscription` under stress: two threads send while four threads
//! subscribe and drop their subscriptions over and over. Every message a
//! `send` counted is in a mailbox, no mailbox gets anything after its guard
//! is gone, and at the end nobody is attached.

use std::sync::Arc;
use std::thread;

use actors_exercises::exchange::Exchange;
use actors_exercises::support::{Address, Mailbox};

#[test]
fn counted_means_delivered_and_nothing_after_detach() {
    for round in 0..2 {
        let exchange: Exchange<u32> = Exchange::new();
        let (counted, mailboxes) = thread::scope(|scope| {
            let senders: Vec<_> = (0..2)
                .map(|_| {
                    let exchange = &exchange;
                    scope.spawn(move || (0..1_000).map(|i| exchange.send(i)).sum::<usize>())
                })
                .collect();
            let subscribers: Vec<_> = (0..4)
                .map(|_| {
                    let exchange = &exchange;
                    scope.spawn(move || {
                        let mut mine = Vec::new();
                        for _ in 0..100 {
                            let mailbox = Arc::new(Mailbox::new());
                            let subscription = exchange.subscribe(Address::of(&mailbox));
                            thread::yield_now();
                            drop(subscription);
                            let at_drop = mailbox.len();
                            mine.push((mailbox, at_drop));
                        }
                        mine
                    })
                })
                .collect();
            let counted: usize = senders.into_iter().map(|s| s.join().unwrap()).sum();
            let mailboxes: Vec<_> = subscribers
                .into_iter()
                .flat_map(|s| s.join().unwrap())
                .collect();
            (counted, mailboxes)
        });
        let mut delivered = 0;
        for (mailbox, at_drop) in &mailboxes {
            assert_eq!(
                mailbox.len(),
                *at_drop,
                "round {round}: a message arrived after its guard was dropped"
            );
            delivered += at_drop;
        }
        assert_eq!(counted, delivered, "round {round}: send's counts add up");
        assert_eq!(exchange.subscribers(), 0, "round {round}");
    }
}
