//! Behaviour tests for each hand-built queue: blocking, capacity, many
//! producers and consumers, task_done/join, close, priority order.
//!
//! Where a bug would make a thread wait forever, the test runs under
//! [`within`], which fails it (naming what hung) instead of hanging the suite.
//! "Still blocked after a pause" checks cannot be fooled by a slow machine: a
//! thread that must block cannot have returned, however it was scheduled.

use std::collections::BTreeSet;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use queues::{
    BlockingQueue, BoundedQueue, ClosableQueue, Closed, FastQueue, JoinableQueue, Notifications,
    NotifyRule, PollingQueue, PriorityQueue, TooManyTaskDone, ZeroCapacity, polling_worker,
};

/// How long a thread that must be blocked is given to (wrongly) return.
const PAUSE: Duration = Duration::from_millis(20);
/// How long a test may take before it is called hung.
const HANG: Duration = Duration::from_secs(20);

/// Runs `test` on its own thread and fails if it is not done within `HANG`.
fn within<R: Send + 'static>(what: &str, test: impl FnOnce() -> R + Send + 'static) -> R {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let _ = tx.send(test());
    });
    match rx.recv_timeout(HANG) {
        Ok(result) => result,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("hung: {what}"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("panicked: {what}"),
    }
}

/// Whether `items` are exactly `0..count`, each once.
fn exactly(mut items: Vec<usize>, count: usize) -> bool {
    items.sort_unstable();
    items.into_iter().eq(0..count)
}

// --- PollingQueue ---------------------------------------------------------

#[test]
fn polling_queue_is_fifo_and_never_waits() {
    let queue = PollingQueue::new();
    assert_eq!(queue.try_get(), None::<u32>);
    for i in 0..3 {
        queue.put(i);
    }
    assert_eq!(queue.len(), 3);
    let got: Vec<_> = std::iter::from_fn(|| queue.try_get()).collect();
    assert_eq!(got, [0, 1, 2]);
    assert!(queue.is_empty());
}

#[test]
fn a_polling_worker_processes_until_the_flag_and_counts_its_polls() {
    use std::sync::atomic::{AtomicBool, Ordering};
    let (input, output) = (PollingQueue::new(), PollingQueue::new());
    for i in 0..5u32 {
        input.put(i);
    }
    let stop = AtomicBool::new(false);
    let polls = thread::scope(|s| {
        let worker = s.spawn(|| {
            polling_worker(
                &input,
                &output,
                |i| i * 10,
                &stop,
                Duration::from_micros(50),
            )
        });
        while output.len() < 5 {
            thread::yield_now();
        }
        stop.store(true, Ordering::Release);
        worker.join().unwrap()
    });
    assert_eq!(polls.found_work, 5);
    assert_eq!(polls.total(), polls.found_work + polls.found_nothing);
    let got: Vec<_> = std::iter::from_fn(|| output.try_get()).collect();
    assert_eq!(got, [0, 10, 20, 30, 40]);
}

// --- BlockingQueue --------------------------------------------------------

#[test]
fn get_blocks_until_a_put() {
    within("get after put", || {
        let queue = BlockingQueue::new();
        thread::scope(|s| {
            let consumer = s.spawn(|| queue.get());
            thread::sleep(PAUSE);
            assert!(!consumer.is_finished(), "get returned from an empty queue");
            queue.put("photo");
            assert_eq!(consumer.join().unwrap(), "photo");
        });
    });
}

#[test]
fn one_producer_one_consumer_keeps_fifo_order() {
    within("fifo", || {
        let queue = BlockingQueue::new();
        let got = thread::scope(|s| {
            let consumer = s.spawn(|| (0..1000).map(|_| queue.get()).collect::<Vec<_>>());
            for i in 0..1000 {
                queue.put(i);
            }
            consumer.join().unwrap()
        });
        assert_eq!(got, (0..1000).collect::<Vec<_>>());
    });
}

#[test]
fn blocking_queue_many_producers_and_consumers_deliver_each_item_once() {
    within("blocking many-to-many", || {
        let queue = BlockingQueue::new();
        let got = thread::scope(|s| {
            let consumers: Vec<_> = (0..4)
                .map(|_| s.spawn(|| (0..250).map(|_| queue.get()).collect::<Vec<_>>()))
                .collect();
            for p in 0..4 {
                let queue = &queue;
                s.spawn(move || (0..250).for_each(|i| queue.put(p * 250 + i)));
            }
            consumers
                .into_iter()
                .flat_map(|c| c.join().unwrap())
                .collect()
        });
        assert!(exactly(got, 1000));
        assert!(queue.is_empty());
    });
}

// --- BoundedQueue ---------------------------------------------------------

#[test]
fn a_capacity_of_zero_is_refused() {
    assert_eq!(BoundedQueue::<u8>::new(0).unwrap_err(), ZeroCapacity);
    assert_eq!(JoinableQueue::<u8>::new(0).unwrap_err(), ZeroCapacity);
    assert_eq!(ClosableQueue::<u8>::new(0).unwrap_err(), ZeroCapacity);
    assert!(ZeroCapacity.to_string().contains("at least one item"));
    assert_eq!(BoundedQueue::<u8>::new(3).unwrap().capacity(), 3);
}

#[test]
fn put_blocks_while_the_queue_is_full() {
    within("put after get", || {
        let queue = BoundedQueue::new(2).unwrap();
        queue.put(1);
        queue.put(2);
        thread::scope(|s| {
            let producer = s.spawn(|| queue.put(3));
            thread::sleep(PAUSE);
            assert!(!producer.is_finished(), "put went past the capacity");
            assert_eq!(queue.len(), 2);
            assert_eq!(queue.get(), 1);
            producer.join().unwrap();
        });
        assert_eq!([queue.get(), queue.get()], [2, 3]);
    });
}

#[test]
fn capacity_one_with_many_producers_and_consumers_alternates_put_and_get() {
    // With room for one item, the queue's history must be put, get, put,
    // get, ..., each get taking the item of the put just before it, and
    // every item must come out exactly once.
    within("capacity 1 many-to-many", || {
        let queue = BoundedQueue::new(1).unwrap();
        let (puts, gets) = thread::scope(|s| {
            let consumers: Vec<_> = (0..3)
                .map(|_| s.spawn(|| (0..200).map(|_| queue.get_numbered()).collect::<Vec<_>>()))
                .collect();
            let producers: Vec<_> = (0..3)
                .map(|p| {
                    let queue = &queue;
                    s.spawn(move || {
                        (0..200)
                            .map(|i| (p * 200 + i, queue.put_numbered(p * 200 + i)))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            let puts: Vec<_> = producers
                .into_iter()
                .flat_map(|p| p.join().unwrap())
                .collect();
            let gets: Vec<_> = consumers
                .into_iter()
                .flat_map(|c| c.join().unwrap())
                .collect();
            (puts, gets)
        });
        let mut history: Vec<(u64, bool, usize)> = puts
            .iter()
            .map(|&(item, number)| (number, true, item))
            .chain(gets.iter().map(|&(item, number)| (number, false, item)))
            .collect();
        history.sort_unstable();
        assert_eq!(
            history.iter().map(|h| h.0).collect::<Vec<_>>(),
            (1..=1200).collect::<Vec<u64>>(),
            "every operation has its own number"
        );
        for pair in history.chunks(2) {
            let [(_, true, put), (_, false, got)] = pair else {
                panic!("not a put followed by a get: {pair:?}");
            };
            assert_eq!(put, got);
        }
        assert!(exactly(gets.into_iter().map(|g| g.0).collect(), 600));
    });
}

// --- JoinableQueue --------------------------------------------------------

#[test]
fn join_returns_only_after_every_task_done() {
    within("join after the last task_done", || {
        let queue = JoinableQueue::unbounded();
        for i in 0..3 {
            queue.put(i);
        }
        let taken: Vec<_> = (0..3).map(|_| queue.get()).collect();
        assert_eq!(taken, [0, 1, 2]);
        assert_eq!(queue.unfinished(), 3, "taking an item is not finishing it");
        thread::scope(|s| {
            let joiners: Vec<_> = (0..2).map(|_| s.spawn(|| queue.join())).collect();
            queue.task_done().unwrap();
            queue.task_done().unwrap();
            thread::sleep(PAUSE);
            assert!(
                joiners.iter().all(|j| !j.is_finished()),
                "join returned with one item unfinished"
            );
            queue.task_done().unwrap();
            for joiner in joiners {
                joiner.join().unwrap(); // both wake
            }
        });
        assert_eq!(queue.unfinished(), 0);
    });
}

#[test]
fn join_returns_at_once_when_nothing_is_unfinished() {
    within("join on a fresh queue", || {
        JoinableQueue::<u8>::unbounded().join()
    });
}

#[test]
fn task_done_more_often_than_put_is_an_error() {
    let queue = JoinableQueue::unbounded();
    assert_eq!(queue.task_done(), Err(TooManyTaskDone));
    queue.put(1);
    queue.get();
    assert_eq!(queue.task_done(), Ok(()));
    assert_eq!(queue.task_done(), Err(TooManyTaskDone));
    assert_eq!(queue.unfinished(), 0);
    let closable = ClosableQueue::<u8>::unbounded();
    assert_eq!(closable.task_done(), Err(TooManyTaskDone));
}

#[test]
fn a_bounded_joinable_queue_blocks_put_while_full() {
    within("joinable put after get", || {
        let queue = JoinableQueue::new(1).unwrap();
        queue.put(1);
        thread::scope(|s| {
            let producer = s.spawn(|| queue.put(2));
            thread::sleep(PAUSE);
            assert!(!producer.is_finished());
            assert_eq!(queue.get(), 1);
            producer.join().unwrap();
        });
        assert_eq!((queue.len(), queue.unfinished()), (1, 2));
    });
}

// --- FastQueue ------------------------------------------------------------

#[test]
fn fast_queue_refuses_zero_and_keeps_fifo_order() {
    assert_eq!(FastQueue::<u32>::new(0).unwrap_err(), ZeroCapacity);
    let queue = FastQueue::new(3).unwrap();
    for i in 0..3 {
        queue.put(i).unwrap();
    }
    assert_eq!(queue.len(), 3);
    assert_eq!(
        [queue.get(), queue.get(), queue.get()],
        [Some(0), Some(1), Some(2)]
    );
    assert!(queue.is_empty());
}

#[test]
fn fast_queue_notifies_nobody_when_nobody_sleeps() {
    // One thread: nobody can be asleep, so the fast rule sends nothing and
    // step 4's rule sends one per put, one per get and two per close.
    for (rule, sent) in [(NotifyRule::WhenSomeoneSleeps, 0), (NotifyRule::Always, 12)] {
        let queue = FastQueue::with_rule(10, rule).unwrap();
        for i in 0..5 {
            queue.put(i).unwrap();
        }
        queue.close();
        assert_eq!((&queue).into_iter().count(), 5);
        assert_eq!(
            queue.notifications(),
            Notifications {
                sent,
                with_a_sleeper: 0
            },
            "{rule:?}"
        );
    }
}

#[test]
fn fast_get_sleeps_until_a_put_and_that_put_notifies_it() {
    within("fast get after put", || {
        let queue = FastQueue::unbounded();
        thread::scope(|s| {
            let consumer = s.spawn(|| queue.get());
            thread::sleep(PAUSE);
            assert!(!consumer.is_finished(), "get returned on an empty queue");
            queue.put(7).unwrap();
            assert_eq!(consumer.join().unwrap(), Some(7));
        });
        // The consumer spins for microseconds, then sleeps: the put found
        // it counted asleep and sent one notification. (On a machine so
        // loaded that the consumer was still spinning after PAUSE, the put
        // finds nobody asleep and sends none; never one that wakes nobody.)
        let counted = queue.notifications();
        assert!(counted.sent <= 1, "{counted:?}");
        assert_eq!(counted.sent, counted.with_a_sleeper);
    });
}

#[test]
fn fast_close_wakes_every_consumer_and_every_producer() {
    within("fast close", || {
        let empty = FastQueue::<u32>::unbounded();
        let full = FastQueue::new(1).unwrap();
        full.put(0).unwrap();
        thread::scope(|s| {
            let consumers: Vec<_> = (0..3).map(|_| s.spawn(|| empty.get())).collect();
            let producers: Vec<_> = (1..=3)
                .map(|i| {
                    let full = &full;
                    s.spawn(move || full.put(i))
                })
                .collect();
            thread::sleep(PAUSE);
            assert!(
                consumers.iter().all(|c| !c.is_finished()),
                "get returned before close"
            );
            assert!(
                producers.iter().all(|p| !p.is_finished()),
                "put went past the capacity"
            );
            empty.close();
            full.close();
            for consumer in consumers {
                assert_eq!(consumer.join().unwrap(), None);
            }
            let mut back: Vec<u32> = producers
                .into_iter()
                .map(|p| match p.join().unwrap() {
                    Err(Closed(item)) => item,
                    Ok(()) => panic!("a put on a full queue succeeded before any get"),
                })
                .collect();
            back.sort_unstable();
            assert_eq!(back, [1, 2, 3]);
        });
        assert_eq!((&full).into_iter().collect::<Vec<_>>(), [0]);
    });
}

#[test]
fn fast_many_producers_and_consumers_deliver_each_item_once_and_notify_only_sleepers() {
    within("fast many to many", || {
        for capacity in [1, 2, usize::MAX] {
            let queue = FastQueue::new(capacity).unwrap();
            let got = thread::scope(|s| {
                let consumers: Vec<_> = (0..3)
                    .map(|_| s.spawn(|| (&queue).into_iter().collect::<Vec<_>>()))
                    .collect();
                let producers: Vec<_> = (0..4)
                    .map(|p| {
                        let queue = &queue;
                        s.spawn(move || (0..2_500).for_each(|i| queue.put(p * 2_500 + i).unwrap()))
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
            assert!(exactly(got, 10_000), "capacity {capacity}");
            let counted = queue.notifications();
            assert_eq!(counted.sent, counted.with_a_sleeper, "capacity {capacity}");
        }
    });
}

// --- ClosableQueue --------------------------------------------------------

#[test]
fn close_wakes_every_consumer_waiting_in_get() {
    within("consumers after close", || {
        let queue = ClosableQueue::<u32>::unbounded();
        thread::scope(|s| {
            let consumers: Vec<_> = (0..3).map(|_| s.spawn(|| queue.get())).collect();
            thread::sleep(PAUSE);
            assert!(
                consumers.iter().all(|c| !c.is_finished()),
                "get returned before close"
            );
            queue.close();
            for consumer in consumers {
                assert_eq!(consumer.join().unwrap(), None);
            }
        });
    });
}

#[test]
fn items_queued_before_close_are_still_delivered() {
    let queue = ClosableQueue::new(5).unwrap();
    for i in 0..5 {
        queue.put(i).unwrap();
    }
    queue.close();
    assert!(queue.is_closed());
    assert_eq!((&queue).into_iter().collect::<Vec<_>>(), [0, 1, 2, 3, 4]);
    assert_eq!(queue.get(), None);
    assert_eq!(
        queue.unfinished(),
        0,
        "the iterator called task_done for each"
    );
}

#[test]
fn put_after_close_hands_the_item_back() {
    let queue = ClosableQueue::unbounded();
    queue.put(String::from("kept")).unwrap();
    queue.close();
    queue.close(); // harmless
    let err = queue.put(String::from("late")).unwrap_err();
    assert_eq!(err, Closed(String::from("late")));
    assert_eq!(
        err.to_string(),
        "the queue is closed: the item was not queued"
    );
    assert_eq!(queue.len(), 1);
    assert_eq!(queue.unfinished(), 1);
}

#[test]
fn close_wakes_a_producer_waiting_for_room() {
    within("producer after close", || {
        let queue = ClosableQueue::new(1).unwrap();
        queue.put(1).unwrap();
        thread::scope(|s| {
            let producer = s.spawn(|| queue.put(2));
            thread::sleep(PAUSE);
            assert!(!producer.is_finished(), "put went past the capacity");
            queue.close();
            assert_eq!(producer.join().unwrap(), Err(Closed(2)));
        });
        assert_eq!((&queue).into_iter().collect::<Vec<_>>(), [1]);
    });
}

#[test]
fn consumers_waiting_when_items_then_close_arrive_get_every_item_once() {
    within("consumers drain then stop", || {
        let queue = ClosableQueue::new(2).unwrap();
        let got = thread::scope(|s| {
            let consumers: Vec<_> = (0..3)
                .map(|_| s.spawn(|| (&queue).into_iter().collect::<Vec<_>>()))
                .collect();
            let producers: Vec<_> = (0..4)
                .map(|p| {
                    let queue = &queue;
                    s.spawn(move || (0..250).for_each(|i| queue.put(p * 250 + i).unwrap()))
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
        assert!(exactly(got, 1000));
        assert_eq!(queue.unfinished(), 0);
    });
}

#[test]
fn leaving_the_loop_early_marks_only_the_taken_item_done() {
    let queue = ClosableQueue::unbounded();
    for i in 0..3 {
        queue.put(i).unwrap();
    }
    for item in &queue {
        assert_eq!(item, 0);
        if item == 0 {
            break; // with items 1 and 2 still queued
        }
    }
    assert_eq!((queue.len(), queue.unfinished()), (2, 2));
}

#[test]
fn a_panicking_loop_body_still_marks_its_item_done() {
    within("join after a panicking consumer", || {
        let queue = ClosableQueue::unbounded();
        queue.put(1).unwrap();
        queue.close();
        let result = thread::scope(|s| {
            s.spawn(|| {
                for item in &queue {
                    if item == 1 {
                        panic!("resizing photo {item} failed");
                    }
                }
            })
            .join()
        });
        assert!(result.is_err());
        queue.join(); // does not wait forever for the failed item
        assert_eq!(queue.unfinished(), 0);
    });
}

// --- PriorityQueue --------------------------------------------------------

#[test]
fn the_cookbook_order_is_a_b_c_d() {
    let queue = PriorityQueue::new();
    for (item, priority) in [("C", 5), ("A", 15), ("B", 10), ("D", 0)] {
        queue.put(item, priority);
    }
    assert_eq!(
        [queue.get(), queue.get(), queue.get(), queue.get()],
        ["A", "B", "C", "D"]
    );
    assert!(queue.is_empty());
}

#[test]
fn equal_priorities_come_out_in_the_order_they_were_put() {
    let queue = PriorityQueue::new();
    for i in 0..500 {
        queue.put(i, 7);
    }
    queue.put(-1, -3);
    queue.put(1000, 8);
    let got: Vec<i32> = (0..502).map(|_| queue.get()).collect();
    let expected: Vec<i32> = std::iter::once(1000).chain(0..500).chain([-1]).collect();
    assert_eq!(got, expected);
}

#[test]
fn priority_get_blocks_until_a_put() {
    within("priority get", || {
        let queue = PriorityQueue::new();
        thread::scope(|s| {
            let consumer = s.spawn(|| queue.get());
            thread::sleep(PAUSE);
            assert!(!consumer.is_finished());
            queue.put('x', 0);
            assert_eq!(consumer.join().unwrap(), 'x');
        });
    });
}

#[test]
fn many_producers_highest_first_and_each_producer_fifo_within_a_priority() {
    within("priority many producers", || {
        let queue = PriorityQueue::new();
        thread::scope(|s| {
            for p in 0..4 {
                let queue = &queue;
                s.spawn(move || {
                    for i in 0..100 {
                        queue.put((p, i), i % 3);
                    }
                });
            }
        });
        let got: Vec<((i32, i32), i32)> = (0..400)
            .map(|_| queue.get())
            .map(|(p, i)| ((p, i), i % 3))
            .collect();
        assert!(
            got.windows(2).all(|w| w[0].1 >= w[1].1),
            "priorities not descending"
        );
        for p in 0..4 {
            for priority in 0..3 {
                let mine: Vec<i32> = got
                    .iter()
                    .filter(|((q, _), pr)| *q == p && *pr == priority)
                    .map(|((_, i), _)| *i)
                    .collect();
                assert!(
                    mine.windows(2).all(|w| w[0] < w[1]),
                    "ties out of order: {mine:?}"
                );
            }
        }
        let distinct: BTreeSet<_> = got.iter().map(|g| g.0).collect();
        assert_eq!(distinct.len(), 400);
    });
}
