//! `queues-closable` under loom: two consumers loop over the queue while
//! the main thread puts one item and closes it. In every interleaving both
//! loops end, and the item comes out exactly once.
#![cfg(loom)]

use loom::sync::Arc;
use queues_exercises::closable::ClosableQueue;

#[test]
fn both_consumers_end_and_the_item_comes_out_once() {
    loom::model(|| {
        let queue = Arc::new(ClosableQueue::unbounded());
        let consumers: Vec<_> = (0..2)
            .map(|_| {
                let queue = Arc::clone(&queue);
                loom::thread::spawn(move || (&*queue).into_iter().collect::<Vec<i32>>())
            })
            .collect();
        queue.put(7).unwrap();
        queue.close();
        let got: Vec<i32> = consumers
            .into_iter()
            .flat_map(|c| c.join().unwrap())
            .collect();
        assert_eq!(got, [7], "the item must come out exactly once");
    });
}
