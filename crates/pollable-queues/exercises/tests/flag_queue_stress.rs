//! `pollable-queues-flag-queue` under stress: four producers, two consumers
//! that sleep in `poll()` on the queue and on a "done" socket; every item
//! arrives exactly once and no poll waits in vain for long.

use std::io::Write;
use std::os::fd::AsFd;
use std::os::unix::net::UnixStream;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use pollable_queues_exercises::flag_queue::FlagQueue;

#[test]
fn four_producers_two_consumers_every_item_exactly_once() {
    const PRODUCERS: usize = 4;
    const EACH: usize = 25_000;
    const TOTAL: usize = PRODUCERS * EACH;
    let queue: FlagQueue<usize> = FlagQueue::new().expect("a socket pair");
    let (done_reader, done_writer) = UnixStream::pair().expect("a socket pair");
    let taken = AtomicUsize::new(0);
    let seen = Mutex::new(vec![0u8; TOTAL]);
    thread::scope(|s| {
        for p in 0..PRODUCERS {
            let queue = &queue;
            s.spawn(move || {
                for i in 0..EACH {
                    queue.put(p * EACH + i);
                }
            });
        }
        for _ in 0..2 {
            let (queue, taken, seen) = (&queue, &taken, &seen);
            let (done_reader, mut done_writer) = (&done_reader, &done_writer);
            s.spawn(move || {
                loop {
                    let mut fds = [
                        PollFd::new(queue.as_fd(), PollFlags::POLLIN),
                        PollFd::new(done_reader.as_fd(), PollFlags::POLLIN),
                    ];
                    let n = poll(&mut fds, PollTimeout::from(5_000u16)).expect("poll works");
                    assert!(
                        n > 0,
                        "poll() waited 5 s with {} items still to come and the queue never \
                         became readable: a lost wake-up",
                        TOTAL - taken.load(Ordering::SeqCst)
                    );
                    if fds[1]
                        .revents()
                        .is_some_and(|e| e.contains(PollFlags::POLLIN))
                    {
                        return; // the other consumer took the last item
                    }
                    while let Some(item) = queue.try_get() {
                        seen.lock().expect("not poisoned")[item] += 1;
                        if taken.fetch_add(1, Ordering::SeqCst) + 1 == TOTAL {
                            done_writer
                                .write_all(b"x")
                                .expect("the done socket is open");
                            return;
                        }
                    }
                }
            });
        }
    });
    let seen = seen.into_inner().expect("not poisoned");
    let wrong: Vec<usize> = (0..TOTAL).filter(|&i| seen[i] != 1).take(5).collect();
    assert!(
        wrong.is_empty(),
        "items not delivered exactly once (first few): {wrong:?}"
    );
    assert_eq!(queue.try_get(), None);
    let mut fds = [PollFd::new(queue.as_fd(), PollFlags::POLLIN)];
    assert_eq!(
        poll(&mut fds, PollTimeout::ZERO).expect("poll works"),
        0,
        "the queue is empty but readable"
    );
}
