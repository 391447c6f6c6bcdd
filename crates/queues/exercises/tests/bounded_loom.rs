//! `queues-bounded` under loom: capacity 1, every interleaving. A producer
//! and a consumer take turns exactly; and with two producers for one slot,
//! both items get through.
#![cfg(loom)]

use loom::sync::Arc;
use queues_exercises::bounded::BoundedQueue;

#[test]
fn with_capacity_1_puts_and_gets_alternate() {
    kit::schedule::model(|| {
        let queue = Arc::new(BoundedQueue::new(1).expect("the capacity is not zero"));
        let producer = loom::thread::spawn({
            let queue = Arc::clone(&queue);
            move || [queue.put_numbered(1), queue.put_numbered(2)]
        });
        let first = queue.get_numbered();
        let second = queue.get_numbered();
        assert_eq!(producer.join().unwrap(), [1, 3]);
        assert_eq!([first, second], [(1, 2), (2, 4)]);
    });
}

#[test]
fn two_producers_one_slot_both_items_get_through() {
    kit::schedule::model(|| {
        let queue = Arc::new(BoundedQueue::new(1).expect("the capacity is not zero"));
        let producers: Vec<_> = [1, 2]
            .into_iter()
            .map(|item| {
                let queue = Arc::clone(&queue);
                loom::thread::spawn(move || queue.put(item))
            })
            .collect();
        let mut got = [queue.get(), queue.get()];
        for producer in producers {
            producer.join().unwrap();
        }
        got.sort_unstable();
        assert_eq!(got, [1, 2]);
        assert!(queue.is_empty());
    });
}
