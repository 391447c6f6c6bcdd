//! `queues-blocking` under loom: two consumers, two items put one after the
//! other; in every interleaving each consumer gets one, and no item twice.
#![cfg(loom)]

use loom::sync::Arc;
use queues_exercises::blocking::BlockingQueue;

#[test]
fn two_consumers_two_items_each_gets_one() {
    kit::schedule::model(|| {
        let queue = Arc::new(BlockingQueue::new());
        let consumers: Vec<_> = (0..2)
            .map(|_| {
                let queue = Arc::clone(&queue);
                loom::thread::spawn(move || queue.get())
            })
            .collect();
        queue.put(1);
        queue.put(2);
        let mut got: Vec<i32> = consumers.into_iter().map(|c| c.join().unwrap()).collect();
        got.sort_unstable();
        assert_eq!(got, [1, 2]);
    });
}
