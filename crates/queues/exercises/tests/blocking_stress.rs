//! `queues-blocking` under stress: eight producers, eight consumers, many
//! rounds; every item comes out exactly once.

use std::thread;

use queues_exercises::blocking::BlockingQueue;

#[test]
fn every_item_exactly_once_in_every_round() {
    const SIDE: u32 = 8;
    const EACH: u32 = 2_000;
    for round in 0..10 {
        let queue = BlockingQueue::new();
        let mut got: Vec<u32> = thread::scope(|scope| {
            for p in 0..SIDE {
                let queue = &queue;
                scope.spawn(move || {
                    for i in 0..EACH {
                        queue.put(p * EACH + i);
                    }
                });
            }
            let consumers: Vec<_> = (0..SIDE)
                .map(|_| scope.spawn(|| (0..EACH).map(|_| queue.get()).collect::<Vec<_>>()))
                .collect();
            consumers
                .into_iter()
                .flat_map(|c| {
                    c.join().unwrap_or_else(|_| {
                        panic!(
                            "round {round}: a consumer panicked: another consumer took the item it was woken for?"
                        )
                    })
                })
                .collect()
        });
        got.sort_unstable();
        assert_eq!(got, (0..SIDE * EACH).collect::<Vec<_>>(), "round {round}");
    }
}
