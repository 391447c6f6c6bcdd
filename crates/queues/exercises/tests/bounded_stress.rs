//! `queues-bounded` under stress: four producers and four consumers through
//! small queues; at no point are more than `capacity` items waiting, and
//! every item comes out exactly once.

use std::thread;

use queues_exercises::bounded::BoundedQueue;

#[test]
fn never_over_capacity_every_item_once() {
    const SIDE: u32 = 4;
    const EACH: u32 = 5_000;
    for capacity in [1, 2, 8] {
        let queue = BoundedQueue::new(capacity).expect("the capacity is not zero");
        let (puts, gets): (Vec<_>, Vec<_>) = thread::scope(|scope| {
            let producers: Vec<_> = (0..SIDE)
                .map(|p| {
                    let queue = &queue;
                    scope.spawn(move || {
                        (0..EACH)
                            .map(|i| queue.put_numbered(p * EACH + i))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            let consumers: Vec<_> = (0..SIDE)
                .map(|_| {
                    scope.spawn(|| (0..EACH).map(|_| queue.get_numbered()).collect::<Vec<_>>())
                })
                .collect();
            (
                producers
                    .into_iter()
                    .flat_map(|p| p.join().expect("a producer does not panic"))
                    .collect(),
                consumers
                    .into_iter()
                    .flat_map(|c| c.join().expect("a consumer does not panic"))
                    .collect(),
            )
        });
        // Replay the operations in the queue's own order.
        let total = 2 * u64::from(SIDE * EACH);
        let mut is_put = vec![None; total as usize];
        for n in puts {
            is_put[(n - 1) as usize] = Some(true);
        }
        let mut items = Vec::new();
        for (item, n) in gets {
            is_put[(n - 1) as usize] = Some(false);
            items.push(item);
        }
        let mut waiting = 0usize;
        for (at, op) in is_put.iter().enumerate() {
            match op {
                Some(true) => waiting += 1,
                Some(false) => waiting -= 1,
                None => panic!("capacity {capacity}: no operation got number {}", at + 1),
            }
            assert!(
                waiting <= capacity,
                "capacity {capacity}: {waiting} items waiting"
            );
        }
        items.sort_unstable();
        assert_eq!(
            items,
            (0..SIDE * EACH).collect::<Vec<_>>(),
            "capacity {capacity}"
        );
    }
}
