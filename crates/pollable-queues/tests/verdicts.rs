//! Every verdict the lesson prints can come out the other way: each test
//! here runs a broken variant (a flag that is never raised, one that is
//! never lowered, the wrong end of the socket pair, a stack for a queue, a
//! producer that drops items) and checks that the lesson's own check, from
//! `src/verdict.rs`, gives the answer the snapshot does not show.

use std::collections::VecDeque;
use std::fs::OpenOptions;
use std::io::{Read, Write};
use std::os::fd::{AsFd, BorrowedFd};
use std::os::unix::net::UnixStream;
use std::sync::Mutex;
use std::thread;
use std::time::Duration;

use pollable_queues::flag::{Flag, SocketFlag};
use pollable_queues::verdict::{
    blocks_before, bytes_until_blocked, drained_in_order, each_exactly_once, readable,
    slept_through_an_item, yes_no,
};
use pollable_queues::{PollableQueue, ready};

/// How a [`BrokenFlag`] is broken.
#[derive(Debug, Clone, Copy)]
enum Fault {
    /// It holds its byte from the start, before anything was put.
    StartsRaised,
    /// `raise` writes nothing: a lost wake-up.
    NeverRaised,
    /// `lower` reads nothing: the descriptor stays readable when empty.
    NeverLowered,
    /// It hands out the writing end of the pair, which no one writes to.
    WrongEnd,
}

/// A socket-pair flag, like [`SocketFlag`], with one fault built in.
#[derive(Debug)]
struct BrokenFlag {
    reader: UnixStream,
    writer: UnixStream,
    fault: Fault,
}

impl BrokenFlag {
    fn new(fault: Fault) -> BrokenFlag {
        let (reader, writer) = UnixStream::pair().expect("a socket pair can be made");
        reader.set_nonblocking(true).expect("fcntl works");
        writer.set_nonblocking(true).expect("fcntl works");
        let flag = BrokenFlag {
            reader,
            writer,
            fault,
        };
        if let Fault::StartsRaised = fault {
            (&flag.writer).write_all(&[1]).expect("one byte fits");
        }
        flag
    }

    fn queue<T>(fault: Fault) -> PollableQueue<T, BrokenFlag> {
        PollableQueue::with_flag(BrokenFlag::new(fault))
    }
}

impl Flag for BrokenFlag {
    fn raise(&self) {
        if !matches!(self.fault, Fault::NeverRaised) {
            (&self.writer).write_all(&[1]).expect("a few bytes fit");
        }
    }

    fn lower(&self) {
        if !matches!(self.fault, Fault::NeverLowered | Fault::NeverRaised) {
            (&self.reader)
                .read_exact(&mut [0])
                .expect("the byte is there");
        }
    }
}

impl AsFd for BrokenFlag {
    fn as_fd(&self) -> BorrowedFd<'_> {
        match self.fault {
            Fault::WrongEnd => self.writer.as_fd(),
            _ => self.reader.as_fd(),
        }
    }
}

fn answer(fd: BorrowedFd<'_>) -> &'static str {
    yes_no(readable(fd).expect("poll on a live descriptor succeeds"))
}

// Section 1, `empty: readable: no`.
#[test]
fn verdict_empty_queue_is_not_readable_can_fail() {
    let queue: PollableQueue<&str, _> = BrokenFlag::queue(Fault::StartsRaised);
    assert!(queue.is_empty());
    assert_eq!(answer(queue.as_fd()), "yes");
    // The real queue, for contrast.
    let good: PollableQueue<&str> = PollableQueue::new().expect("a socket pair can be made");
    assert_eq!(answer(good.as_fd()), "no");
}

// Section 1, `after put a, put b: readable: yes`.
#[test]
fn verdict_readable_after_two_puts_can_fail() {
    let queue = BrokenFlag::queue(Fault::NeverRaised);
    queue.put("a");
    queue.put("b");
    assert_eq!(queue.len(), 2);
    assert_eq!(answer(queue.as_fd()), "no");
}

/// A queue with the flag lowered on every `get`, not only on the last: the
/// item left behind waits with no one told.
struct LowersOnEveryGet {
    items: Mutex<VecDeque<&'static str>>,
    flag: SocketFlag,
    raised: Mutex<bool>,
}

impl LowersOnEveryGet {
    fn put(&self, item: &'static str) {
        let mut raised = self.raised.lock().expect("not poisoned");
        self.items.lock().expect("not poisoned").push_back(item);
        if !*raised {
            self.flag.raise();
            *raised = true;
        }
    }

    fn try_get(&self) -> Option<&'static str> {
        let mut raised = self.raised.lock().expect("not poisoned");
        let item = self.items.lock().expect("not poisoned").pop_front();
        if *raised {
            self.flag.lower();
            *raised = false;
        }
        item
    }
}

// Section 1, `after one get: readable: yes`.
#[test]
fn verdict_readable_after_one_get_can_fail() {
    let queue = LowersOnEveryGet {
        items: Mutex::new(VecDeque::new()),
        flag: SocketFlag::new().expect("a socket pair can be made"),
        raised: Mutex::new(false),
    };
    queue.put("a");
    queue.put("b");
    assert_eq!(answer(queue.flag.as_fd()), "yes");
    assert_eq!(queue.try_get(), Some("a"));
    assert_eq!(queue.items.lock().expect("not poisoned").len(), 1);
    assert_eq!(answer(queue.flag.as_fd()), "no");
}

// Section 1, `after two gets: readable: no`.
#[test]
fn verdict_not_readable_after_two_gets_can_fail() {
    let queue = BrokenFlag::queue(Fault::NeverLowered);
    queue.put("a");
    queue.put("b");
    assert_eq!(queue.try_get(), Some("a"));
    assert_eq!(queue.try_get(), Some("b"));
    assert!(queue.is_empty());
    assert_eq!(answer(queue.as_fd()), "yes");
}

// Section 3, `put would block after ~[n] items: long before a million: yes`.
#[test]
fn verdict_one_byte_per_item_blocks_can_fail() {
    // /dev/null takes every byte: a sink that never fills never blocks.
    let sink = OpenOptions::new()
        .write(true)
        .open("/dev/null")
        .expect("/dev/null exists");
    let limit = 20_000;
    let fitted = bytes_until_blocked(&sink, limit).expect("/dev/null takes writes");
    assert_eq!(fitted, limit);
    assert_eq!(yes_no(blocks_before(fitted, limit)), "no");
    // A socket pair nobody reads fills up long before.
    let (_reader, writer) = UnixStream::pair().expect("a socket pair can be made");
    writer.set_nonblocking(true).expect("fcntl works");
    let fitted = bytes_until_blocked(&writer, 1_000_000).expect("the socket takes writes");
    assert_eq!(yes_no(blocks_before(fitted, 1_000_000)), "yes");
}

// Section 3, `one byte per state change: 1000000 items queued, readable: yes`.
#[test]
fn verdict_readable_with_many_queued_can_fail() {
    let queue = BrokenFlag::queue(Fault::WrongEnd);
    for n in 0..100_000 {
        queue.put(n);
    }
    assert_eq!(queue.len(), 100_000);
    assert_eq!(answer(queue.as_fd()), "no");
}

// Section 3, `drained in order: yes; ...`.
#[test]
fn verdict_drained_in_order_can_fail() {
    // A stack hands back the newest first.
    let mut stack: Vec<usize> = (0..1000).collect();
    assert_eq!(yes_no(drained_in_order(|| stack.pop(), 0..1000)), "no");
    // One item left over is not "drained" either.
    let queue = PollableQueue::new().expect("a socket pair can be made");
    (0..1001).for_each(|n| queue.put(n));
    assert_eq!(yes_no(drained_in_order(|| queue.try_get(), 0..1000)), "no");
}

// Section 3, `...; readable after: no`.
#[test]
fn verdict_not_readable_after_draining_can_fail() {
    let queue = BrokenFlag::queue(Fault::NeverLowered);
    for n in 0..100_000 {
        queue.put(n);
    }
    assert!(drained_in_order(|| queue.try_get(), 0..100_000));
    assert_eq!(answer(queue.as_fd()), "yes");
}

// Section 4, `4 producers x 25000 items: each arrived exactly once: yes`.
#[test]
fn verdict_each_arrived_exactly_once_can_fail() {
    const PRODUCERS: u32 = 4;
    const EACH: u32 = 1000;
    const ROOM: usize = 100;
    // Producers that shed load: an item that finds the queue full is
    // dropped. The consumer starts only once they are done, so the queue
    // certainly filled up.
    let queue = PollableQueue::new().expect("a socket pair can be made");
    thread::scope(|s| {
        for producer in 0..PRODUCERS {
            let queue = &queue;
            s.spawn(move || {
                for n in 0..EACH {
                    if queue.len() < ROOM {
                        queue.put(producer * EACH + n);
                    }
                }
            });
        }
    });
    let mut got = Vec::new();
    while !ready(&[queue.as_fd()], Some(Duration::ZERO))
        .expect("poll works")
        .is_empty()
    {
        got.extend(queue.try_get());
    }
    // Each producer may pass the check just before another fills the room.
    assert!(got.len() <= ROOM + PRODUCERS as usize);
    assert_eq!(yes_no(each_exactly_once(&mut got, PRODUCERS * EACH)), "no");
    // Duplicates fail it too, even with the right count.
    let mut twice: Vec<u32> = (0..10).map(|n| n / 2).collect();
    assert_eq!(yes_no(each_exactly_once(&mut twice, 10)), "no");
}

// Section 4, `polls that slept through a waiting item: 0`.
#[test]
fn verdict_no_poll_slept_through_an_item_can_fail() {
    let queue = BrokenFlag::queue(Fault::NeverRaised);
    queue.put(1);
    let waiting = !queue.is_empty();
    let woke = !ready(&[queue.as_fd()], Some(Duration::from_millis(10)))
        .expect("poll works")
        .is_empty();
    assert!(slept_through_an_item(waiting, woke));
}
