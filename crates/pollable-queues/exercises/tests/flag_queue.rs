//! `pollable-queues-flag-queue`: the behaviour, through real `poll()` calls.

use std::os::fd::{AsFd, BorrowedFd};
use std::thread;
use std::time::Duration;

use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use pollable_queues_exercises::flag_queue::FlagQueue;

/// Which of `fds` `poll()` reports readable, waiting at most `wait`.
fn readable(fds: &[BorrowedFd<'_>], wait: Duration) -> Vec<usize> {
    let mut poll_fds: Vec<PollFd<'_>> = fds
        .iter()
        .map(|fd| PollFd::new(*fd, PollFlags::POLLIN))
        .collect();
    let timeout = PollTimeout::try_from(wait).expect("a short wait");
    poll(&mut poll_fds, timeout).expect("poll works on sockets");
    poll_fds
        .iter()
        .enumerate()
        .filter(|(_, fd)| fd.revents().is_some_and(|e| e.contains(PollFlags::POLLIN)))
        .map(|(i, _)| i)
        .collect()
}

fn readable_now<T>(queue: &FlagQueue<T>) -> bool {
    readable(&[queue.as_fd()], Duration::ZERO) == [0]
}

#[test]
fn readable_exactly_while_items_wait() {
    let queue = FlagQueue::new().expect("a socket pair");
    assert!(
        !readable_now(&queue),
        "a new, empty queue must not be readable"
    );
    queue.put("a");
    assert!(
        readable_now(&queue),
        "after put(a): an item waits, so it must be readable"
    );
    queue.put("b");
    assert!(readable_now(&queue), "after put(b): two items wait");
    assert_eq!(queue.try_get(), Some("a"));
    assert!(readable_now(&queue), "after one get: b still waits");
    assert_eq!(queue.try_get(), Some("b"));
    assert!(
        !readable_now(&queue),
        "after the last get the queue is empty but its descriptor is still readable: \
         lower the flag when a get empties the queue"
    );
    assert_eq!(queue.try_get(), None);
    assert!(
        !readable_now(&queue),
        "a get from an empty queue must not raise the flag"
    );
    queue.put("c");
    assert!(
        readable_now(&queue),
        "after put(c) on the emptied queue: readable again"
    );
    assert_eq!(queue.len(), 1);
}

#[test]
fn items_come_out_in_the_order_they_went_in() {
    let queue = FlagQueue::new().expect("a socket pair");
    for n in 0..1_000 {
        queue.put(n);
    }
    let out: Vec<i32> = std::iter::from_fn(|| queue.try_get()).collect();
    assert_eq!(out, (0..1_000).collect::<Vec<_>>());
    assert!(!readable_now(&queue), "drained: not readable");
}

#[test]
fn one_poll_over_three_queues_of_two_types() {
    let q1: FlagQueue<u32> = FlagQueue::new().expect("a socket pair");
    let q2: FlagQueue<u32> = FlagQueue::new().expect("a socket pair");
    let q3: FlagQueue<String> = FlagQueue::new().expect("a socket pair");
    let all = || readable(&[q1.as_fd(), q2.as_fd(), q3.as_fd()], Duration::ZERO);
    assert_eq!(all(), [0usize; 0]);
    q2.put(10);
    assert_eq!(all(), [1]);
    q3.put("hello".to_owned());
    assert_eq!(all(), [1, 2]);
    q1.put(1);
    q2.put(15);
    assert_eq!(all(), [0, 1, 2]);
    assert_eq!(q2.try_get(), Some(10));
    assert_eq!(all(), [0, 1, 2]);
    assert_eq!(q2.try_get(), Some(15));
    assert_eq!(all(), [0, 2]);
    assert_eq!(q1.try_get(), Some(1));
    assert_eq!(q3.try_get().as_deref(), Some("hello"));
    assert_eq!(
        all(),
        [0usize; 0],
        "every queue is empty: nothing may be readable"
    );
}

#[test]
fn a_sleeping_poll_wakes_when_an_item_arrives() {
    let queue: FlagQueue<u32> = FlagQueue::new().expect("a socket pair");
    thread::scope(|s| {
        let waiter = s.spawn(|| readable(&[queue.as_fd()], Duration::from_secs(5)));
        thread::sleep(Duration::from_millis(50));
        queue.put(7);
        assert_eq!(
            waiter.join().expect("the waiter does not panic"),
            [0],
            "poll() waited 5 s and the queue never became readable: a lost wake-up"
        );
    });
    assert_eq!(queue.try_get(), Some(7));
}
