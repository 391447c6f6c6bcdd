//! `queues-priority` under stress: four producers put concurrently, then
//! one consumer drains: priorities come out highest first, and each
//! producer's items of equal priority in the order it put them. Then
//! producers and consumers at once: every item exactly once.

use std::thread;

use queues_exercises::priority::PriorityQueue;

const PRODUCERS: u32 = 4;
const EACH: u32 = 5_000;

#[test]
fn concurrent_puts_then_a_drain_keep_priority_and_fifo() {
    for round in 0..5 {
        let queue = PriorityQueue::new();
        thread::scope(|scope| {
            for p in 0..PRODUCERS {
                let queue = &queue;
                scope.spawn(move || {
                    for i in 0..EACH {
                        queue.put((p, i), (i % 7) as i32);
                    }
                });
            }
        });
        let mut last_priority = i32::MAX;
        let mut last_of = vec![None; PRODUCERS as usize];
        for _ in 0..PRODUCERS * EACH {
            let (p, i) = queue.get();
            let priority = (i % 7) as i32;
            if priority < last_priority {
                last_priority = priority;
                last_of = vec![None; PRODUCERS as usize];
            }
            assert_eq!(
                priority, last_priority,
                "round {round}: priority order broken"
            );
            if let Some(before) = last_of[p as usize] {
                assert!(
                    i > before,
                    "round {round}: producer {p}'s equal priorities came out of order"
                );
            }
            last_of[p as usize] = Some(i);
        }
        assert!(queue.is_empty());
    }
}

#[test]
fn producers_and_consumers_at_once_every_item_exactly_once() {
    let queue = PriorityQueue::new();
    let mut got: Vec<u32> = thread::scope(|scope| {
        for p in 0..PRODUCERS {
            let queue = &queue;
            scope.spawn(move || {
                for i in 0..EACH {
                    queue.put(p * EACH + i, (i % 3) as i32);
                }
            });
        }
        let consumers: Vec<_> = (0..PRODUCERS)
            .map(|_| scope.spawn(|| (0..EACH).map(|_| queue.get()).collect::<Vec<_>>()))
            .collect();
        consumers
            .into_iter()
            .flat_map(|c| c.join().expect("a consumer does not panic"))
            .collect()
    });
    got.sort_unstable();
    assert_eq!(got, (0..PRODUCERS * EACH).collect::<Vec<_>>());
}
