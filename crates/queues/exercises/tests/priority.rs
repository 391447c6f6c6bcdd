//! `queues-priority`: the behaviour, with exact expectations.

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use queues_exercises::priority::PriorityQueue;

#[test]
fn highest_priority_first_ties_in_the_order_they_were_put() {
    // The Cookbook's example, plus ties.
    let queue = PriorityQueue::new();
    for (item, priority) in [("foo", 1), ("bar", 5), ("spam", 4), ("grok", 1), ("ham", 5)] {
        queue.put(item, priority);
    }
    assert_eq!(queue.len(), 5);
    let got: Vec<_> = (0..5).map(|_| queue.get()).collect();
    assert_eq!(
        got,
        ["bar", "ham", "spam", "foo", "grok"],
        "highest priority first; equal priorities must come out in the order they were put"
    );
    assert!(queue.is_empty());
}

#[test]
fn twenty_equal_priorities_come_out_in_order() {
    let queue = PriorityQueue::new();
    for i in 0..20 {
        queue.put(i, 0);
    }
    let got: Vec<_> = (0..20).map(|_| queue.get()).collect();
    assert_eq!(
        got,
        (0..20).collect::<Vec<_>>(),
        "equal priorities must come out in the order they were put"
    );
}

#[test]
fn negative_and_extreme_priorities_order_too() {
    let queue = PriorityQueue::new();
    for (item, priority) in [
        ('a', -3),
        ('b', i32::MIN),
        ('c', i32::MAX),
        ('d', 0),
        ('e', -3),
    ] {
        queue.put(item, priority);
    }
    let got: String = (0..5).map(|_| queue.get()).collect();
    assert_eq!(got, "cdaeb");
}

#[test]
fn get_sleeps_until_an_item_arrives() {
    let queue = PriorityQueue::new();
    let (got_tx, got_rx) = mpsc::channel();
    thread::scope(|scope| {
        let queue = &queue;
        scope.spawn(move || got_tx.send(queue.get()).expect("the test is listening"));
        thread::sleep(Duration::from_millis(50));
        assert!(
            got_rx.try_recv().is_err(),
            "get() returned from an empty queue"
        );
        queue.put("late", 1);
        assert_eq!(got_rx.recv().unwrap(), "late");
    });
}
