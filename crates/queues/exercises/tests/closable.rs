//! `queues-closable`: the behaviour, with exact expectations.

use std::thread;
use std::time::Duration;

use queues_exercises::closable::{ClosableQueue, Closed};

#[test]
fn items_put_before_close_are_still_delivered_then_none() {
    let queue = ClosableQueue::unbounded();
    for item in [1, 2, 3] {
        queue.put(item).unwrap();
    }
    assert!(!queue.is_closed());
    queue.close();
    assert!(queue.is_closed());
    let got: Vec<_> = (0..5).map(|_| queue.get()).collect();
    assert_eq!(
        got,
        [Some(1), Some(2), Some(3), None, None],
        "items put before close() must still be delivered, in order, then None for ever"
    );
}

#[test]
fn a_put_after_close_gives_the_item_back() {
    let queue = ClosableQueue::unbounded();
    queue.close();
    assert_eq!(
        queue.put(String::from("late")),
        Err(Closed(String::from("late")))
    );
    assert_eq!(queue.get(), None);
}

#[test]
fn close_ends_every_waiting_consumers_loop() {
    let queue: ClosableQueue<u32> = ClosableQueue::unbounded();
    let got: Vec<Vec<u32>> = thread::scope(|scope| {
        let consumers: Vec<_> = (0..3)
            .map(|_| scope.spawn(|| (&queue).into_iter().collect::<Vec<_>>()))
            .collect();
        // Give the consumers time to fall asleep (not needed for the answer
        // to be right: it makes a close that wakes only one hang here).
        thread::sleep(Duration::from_millis(50));
        queue.close();
        consumers.into_iter().map(|c| c.join().unwrap()).collect()
    });
    assert_eq!(got, [[], [], []] as [[u32; 0]; 3]);
}

#[test]
fn three_consumers_two_producers_every_item_exactly_once() {
    let queue = ClosableQueue::unbounded();
    let mut got: Vec<u32> = thread::scope(|scope| {
        let consumers: Vec<_> = (0..3)
            .map(|_| scope.spawn(|| (&queue).into_iter().collect::<Vec<_>>()))
            .collect();
        let producers: Vec<_> = (0..2)
            .map(|p| {
                let queue = &queue;
                scope.spawn(move || {
                    for i in 0..500 {
                        queue.put(p * 500 + i).expect("the queue is open");
                    }
                })
            })
            .collect();
        for producer in producers {
            producer.join().unwrap();
        }
        queue.close();
        consumers
            .into_iter()
            .flat_map(|c| c.join().unwrap())
            .collect()
    });
    got.sort_unstable();
    assert_eq!(
        got,
        (0..1_000).collect::<Vec<_>>(),
        "every item exactly once"
    );
}
