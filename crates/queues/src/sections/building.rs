//! The fix, built a step at a time. Each section shows what
//! one step adds to the queue before it (the queues themselves are in
//! `src/blocking.rs`, `bounded.rs`, `joinable.rs` and `closable.rs`): a `get`
//! that sleeps, a `put` that waits for room, `task_done` and `join`, and
//! `close`.

use std::sync::Mutex;
use std::thread;

use queues::pipeline::{Photo, download, resize};
use queues::verdict;
use queues::{BlockingQueue, BoundedQueue, ClosableQueue, JoinableQueue};

use super::{BACKLOG_PHOTOS, CAPACITY, PAUSE, RESIZE_TIME};

// ANCHOR: blocking_get
pub fn a_blocking_get_sleeps_until_an_item_arrives() {
    println!("\n== 4. A blocking queue: get sleeps until an item arrives ==");
    let queue = BlockingQueue::new();
    thread::scope(|s| {
        let consumer = s.spawn(|| queue.get());
        thread::sleep(PAUSE);
        // The queue is empty, so `get` cannot have returned, however the
        // threads were scheduled: it is asleep, or about to be.
        println!(
            "the consumer called get on an empty queue; after {PAUSE:?} it had not returned: {}",
            verdict::had_not_returned(consumer.is_finished())
        );
        queue.put(download(7));
        let photo = consumer.join().expect("get does not panic");
        println!(
            "main put photo 7; the consumer's get returned photo {}",
            photo.id
        );
    });
}
// ANCHOR_END: blocking_get

// ANCHOR: capacity_one
pub fn with_capacity_one_put_waits_for_get() {
    println!("\n== 5. A bounded queue: with capacity 1, put waits for get ==");
    match BoundedQueue::<Photo>::new(0) {
        Ok(_) => println!("BoundedQueue::new(0) was accepted"),
        Err(err) => println!("BoundedQueue::new(0) is refused: {err}"),
    }
    let queue = BoundedQueue::<Photo>::new(1).expect("1 is a valid capacity");
    // Each side notes the number the queue gave each of its operations.
    let (puts, gets) = thread::scope(|s| {
        let consumer = s.spawn(|| {
            thread::sleep(PAUSE); // let the producer fill the queue first
            (0..3)
                .map(|_| {
                    let (photo, number) = queue.get_numbered();
                    (number, format!("consumer got photo {}", photo.id))
                })
                .collect::<Vec<_>>()
        });
        let puts: Vec<_> = (1..=3)
            .map(|id| {
                let number = queue.put_numbered(download(id));
                (number, format!("producer put photo {id}"))
            })
            .collect();
        (puts, consumer.join().expect("the consumer does not panic"))
    });
    let mut history: Vec<(u64, String)> = puts.into_iter().chain(gets).collect();
    history.sort();
    println!("the queue's own record, in the order it performed the operations:");
    for (number, what) in &history {
        println!("  {number}. {what}");
    }
    println!(
        "each put after the first waited for a get: {}",
        verdict::each_put_waited_for_a_get(&history)
    );
}
// ANCHOR_END: capacity_one

// ANCHOR: backpressure
pub fn a_bounded_queue_keeps_the_backlog_short() {
    println!("\n== 6. Backpressure: a bounded queue keeps the backlog short ==");
    let slow_consumer = |get: &(dyn Fn() -> Photo + Sync)| {
        for _ in 0..BACKLOG_PHOTOS {
            resize(get());
            thread::sleep(RESIZE_TIME);
        }
    };
    let unbounded = BlockingQueue::new();
    let unbounded_peak = thread::scope(|s| {
        s.spawn(|| slow_consumer(&|| unbounded.get()));
        (0..BACKLOG_PHOTOS)
            .map(|id| {
                unbounded.put(download(id));
                unbounded.len()
            })
            .max()
            .unwrap_or(0)
    });
    let bounded = BoundedQueue::new(CAPACITY).expect("4 is a valid capacity");
    let bounded_peak = thread::scope(|s| {
        s.spawn(|| slow_consumer(&|| bounded.get()));
        (0..BACKLOG_PHOTOS)
            .map(|id| {
                bounded.put(download(id)); // waits while 4 are queued
                bounded.len()
            })
            .max()
            .unwrap_or(0)
    });
    println!("a fast camera and a slow resizer, {BACKLOG_PHOTOS} photos, photos waiting at once:");
    println!(
        "  unbounded queue:  up to ~{unbounded_peak}: more than {CAPACITY}: {}",
        verdict::piled_up(unbounded_peak, CAPACITY)
    );
    println!(
        "  bounded({CAPACITY}) queue: up to ~{bounded_peak}: never more than {CAPACITY}: {}",
        verdict::stayed_within(bounded_peak, CAPACITY)
    );
}
// ANCHOR_END: backpressure

// ANCHOR: task_done
pub fn join_waits_until_every_item_is_done() {
    println!("\n== 7. Wait until every item is processed: task_done and join ==");
    let queue = JoinableQueue::<Photo>::unbounded();
    // Each thread notes what it did just before (or just after) the queue
    // operation that orders it after the line before: the log's order is
    // fixed by the queue, not by the scheduler.
    let log = Mutex::new(Vec::new());
    let note = |line: &str| {
        log.lock()
            .expect("no thread panics holding the log")
            .push(line.to_owned())
    };
    thread::scope(|s| {
        s.spawn(|| {
            let photo = queue.get();
            note(&format!("consumer: got photo {}, resizing it", photo.id));
            thread::sleep(PAUSE);
            note("consumer: done, task_done()");
            queue.task_done().expect("one task_done for one get");
        });
        note("producer: put photo 1");
        queue.put(download(1));
        queue.join();
        note("producer: join() returned");
    });
    let log = log
        .into_inner()
        .expect("no thread panicked holding the log");
    for line in &log {
        println!("{line}");
    }
    println!(
        "join returned only after task_done: {}; unfinished items now: {}",
        verdict::join_returned_after_task_done(&log),
        queue.unfinished()
    );
}
// ANCHOR_END: task_done

// ANCHOR: close
pub fn close_ends_every_consumers_loop() {
    println!("\n== 8. A closable queue: close() ends every consumer's loop ==");
    // On one thread: what a close does to items already queued, and to a
    // put that comes after it.
    let queue = ClosableQueue::unbounded();
    for id in 1..=3 {
        queue.put(id).expect("the queue is open");
    }
    queue.close();
    let late = queue.put(4);
    let delivered: Vec<u32> = (&queue).into_iter().collect();
    println!(
        "put 1, 2, 3; close; `for id in &queue` gave {delivered:?} and ended: queued items still delivered: {}",
        verdict::queued_items_delivered(&delivered, &[1, 2, 3])
    );
    println!(
        "put(4) after close returned {late:?}: the item came back, not lost: {}",
        verdict::item_came_back(&late, &4)
    );

    // Three consumers asleep in `get` on an empty queue.
    let queue = ClosableQueue::<u32>::unbounded();
    let received = thread::scope(|s| {
        let consumers: Vec<_> = (0..3)
            .map(|_| s.spawn(|| (&queue).into_iter().collect::<Vec<u32>>()))
            .collect();
        thread::sleep(PAUSE);
        let waiting = consumers.iter().filter(|c| !c.is_finished()).count();
        println!("three consumers on an empty queue; after {PAUSE:?}, still waiting: {waiting}");
        for id in 1..=6 {
            queue.put(id).expect("the queue is open");
        }
        queue.close();
        consumers
            .into_iter()
            .map(|c| c.join().expect("a consumer does not panic"))
            .collect::<Vec<_>>()
    });
    let mut all: Vec<u32> = received.concat();
    all.sort_unstable();
    let each_once = verdict::each_once(&received, 1..=6);
    println!(
        "main put 1..=6 and closed the queue; the loops of all {} consumers ended, and main joined them",
        received.len()
    );
    println!(
        "between them they got {all:?}: each item once: {}; unfinished: {}",
        each_once,
        queue.unfinished()
    );
}
// ANCHOR_END: close
