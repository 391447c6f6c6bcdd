//! Model tests: loom runs each closure under every interleaving of its
//! threads. The queue is checked with its `AtomicFlag` (loom cannot model a
//! socket); the flag's own asserts catch a raise or lower out of turn.
#![cfg(loom)]

use loom::sync::Arc;
use loom::thread;
use pollable_queues::PollableQueue;
use pollable_queues::flag::AtomicFlag;

fn queue() -> Arc<PollableQueue<u32, AtomicFlag>> {
    Arc::new(PollableQueue::with_flag(AtomicFlag::default()))
}

/// A consumer that waits on the flag (as poll() would) and takes items.
fn consume(queue: &PollableQueue<u32, AtomicFlag>, count: usize) -> Vec<u32> {
    let mut got = Vec::new();
    while got.len() < count {
        if queue.flag().is_raised() {
            if let Some(item) = queue.try_get() {
                got.push(item);
            }
        } else {
            // Nothing signalled yet. If a wake-up were lost, this would spin
            // for ever, and loom would report the model as not terminating.
            thread::yield_now();
        }
        assert!(queue.flag_matches_items());
    }
    got
}

#[test]
fn a_waiting_consumer_gets_every_item_in_order() {
    loom::model(|| {
        let q = queue();
        let producer = {
            let q = q.clone();
            thread::spawn(move || {
                q.put(1);
                assert!(q.flag_matches_items());
                q.put(2);
                assert!(q.flag_matches_items());
            })
        };
        assert_eq!(consume(&q, 2), [1, 2]);
        producer.join().unwrap();
        assert!(!q.flag().is_raised());
    });
}

#[test]
fn two_producers_and_a_consumer_lose_no_wake_up() {
    loom::model(|| {
        let q = queue();
        let producers: Vec<_> = [10, 20]
            .into_iter()
            .map(|item| {
                let q = q.clone();
                thread::spawn(move || q.put(item))
            })
            .collect();
        let mut got = consume(&q, 2);
        for producer in producers {
            producer.join().unwrap();
        }
        got.sort_unstable();
        assert_eq!(got, [10, 20]);
        assert!(q.flag_matches_items() && q.is_empty());
    });
}
