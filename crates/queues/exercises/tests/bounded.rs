//! `queues-bounded`: the behaviour, with exact expectations. The order of
//! events is read from the numbers the queue gave each put and get under its
//! lock, never from when threads got round to reporting.

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use queues_exercises::bounded::{BoundedQueue, ZeroCapacity};

/// One producer puts `items`, one consumer gets as many; the merged record,
/// in the order the queue performed the operations.
fn hand_off(capacity: usize, items: u32) -> Vec<String> {
    let queue = BoundedQueue::new(capacity).expect("the capacity is not zero");
    let (puts, gets) = thread::scope(|scope| {
        let queue = &queue;
        let producer = scope.spawn(move || {
            (1..=items)
                .map(|i| (queue.put_numbered(i), format!("put {i}")))
                .collect::<Vec<_>>()
        });
        let consumer = scope.spawn(move || {
            (1..=items)
                .map(|_| {
                    let (item, number) = queue.get_numbered();
                    (number, format!("get {item}"))
                })
                .collect::<Vec<_>>()
        });
        (
            producer.join().expect("the producer does not panic"),
            consumer.join().expect("the consumer does not panic"),
        )
    });
    let mut record: Vec<(u64, String)> = puts.into_iter().chain(gets).collect();
    record.sort_by_key(|(number, _)| *number);
    let numbers: Vec<u64> = record.iter().map(|(n, _)| *n).collect();
    assert_eq!(
        numbers,
        (1..=2 * u64::from(items)).collect::<Vec<_>>(),
        "every put and get gets the next number, under the lock"
    );
    record.into_iter().map(|(_, event)| event).collect()
}

#[test]
fn items_come_out_in_order_and_capacity_is_kept() {
    let queue = BoundedQueue::new(3).expect("the capacity is not zero");
    assert_eq!(queue.capacity(), 3);
    assert!(queue.is_empty());
    assert_eq!(queue.put_numbered('a'), 1);
    assert_eq!(queue.put_numbered('b'), 2);
    assert_eq!(queue.len(), 2);
    assert_eq!(queue.get_numbered(), ('a', 3));
    assert_eq!(queue.get(), 'b');
    assert!(queue.is_empty());
}

#[test]
fn a_capacity_of_zero_is_refused() {
    assert_eq!(
        BoundedQueue::<u8>::new(0).err(),
        Some(ZeroCapacity),
        "with no room at all, every put would wait for ever: new(0) must be an error"
    );
}

#[test]
fn with_capacity_1_put_and_get_take_turns_exactly() {
    assert_eq!(
        hand_off(1, 4),
        [
            "put 1", "get 1", "put 2", "get 2", "put 3", "get 3", "put 4", "get 4"
        ],
        "with capacity 1, a put must wait for the get of the item before it"
    );
}

#[test]
fn the_producer_never_runs_more_than_capacity_ahead() {
    let record = hand_off(2, 50);
    let mut waiting = 0i64;
    for (at, event) in record.iter().enumerate() {
        waiting += if event.starts_with("put") { 1 } else { -1 };
        assert!(
            (0..=2).contains(&waiting),
            "after {:?}, {waiting} items waiting in a queue of capacity 2",
            &record[..=at]
        );
    }
    let gets: Vec<&String> = record.iter().filter(|e| e.starts_with("get")).collect();
    let expected: Vec<String> = (1..=50).map(|i| format!("get {i}")).collect();
    assert_eq!(gets, expected.iter().collect::<Vec<_>>(), "FIFO");
}

#[test]
fn put_sleeps_while_full_and_a_get_wakes_it() {
    let queue = BoundedQueue::new(1).expect("the capacity is not zero");
    queue.put(1);
    let (done_tx, done_rx) = mpsc::channel();
    thread::scope(|scope| {
        let queue = &queue;
        scope.spawn(move || {
            queue.put(2);
            done_tx.send(()).expect("the test is listening");
        });
        thread::sleep(Duration::from_millis(50));
        assert!(
            done_rx.try_recv().is_err(),
            "put() returned while the queue was full"
        );
        assert_eq!(queue.get(), 1);
        done_rx.recv().unwrap();
    });
    assert_eq!(queue.get(), 2);
}

#[test]
fn get_sleeps_while_empty_and_a_put_wakes_it() {
    let queue = BoundedQueue::new(1).expect("the capacity is not zero");
    let (got_tx, got_rx) = mpsc::channel();
    thread::scope(|scope| {
        let queue = &queue;
        scope.spawn(move || got_tx.send(queue.get()).expect("the test is listening"));
        thread::sleep(Duration::from_millis(50));
        assert!(
            got_rx.try_recv().is_err(),
            "get() returned from an empty queue"
        );
        queue.put(9);
        assert_eq!(got_rx.recv().unwrap(), 9);
    });
}
