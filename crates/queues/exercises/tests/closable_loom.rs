//! `queues-closable` under loom: two consumers loop over the queue while
//! the main thread puts one item and closes it. In every interleaving both
//! loops end, and the item comes out exactly once.
#![cfg(loom)]

use loom::sync::Arc;
use queues_exercises::closable::ClosableQueue;

/// Every interleaving with at most four preemptions: the bugs this model
/// looks for need one or two, and without a bound it takes half a minute on
/// a busy machine, where a learner's check should take seconds.
fn model(f: impl Fn() + Sync + Send + 'static) {
    let mut builder = loom::model::Builder::new();
    builder.preemption_bound = Some(4);
    kit::schedule::check(&builder, f);
}

#[test]
fn both_consumers_end_and_the_item_comes_out_once() {
    model(|| {
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
