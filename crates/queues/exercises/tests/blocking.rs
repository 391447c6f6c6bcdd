//! `queues-blocking`: the behaviour, with exact expectations.

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use queues_exercises::blocking::BlockingQueue;

#[test]
fn items_come_out_in_the_order_they_went_in() {
    let queue = BlockingQueue::new();
    assert!(queue.is_empty());
    for item in [1, 2, 3] {
        queue.put(item);
    }
    assert_eq!(queue.len(), 3);
    assert_eq!([queue.get(), queue.get(), queue.get()], [1, 2, 3]);
    assert!(queue.is_empty());
}

#[test]
fn get_sleeps_until_an_item_arrives() {
    let queue = BlockingQueue::new();
    let (got_tx, got_rx) = mpsc::channel();
    thread::scope(|scope| {
        let queue = &queue;
        scope.spawn(move || got_tx.send(queue.get()).expect("the test is listening"));
        thread::sleep(Duration::from_millis(50));
        assert!(
            got_rx.try_recv().is_err(),
            "get() returned from an empty queue"
        );
        queue.put(7);
        assert_eq!(got_rx.recv().unwrap(), 7);
    });
}

#[test]
fn four_producers_four_consumers_every_item_once() {
    let queue = BlockingQueue::new();
    let mut got: Vec<u32> = thread::scope(|scope| {
        for p in 0..4 {
            let queue = &queue;
            scope.spawn(move || {
                for i in 0..1_000 {
                    queue.put(p * 1_000 + i);
                }
            });
        }
        let consumers: Vec<_> = (0..4)
            .map(|_| scope.spawn(|| (0..1_000).map(|_| queue.get()).collect::<Vec<_>>()))
            .collect();
        consumers
            .into_iter()
            .flat_map(|c| {
                c.join().unwrap_or_else(|_| {
                    panic!("a consumer panicked: another consumer took the item it was woken for?")
                })
            })
            .collect()
    });
    got.sort_unstable();
    assert_eq!(
        got,
        (0..4_000).collect::<Vec<_>>(),
        "every item exactly once"
    );
    assert!(queue.is_empty());
}
