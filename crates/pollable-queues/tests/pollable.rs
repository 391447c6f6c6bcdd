//! The pollable queue's promises, checked through real `poll()` calls.

use std::io::{Read, Write};
use std::os::fd::AsFd;
use std::os::unix::net::UnixStream;
use std::thread;
use std::time::Duration;

use pollable_queues::flag::Flag;
use pollable_queues::{PollableQueue, ready, slept_through_an_item};

fn readable<T>(queue: &PollableQueue<T>) -> bool {
    !ready(&[queue.as_fd()], Some(Duration::ZERO))
        .expect("poll on a live descriptor succeeds")
        .is_empty()
}

#[test]
fn readable_if_and_only_if_not_empty() {
    let queue = PollableQueue::new().unwrap();
    assert!(!readable(&queue));
    // Grow to three, shrink to zero, twice, checking after every step.
    for _ in 0..2 {
        for n in 0..3 {
            queue.put(n);
            assert!(readable(&queue));
        }
        for n in 0..3 {
            assert_eq!(queue.try_get(), Some(n));
            assert_eq!(readable(&queue), n < 2, "after taking item {n}");
        }
    }
    // A get from an empty queue changes nothing.
    assert_eq!(queue.try_get(), None);
    assert!(!readable(&queue));
}

#[test]
fn a_million_items_queue_without_blocking_then_drain() {
    let queue = PollableQueue::new().unwrap();
    for n in 0..1_000_000u32 {
        queue.put(n);
    }
    assert_eq!(queue.len(), 1_000_000);
    assert!(readable(&queue));
    for n in 0..1_000_000u32 {
        assert_eq!(queue.try_get(), Some(n));
    }
    assert!(queue.is_empty());
    assert!(!readable(&queue));
}

#[test]
fn many_producers_racing_one_consumer_deliver_every_item_once() {
    const PRODUCERS: u32 = 8;
    const EACH: u32 = 10_000;
    let queue = PollableQueue::new().unwrap();
    let mut got = thread::scope(|s| {
        for p in 0..PRODUCERS {
            let queue = &queue;
            s.spawn(move || (0..EACH).for_each(|n| queue.put(p * EACH + n)));
        }
        let mut got = Vec::new();
        while got.len() < (PRODUCERS * EACH) as usize {
            let waiting = !queue.is_empty();
            let woke = !ready(&[queue.as_fd()], Some(Duration::from_secs(5)))
                .unwrap()
                .is_empty();
            assert!(
                woke || !waiting,
                "poll slept while items were waiting: a lost wake-up"
            );
            while let Some(item) = queue.try_get() {
                got.push(item);
            }
        }
        got
    });
    got.sort_unstable();
    assert!(got.iter().copied().eq(0..PRODUCERS * EACH));
    assert!(!readable(&queue));
}

#[test]
fn two_consumers_racing_take_every_item_once() {
    const ITEMS: u32 = 20_000;
    // Put after the items, once per consumer; each consumer stops at the
    // first one it takes, so each takes exactly one. (A poll that times out
    // would not do as the end: a producer descheduled for that long would
    // end the test early.)
    const STOP: u32 = u32::MAX;
    let queue = PollableQueue::new().unwrap();
    let consumer = |queue: &PollableQueue<u32>| {
        let mut got = Vec::new();
        loop {
            // Both consumers may wake for the same item; the loser's
            // try_get returns None and it polls again. The limit is a hang
            // guard: the stop items always come.
            let woke = ready(&[queue.as_fd()], Some(Duration::from_secs(10))).unwrap();
            assert!(!woke.is_empty(), "poll slept for 10 s: a lost wake-up");
            while let Some(item) = queue.try_get() {
                if item == STOP {
                    return got;
                }
                got.push(item);
            }
        }
    };
    let (mut a, b) = thread::scope(|s| {
        let a = s.spawn(|| consumer(&queue));
        let b = s.spawn(|| consumer(&queue));
        (0..ITEMS).for_each(|n| queue.put(n));
        queue.put(STOP);
        queue.put(STOP);
        (a.join().unwrap(), b.join().unwrap())
    });
    assert!(queue.is_empty() && !readable(&queue));
    a.extend(b);
    a.sort_unstable();
    assert!(a.iter().copied().eq(0..ITEMS));
}

#[test]
fn one_poll_over_queues_and_a_socket_wakes_for_each() {
    let numbers = PollableQueue::new().unwrap();
    let words = PollableQueue::new().unwrap();
    let (mut near, mut far) = UnixStream::pair().unwrap();
    let poll_now = |numbers: &PollableQueue<u8>, words: &PollableQueue<&str>, near: &UnixStream| {
        ready(
            &[numbers.as_fd(), words.as_fd(), near.as_fd()],
            Some(Duration::ZERO),
        )
        .unwrap()
    };

    assert_eq!(poll_now(&numbers, &words, &near), [0usize; 0]);
    words.put("hello");
    assert_eq!(poll_now(&numbers, &words, &near), [1]);
    far.write_all(b"x").unwrap();
    assert_eq!(poll_now(&numbers, &words, &near), [1, 2]);
    numbers.put(1);
    assert_eq!(poll_now(&numbers, &words, &near), [0, 1, 2]);
    assert_eq!(words.try_get(), Some("hello"));
    near.read_exact(&mut [0]).unwrap();
    assert_eq!(poll_now(&numbers, &words, &near), [0]);
    assert_eq!(numbers.try_get(), Some(1));
    assert_eq!(poll_now(&numbers, &words, &near), [0usize; 0]);
}

#[test]
fn a_put_from_another_thread_wakes_a_waiting_poll() {
    let queue = PollableQueue::new().unwrap();
    thread::scope(|s| {
        s.spawn(|| {
            thread::sleep(Duration::from_millis(20));
            queue.put("late");
        });
        // Generous limit: only a lost wake-up could use it up.
        let ready = ready(&[queue.as_fd()], Some(Duration::from_secs(10))).unwrap();
        assert_eq!(ready, [0]);
        assert_eq!(queue.try_get(), Some("late"));
    });
}

#[test]
fn a_timeout_with_nothing_waiting_returns_no_descriptor() {
    let queue: PollableQueue<()> = PollableQueue::new().unwrap();
    let started = std::time::Instant::now();
    assert_eq!(
        ready(&[queue.as_fd()], Some(Duration::from_millis(30))).unwrap(),
        [0usize; 0]
    );
    assert!(started.elapsed() >= Duration::from_millis(30));
}

/// A flag that is never raised nor lowered: a socket nobody writes to.
#[derive(Debug)]
struct SilentFlag {
    reader: UnixStream,
    _writer: UnixStream,
}

impl Flag for SilentFlag {
    fn raise(&self) {}
    fn lower(&self) {}
}

impl std::os::fd::AsFd for SilentFlag {
    fn as_fd(&self) -> std::os::fd::BorrowedFd<'_> {
        self.reader.as_fd()
    }
}

/// What `racing_producers_lose_no_wake_up` counts as a stall, a poll that
/// times out while items wait, is what a lost wake-up looks like: with a
/// flag that is never raised, the poll after a put is one. With the real
/// flag it is not (the section prints 0 stalls).
#[test]
fn a_flag_never_raised_shows_as_a_stall() {
    let (reader, writer) = UnixStream::pair().unwrap();
    let silent = PollableQueue::with_flag(SilentFlag {
        reader,
        _writer: writer,
    });
    silent.put(1);
    let waiting = !silent.is_empty();
    let woke = !ready(&[silent.as_fd()], Some(Duration::from_millis(10)))
        .unwrap()
        .is_empty();
    assert!(slept_through_an_item(waiting, woke));

    let queue = PollableQueue::new().unwrap();
    queue.put(1);
    let waiting = !queue.is_empty();
    let woke = !ready(&[queue.as_fd()], Some(Duration::from_secs(10)))
        .unwrap()
        .is_empty();
    assert!(!slept_through_an_item(waiting, woke));
}
