//! Every verdict the lesson prints can come out the other way. For each
//! verdict function in `src/verdict.rs` there is one control here, named
//! `verdict_<function>_can_fail`, that runs a broken variant for real (a
//! flag that is never raised, one that is never lowered, the wrong end of
//! the socket pair, a stack for a queue, producers that drop items) and
//! feeds its evidence to the same function, asserting the answer the
//! snapshot does not show. `readable` is printed six times, "yes" and "no";
//! its control breaks the queue once for each line, so that every one of
//! them comes out the other way.

use std::collections::VecDeque;
use std::fs::OpenOptions;
use std::io::{Read, Write};
use std::os::fd::{AsFd, BorrowedFd};
use std::os::unix::net::UnixStream;
use std::sync::Mutex;
use std::thread;
use std::time::Duration;

use kit::Verdict;
use kit::Verdict::{No, Yes};
use pollable_queues::flag::{Flag, SocketFlag};
use pollable_queues::verdict;
use pollable_queues::{PollableQueue, bytes_until_blocked, ready};

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

/// `readable_now` of `main.rs`: one `poll()` that does not wait, judged by
/// the lesson's own verdict.
fn readable_now(fd: BorrowedFd<'_>) -> Verdict {
    let polled = ready(&[fd], Some(Duration::ZERO)).expect("poll on a live descriptor succeeds");
    verdict::readable(&polled)
}

/// What a section-one queue needs: put, take, and a descriptor to poll.
trait Steps {
    fn put(&self, item: &'static str);
    fn try_get(&self) -> Option<&'static str>;
    fn fd(&self) -> BorrowedFd<'_>;
}

impl<F: Flag + AsFd> Steps for PollableQueue<&'static str, F> {
    fn put(&self, item: &'static str) {
        PollableQueue::put(self, item);
    }

    fn try_get(&self) -> Option<&'static str> {
        PollableQueue::try_get(self)
    }

    fn fd(&self) -> BorrowedFd<'_> {
        self.as_fd()
    }
}

/// `readable_exactly_while_items_wait`, step for step, on `queue`: the
/// four answers it prints (empty; after put a, put b; after one get; after
/// two gets).
fn section_one(queue: &impl Steps) -> [Verdict; 4] {
    let empty = readable_now(queue.fd());
    queue.put("a");
    queue.put("b");
    let after_puts = readable_now(queue.fd());
    assert_eq!(queue.try_get(), Some("a"));
    let after_one_get = readable_now(queue.fd());
    assert_eq!(queue.try_get(), Some("b"));
    let after_two_gets = readable_now(queue.fd());
    [empty, after_puts, after_one_get, after_two_gets]
}

/// A queue with the flag lowered on every `get`, not only on the last: the
/// item left behind waits with no one told.
struct LowersOnEveryGet {
    items: Mutex<VecDeque<&'static str>>,
    flag: SocketFlag,
    raised: Mutex<bool>,
}

impl Steps for LowersOnEveryGet {
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

    fn fd(&self) -> BorrowedFd<'_> {
        self.flag.as_fd()
    }
}

/// Each of the six `readable` lines, from a queue broken so that this line
/// comes out the other way. Section one prints no, yes, yes, no; section
/// three yes (a million queued) and no (drained).
#[test]
fn verdict_readable_can_fail() {
    // The real queue gives the snapshot's answers, for contrast.
    let good = PollableQueue::new().expect("a socket pair can be made");
    assert_eq!(section_one(&good), [No, Yes, Yes, No]);

    // "empty: no" — a flag that holds its byte from the start.
    let [empty, ..] = section_one(&BrokenFlag::queue(Fault::StartsRaised));
    assert_eq!(empty, Yes);
    // "after put a, put b: yes" — a flag that is never raised.
    let [_, after_puts, ..] = section_one(&BrokenFlag::queue(Fault::NeverRaised));
    assert_eq!(after_puts, No);
    // "after one get: yes" — a queue that lowers its flag on every get.
    let every_get = LowersOnEveryGet {
        items: Mutex::new(VecDeque::new()),
        flag: SocketFlag::new().expect("a socket pair can be made"),
        raised: Mutex::new(false),
    };
    let [_, _, after_one_get, _] = section_one(&every_get);
    assert_eq!(after_one_get, No);
    // "after two gets: no" — a flag that is never lowered.
    let [.., after_two_gets] = section_one(&BrokenFlag::queue(Fault::NeverLowered));
    assert_eq!(after_two_gets, Yes);

    // "100000 items queued, readable: yes" (section three's million, made
    // smaller) — the queue hands out the end of the pair nobody writes to.
    let queue = BrokenFlag::queue(Fault::WrongEnd);
    for n in 0..100_000 {
        queue.put(n);
    }
    assert_eq!(queue.len(), 100_000);
    assert_eq!(readable_now(queue.as_fd()), No);
    // "readable after: no" — drained, with a flag that is never lowered.
    let queue = BrokenFlag::queue(Fault::NeverLowered);
    for n in 0..100_000 {
        queue.put(n);
    }
    assert_eq!(
        verdict::drained_in_order(|| queue.try_get(), 0..100_000),
        Yes
    );
    assert_eq!(readable_now(queue.as_fd()), Yes);
}

/// `put_never_blocks`' "long before a million: yes": a sink that never
/// fills, /dev/null, takes every byte, and a put one byte per item would
/// never block. (A socket pair nobody reads, the section's own writer,
/// fills up long before.)
#[test]
fn verdict_blocks_before_can_fail() {
    let sink = OpenOptions::new()
        .write(true)
        .open("/dev/null")
        .expect("/dev/null exists");
    let limit = 20_000;
    let fitted = bytes_until_blocked(&sink, limit).expect("/dev/null takes writes");
    assert_eq!(fitted, limit);
    assert_eq!(verdict::blocks_before(fitted, limit), No);

    let (_reader, writer) = UnixStream::pair().expect("a socket pair can be made");
    writer.set_nonblocking(true).expect("fcntl works");
    let fitted = bytes_until_blocked(&writer, 1_000_000).expect("the socket takes writes");
    assert_eq!(verdict::blocks_before(fitted, 1_000_000), Yes);
}

/// `put_never_blocks`' "drained in order: yes": a stack hands back the
/// newest first; and a queue with one item too many is not drained.
#[test]
fn verdict_drained_in_order_can_fail() {
    let mut stack: Vec<usize> = (0..1000).collect();
    assert_eq!(verdict::drained_in_order(|| stack.pop(), 0..1000), No);
    let queue = PollableQueue::new().expect("a socket pair can be made");
    (0..1001).for_each(|n| queue.put(n));
    assert_eq!(verdict::drained_in_order(|| queue.try_get(), 0..1000), No);
}

/// `racing_producers_lose_no_wake_up`'s "each arrived exactly once: yes",
/// with producers that shed load: an item that finds the queue full is
/// dropped. The consumer starts only once they are done, so the queue
/// certainly filled up.
#[test]
fn verdict_each_exactly_once_can_fail() {
    const PRODUCERS: u32 = 4;
    const EACH: u32 = 1000;
    const ROOM: usize = 100;
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
    while readable_now(queue.as_fd()).is_yes() {
        got.extend(queue.try_get());
    }
    // Each producer may pass the check just before another fills the room.
    assert!(got.len() <= ROOM + PRODUCERS as usize);
    assert_eq!(verdict::each_exactly_once(&mut got, PRODUCERS * EACH), No);
}
