//! Model tests: loom runs each scenario under every interleaving of its
//! threads it can find, and fails on a deadlock (a consumer nobody wakes, a
//! producer waiting for room that never comes). Run with
//! `RUSTFLAGS="--cfg loom" CARGO_TARGET_DIR=target/loom cargo test --release -p queues --test loom`.
//!
//! Each model keeps to two or three threads and one or two items, so loom's
//! search finishes in seconds.
#![cfg(loom)]

use loom::sync::Arc;
use loom::sync::atomic::{AtomicBool, Ordering};
use loom::thread;
use queues::{
    BlockingQueue, BoundedQueue, ClosableQueue, Closed, FastQueue, JoinableQueue, PollingQueue,
    PriorityQueue,
};

/// Runs `f` on a new loom thread with its own handle on `shared`.
fn spawn_with<Q: Send + Sync + 'static, R: Send + 'static>(
    shared: &Arc<Q>,
    f: impl FnOnce(&Q) -> R + Send + 'static,
) -> thread::JoinHandle<R> {
    let shared = Arc::clone(shared);
    thread::spawn(move || f(&shared))
}

#[test]
fn polling_queue_loses_no_concurrent_put() {
    loom::model(|| {
        let queue = Arc::new(PollingQueue::new());
        let other = spawn_with(&queue, |q| q.put(1));
        queue.put(2);
        other.join().unwrap();
        let mut got = [queue.try_get(), queue.try_get()];
        got.sort();
        assert_eq!(got, [Some(1), Some(2)]);
        assert_eq!(queue.try_get(), None);
    });
}

#[test]
fn blocking_get_receives_a_put_from_another_thread() {
    loom::model(|| {
        let queue = Arc::new(BlockingQueue::new());
        let consumer = spawn_with(&queue, |q| [q.get(), q.get()]);
        queue.put(1);
        queue.put(2);
        assert_eq!(consumer.join().unwrap(), [1, 2]);
    });
}

#[test]
fn two_blocked_consumers_each_get_one_item() {
    // With `notify_one` per put, each put must wake a consumer that is
    // still waiting; a lost wake-up leaves one asleep, and loom reports it.
    loom::model(|| {
        let queue = Arc::new(BlockingQueue::new());
        let consumers: Vec<_> = (0..2).map(|_| spawn_with(&queue, |q| q.get())).collect();
        queue.put(1);
        queue.put(2);
        let mut got: Vec<_> = consumers.into_iter().map(|c| c.join().unwrap()).collect();
        got.sort();
        assert_eq!(got, [1, 2]);
    });
}

#[test]
fn capacity_one_alternates_put_and_get() {
    loom::model(|| {
        let queue = Arc::new(BoundedQueue::new(1).unwrap());
        let consumer = spawn_with(&queue, |q| [q.get_numbered(), q.get_numbered()]);
        let puts = [queue.put_numbered(1), queue.put_numbered(2)];
        let gets = consumer.join().unwrap();
        // put 1, get 1, put 2, get 2: the only order capacity 1 allows.
        assert_eq!(puts, [1, 3]);
        assert_eq!(gets, [(1, 2), (2, 4)]);
    });
}

#[test]
fn a_producer_waiting_for_room_wakes_when_a_get_makes_it() {
    loom::model(|| {
        let queue = Arc::new(BoundedQueue::new(1).unwrap());
        queue.put(1);
        let producer = spawn_with(&queue, |q| q.put(2));
        assert_eq!(queue.get(), 1);
        producer.join().unwrap();
        assert_eq!(queue.get(), 2);
    });
}

#[test]
fn join_sees_everything_done_before_task_done() {
    loom::model(|| {
        let queue = Arc::new(JoinableQueue::unbounded());
        let resized = Arc::new(AtomicBool::new(false));
        queue.put(1);
        let consumer = {
            let resized = Arc::clone(&resized);
            spawn_with(&queue, move |q| {
                q.get();
                resized.store(true, Ordering::Relaxed);
                q.task_done().unwrap();
            })
        };
        queue.join();
        // The mutex orders the consumer's work before join's return, so
        // even a Relaxed store is visible here.
        assert!(resized.load(Ordering::Relaxed));
        assert_eq!(queue.unfinished(), 0);
        consumer.join().unwrap();
    });
}

#[test]
fn close_wakes_every_waiting_consumer() {
    loom::model(|| {
        let queue = Arc::new(ClosableQueue::<u32>::unbounded());
        let consumers: Vec<_> = (0..2).map(|_| spawn_with(&queue, |q| q.get())).collect();
        queue.close();
        for consumer in consumers {
            assert_eq!(consumer.join().unwrap(), None);
        }
    });
}

#[test]
fn an_item_put_before_close_is_delivered_once() {
    loom::model(|| {
        let queue = Arc::new(ClosableQueue::new(1).unwrap());
        let consumer = spawn_with(&queue, |q| q.into_iter().collect::<Vec<u32>>());
        queue.put(1).unwrap();
        queue.close();
        assert_eq!(consumer.join().unwrap(), [1]);
        assert_eq!(queue.put(2), Err(Closed(2)));
        assert_eq!(queue.unfinished(), 0);
    });
}

#[test]
fn close_wakes_a_producer_waiting_for_room() {
    loom::model(|| {
        let queue = Arc::new(ClosableQueue::new(1).unwrap());
        queue.put(1).unwrap();
        let producer = spawn_with(&queue, |q| q.put(2));
        queue.close();
        assert_eq!(producer.join().unwrap(), Err(Closed(2)));
        assert_eq!(queue.get(), Some(1));
        assert_eq!(queue.get(), None);
    });
}

#[test]
fn priority_get_waits_and_takes_the_highest_present() {
    loom::model(|| {
        let queue = Arc::new(PriorityQueue::new());
        let consumer = spawn_with(&queue, |q| q.get());
        queue.put("low", 1);
        queue.put("high", 9);
        let first = consumer.join().unwrap();
        // The consumer may have taken "low" before "high" was put; if it
        // took "high", "low" was there too.
        let second = queue.get();
        assert!(
            (first, second) == ("low", "high") || (first, second) == ("high", "low"),
            "{first}, {second}"
        );
        assert!(queue.is_empty());
    });
}

// --- Step 5: FastQueue, which notifies only when it counted a sleeper ------
//
// Its `put` skips `notify_one` when no `get` is counted asleep. If a
// consumer could go to sleep without being counted (count it after `wait`,
// or outside the lock), a put would skip the notify and the consumer would
// sleep forever: these models deadlock. Under loom the spin before sleeping
// is one round with a loom yield, so the spin path is explored too.

#[test]
fn fast_get_is_woken_by_a_put_after_it_slept() {
    loom::model(|| {
        let queue = Arc::new(FastQueue::unbounded());
        let consumer = spawn_with(&queue, |q| [q.get(), q.get()]);
        queue.put(1).unwrap();
        queue.put(2).unwrap();
        assert_eq!(consumer.join().unwrap(), [Some(1), Some(2)]);
        let counted = queue.notifications();
        assert_eq!(counted.sent, counted.with_a_sleeper);
    });
}

#[test]
fn fast_two_sleeping_consumers_each_get_one_item() {
    loom::model(|| {
        let queue = Arc::new(FastQueue::unbounded());
        let consumers: Vec<_> = (0..2).map(|_| spawn_with(&queue, |q| q.get())).collect();
        queue.put(1).unwrap();
        queue.put(2).unwrap();
        let mut got: Vec<_> = consumers.into_iter().map(|c| c.join().unwrap()).collect();
        got.sort();
        assert_eq!(got, [Some(1), Some(2)]);
    });
}

#[test]
fn fast_close_wakes_every_waiting_consumer() {
    loom::model(|| {
        let queue = Arc::new(FastQueue::<u32>::unbounded());
        let consumers: Vec<_> = (0..2).map(|_| spawn_with(&queue, |q| q.get())).collect();
        queue.close();
        for consumer in consumers {
            assert_eq!(consumer.join().unwrap(), None);
        }
    });
}

#[test]
fn fast_an_item_put_before_close_is_delivered_once() {
    loom::model(|| {
        let queue = Arc::new(FastQueue::new(1).unwrap());
        let consumer = spawn_with(&queue, |q| q.into_iter().collect::<Vec<u32>>());
        queue.put(1).unwrap();
        queue.close();
        assert_eq!(consumer.join().unwrap(), [1]);
        assert_eq!(queue.put(2), Err(Closed(2)));
    });
}

#[test]
fn fast_capacity_one_a_waiting_producer_wakes_when_a_get_makes_room() {
    loom::model(|| {
        let queue = Arc::new(FastQueue::new(1).unwrap());
        queue.put(1).unwrap();
        let producer = spawn_with(&queue, |q| q.put(2));
        assert_eq!(queue.get(), Some(1));
        assert_eq!(producer.join().unwrap(), Ok(()));
        assert_eq!(queue.len(), 1);
        assert_eq!(queue.get(), Some(2));
    });
}

#[test]
fn fast_close_wakes_a_producer_waiting_for_room() {
    loom::model(|| {
        let queue = Arc::new(FastQueue::new(1).unwrap());
        queue.put(1).unwrap();
        let producer = spawn_with(&queue, |q| q.put(2));
        queue.close();
        assert_eq!(producer.join().unwrap(), Err(Closed(2)));
        assert_eq!(queue.get(), Some(1));
        assert_eq!(queue.get(), None);
    });
}
