//! `queues-closable` under stress: four producers, four consumers, closed
//! when the producers are done; in every round every consumer ends and every
//! item comes out exactly once.

use std::thread;

use queues_exercises::closable::ClosableQueue;

#[test]
fn every_consumer_ends_every_item_exactly_once() {
    const SIDE: u32 = 4;
    const EACH: u32 = 2_000;
    for round in 0..20 {
        let queue = ClosableQueue::unbounded();
        let mut got: Vec<u32> = thread::scope(|scope| {
            let consumers: Vec<_> = (0..SIDE)
                .map(|_| scope.spawn(|| (&queue).into_iter().collect::<Vec<_>>()))
                .collect();
            let producers: Vec<_> = (0..SIDE)
                .map(|p| {
                    let queue = &queue;
                    scope.spawn(move || {
                        for i in 0..EACH {
                            queue.put(p * EACH + i).expect("the queue is open");
                        }
                    })
                })
                .collect();
            for producer in producers {
                producer.join().expect("a producer does not panic");
            }
            queue.close();
            consumers
                .into_iter()
                .flat_map(|c| c.join().expect("a consumer does not panic"))
                .collect()
        });
        got.sort_unstable();
        assert_eq!(got, (0..SIDE * EACH).collect::<Vec<_>>(), "round {round}");
    }
}
