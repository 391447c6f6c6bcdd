//! The controls of the verdicts `src/sections/building.rs` prints, one
//! step of the queue at a time: a `get` that sleeps, a `put` that waits for
//! room, `task_done` and `join`, `close`.

use std::thread;
use std::time::{Duration, Instant};

use crossbeam::channel;
use kit::Verdict;
use queues::pipeline::{Photo, download, resize};
use queues::verdict;
use queues::{BlockingQueue, BoundedQueue, ClosableQueue, Closed, JoinableQueue, PollingQueue};

// --- had_not_returned -------------------------------------------------------

/// `a_blocking_get_sleeps_until_an_item_arrives` with a `get` that does not
/// wait (the polling queue's `try_get`): on an empty queue it returns at
/// once.
#[test]
fn verdict_had_not_returned_can_fail() {
    let queue = PollingQueue::<Photo>::new();
    thread::scope(|s| {
        let consumer = s.spawn(|| queue.try_get());
        let deadline = Instant::now() + Duration::from_secs(20);
        while !consumer.is_finished() && Instant::now() < deadline {
            thread::sleep(Duration::from_millis(1));
        }
        assert_eq!(
            verdict::had_not_returned(consumer.is_finished()),
            Verdict::No
        );
        assert_eq!(consumer.join().expect("does not panic"), None);
    });
}

// --- each_put_waited_for_a_get ----------------------------------------------

/// `with_capacity_one_put_waits_for_get` with room for three: the producer
/// puts all three photos before the consumer starts, and the record shows
/// put, put, put.
#[test]
fn verdict_each_put_waited_for_a_get_can_fail() {
    let queue = BoundedQueue::new(3).expect("3 is a valid capacity");
    let puts: Vec<(u64, String)> = (1..=3)
        .map(|id| {
            let number = queue.put_numbered(download(id));
            (number, format!("producer put photo {id}"))
        })
        .collect();
    let gets: Vec<(u64, String)> = (0..3)
        .map(|_| {
            let (photo, number) = queue.get_numbered();
            (number, format!("consumer got photo {}", photo.id))
        })
        .collect();
    let mut history: Vec<(u64, String)> = puts.into_iter().chain(gets).collect();
    history.sort();
    assert_eq!(
        verdict::each_put_waited_for_a_get(&history),
        Verdict::No,
        "{history:?}"
    );
}

// --- stayed_within ----------------------------------------------------------

/// The bound taken away. `a_bounded_queue_keeps_the_backlog_short`'s camera
/// on a queue with no practical bound: all forty photos are put before the
/// resizer starts, and all forty wait at once. And `the_same_pipeline_on_
/// crossbeam_channels`' first channel made unbounded: every photo is sent
/// before a worker starts.
#[test]
fn verdict_stayed_within_can_fail() {
    let queue = BoundedQueue::unbounded();
    let peak = (0..40)
        .map(|id| {
            queue.put(download(id));
            queue.len()
        })
        .max()
        .unwrap_or(0);
    for _ in 0..40 {
        resize(queue.get());
    }
    assert_eq!(peak, 40);
    assert_eq!(verdict::stayed_within(peak, 4), Verdict::No);

    let (tx, rx) = channel::unbounded();
    let mut peak = 0;
    for id in 0..100 {
        tx.send(id).expect("the receiver is alive");
        peak = peak.max(rx.len());
    }
    drop(tx);
    let received = thread::scope(|s| s.spawn(|| rx.iter().count()).join().expect("no panic"));
    assert_eq!((peak, received), (100, 100));
    assert_eq!(verdict::stayed_within(peak, 10), Verdict::No);
}

// --- join_returned_after_task_done ------------------------------------------

/// `join_waits_until_every_item_is_done` with the classic mistake: the
/// consumer calls `task_done` as soon as it has taken the item, before the
/// work. `join` returns while the photo is still being resized, and the log
/// shows it.
#[test]
fn verdict_join_returned_after_task_done_can_fail() {
    let queue = JoinableQueue::<Photo>::unbounded();
    let log = std::sync::Mutex::new(Vec::<String>::new());
    let note = |line: &str| log.lock().expect("no panic").push(line.to_owned());
    let (go_tx, go_rx) = channel::bounded(1);
    thread::scope(|s| {
        s.spawn(|| {
            let photo = queue.get();
            note(&format!("consumer: got photo {}, resizing it", photo.id));
            queue.task_done().expect("one task_done for one get"); // too early
            go_rx.recv().expect("main says when");
            note("consumer: done, task_done()");
        });
        note("producer: put photo 1");
        queue.put(download(1));
        queue.join();
        note("producer: join() returned");
        go_tx.send(()).expect("the consumer waits for it");
    });
    let log = log.into_inner().expect("no panic");
    assert_eq!(
        verdict::join_returned_after_task_done(&log),
        Verdict::No,
        "{log:?}"
    );
}

// --- queued_items_delivered -------------------------------------------------

/// `close_ends_every_consumers_loop` with a consumer that checks "is it
/// closed?" before each `get`, as if closing were a stop flag: the three
/// photos queued before the close are never delivered.
#[test]
fn verdict_queued_items_delivered_can_fail() {
    let queue = ClosableQueue::unbounded();
    for id in 1..=3 {
        queue.put(id).expect("the queue is open");
    }
    queue.close();
    let mut delivered = Vec::new();
    while !queue.is_closed() {
        match queue.get() {
            Some(id) => delivered.push(id),
            None => break,
        }
    }
    assert!(delivered.is_empty());
    assert_eq!(queue.len(), 3);
    assert_eq!(
        verdict::queued_items_delivered(&delivered, &[1, 2, 3]),
        Verdict::No
    );
}

// --- item_came_back ---------------------------------------------------------

/// Effective Python's way of closing, in Rust: `close` puts an end marker
/// (`None`), and `put` answers like the closable queue's but never looks
/// at whether the queue was closed.
struct SentinelQueue<T>(BlockingQueue<Option<T>>);

impl<T> SentinelQueue<T> {
    fn put(&self, item: T) -> Result<(), Closed<T>> {
        self.0.put(Some(item));
        Ok(())
    }

    fn close(&self) {
        self.0.put(None);
    }
}

/// `close_ends_every_consumers_loop`'s put after close, on a queue closed
/// by a marker: the put is accepted, nothing comes back, and the consumer,
/// which stops at the marker, never reads the photo.
#[test]
fn verdict_item_came_back_can_fail() {
    let queue = SentinelQueue(BlockingQueue::new());
    queue.put(1).expect("the queue takes it");
    queue.close();
    let late = queue.put(4);
    let read: Vec<u32> = std::iter::from_fn(|| queue.0.get()).collect();
    assert_eq!(read, [1]);
    assert_eq!(queue.0.len(), 1, "photo 4 sits behind the marker, unread");
    assert_eq!(verdict::item_came_back(&late, &4), Verdict::No);
}

// --- each_once --------------------------------------------------------------

/// Three ways consumers miss items, one for each section that checks
/// `each_once`: `close_ends_every_consumers_loop`'s three consumers taking
/// "the queue is empty right now" for "no more items"; `a_sentinel_against_
/// close_by_drop`'s sentinel put too early; and its close-by-drop
/// consumers stopping when the channel is momentarily empty (`try_iter`).
#[test]
fn verdict_each_once_can_fail() {
    let received = consumers_that_stop_on_an_empty_queue();
    assert_eq!(verdict::each_once(&received, 1..=6), Verdict::No);

    let got = a_sentinel_put_too_early();
    assert_eq!(got, [10, 9, 8, 7, 6]);
    assert_eq!(verdict::each_once(&[got], 1..=10), Verdict::No);

    let got = channel_consumers_that_stop_on_an_empty_channel();
    assert_eq!(verdict::each_once(&got, 1..=10), Verdict::No);
}

/// Three consumers start before the producer, find the queue empty, and
/// stop; the six items come later and nobody gets them.
fn consumers_that_stop_on_an_empty_queue() -> Vec<Vec<u32>> {
    let queue = PollingQueue::new();
    let received: Vec<Vec<u32>> = thread::scope(|s| {
        let consumers: Vec<_> = (0..3)
            .map(|_| s.spawn(|| std::iter::from_fn(|| queue.try_get()).collect::<Vec<u32>>()))
            .collect();
        consumers
            .into_iter()
            .map(|c| c.join().expect("a consumer does not panic"))
            .collect()
    });
    for id in 1..=6 {
        queue.put(id);
    }
    assert_eq!(queue.len(), 6);
    received
}

/// The sentinel put before the last five numbers: the consumer stops at it,
/// and 5 to 1 are never read.
fn a_sentinel_put_too_early() -> Vec<u32> {
    let queue = BlockingQueue::new();
    for n in (6..=10).rev() {
        queue.put(Some(n));
    }
    queue.put(None); // too early
    for n in (1..=5).rev() {
        queue.put(Some(n));
    }
    thread::scope(|s| {
        s.spawn(|| {
            let mut got = Vec::new();
            while let Some(n) = queue.get() {
                got.push(n);
            }
            queue.put(None);
            got
        })
        .join()
        .expect("the consumer does not panic")
    })
}

/// Consumers that start before the producer and read with `try_iter`,
/// which ends when the channel is empty, not when it is closed: the ten
/// numbers come later.
fn channel_consumers_that_stop_on_an_empty_channel() -> Vec<Vec<u32>> {
    let (tx, rx) = channel::unbounded();
    let got: Vec<Vec<u32>> = thread::scope(|s| {
        let consumers: Vec<_> = (0..3)
            .map(|_| s.spawn(|| rx.try_iter().collect::<Vec<u32>>()))
            .collect();
        consumers
            .into_iter()
            .map(|c| c.join().expect("a consumer does not panic"))
            .collect()
    });
    for n in (1..=10).rev() {
        tx.send(n).expect("the receiver is alive");
    }
    assert_eq!(rx.len(), 10);
    got
}
