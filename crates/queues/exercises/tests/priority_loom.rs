//! `queues-priority` under loom: two consumers wait, two items arrive; in
//! every interleaving each consumer gets one, and no item twice.
#![cfg(loom)]

use loom::sync::Arc;
use queues_exercises::priority::PriorityQueue;

#[test]
fn two_consumers_two_items_each_gets_one() {
    kit::schedule::model(|| {
        let queue = Arc::new(PriorityQueue::new());
        let consumers: Vec<_> = (0..2)
            .map(|_| {
                let queue = Arc::clone(&queue);
                loom::thread::spawn(move || queue.get())
            })
            .collect();
        queue.put('a', 1);
        queue.put('b', 2);
        let mut got: Vec<char> = consumers.into_iter().map(|c| c.join().unwrap()).collect();
        got.sort_unstable();
        assert_eq!(got, ['a', 'b']);
    });
}
