//! The `pollable-queues` lesson: waiting on several queues at once (Python
//! Cookbook 12.13). The chapter is `book/src/pollable-queues.md`.
//!
//! Run it with `cargo run -p pollable-queues`; `main` runs one function per
//! section, in order. Producers run on their own threads; the consumer
//! collects what it gets and prints it after joining them, grouped by
//! source, so the output is the same on every run.

use std::collections::BTreeMap;
use std::io::{self, ErrorKind, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::fd::{AsFd, BorrowedFd};
use std::os::unix::net::UnixStream;
use std::thread;
use std::time::{Duration, Instant};

use crossbeam::channel;
use crossbeam::select;
use kit::Verdict;
use pollable_queues::verdict;
use pollable_queues::{PollableQueue, bytes_until_blocked, ready, slept_through_an_item};

fn main() -> io::Result<()> {
    if std::env::args().len() > 1 {
        eprintln!(
            "usage: pollable-queues\n(the lesson takes no arguments: run `cargo run -p pollable-queues`)"
        );
        std::process::exit(2);
    }
    readable_exactly_while_items_wait()?;
    one_poll_waits_on_queues_and_a_socket()?;
    put_never_blocks()?;
    racing_producers_lose_no_wake_up()?;
    channels_only_use_select();
    Ok(())
}

// ANCHOR: readable_while_items_wait
/// The queue's descriptor is readable exactly while items wait.
fn readable_exactly_while_items_wait() -> io::Result<()> {
    println!("== 1. Readable exactly while items wait ==");
    let queue = PollableQueue::new()?;
    println!(
        "empty:              readable: {}",
        readable_now(queue.as_fd())?
    );
    queue.put("a");
    queue.put("b");
    println!(
        "after put a, put b: readable: {}",
        readable_now(queue.as_fd())?
    );
    queue.try_get();
    println!(
        "after one get:      readable: {}",
        readable_now(queue.as_fd())?
    );
    queue.try_get();
    println!(
        "after two gets:     readable: {}",
        readable_now(queue.as_fd())?
    );
    Ok(())
}

/// Whether `fd` is readable right now: one `poll()` that does not wait,
/// judged by `verdict::readable`.
fn readable_now(fd: BorrowedFd<'_>) -> io::Result<Verdict> {
    ready(&[fd], Some(Duration::ZERO)).map(|polled| verdict::readable(&polled))
}
// ANCHOR_END: readable_while_items_wait

// ANCHOR: one_poll
/// One consumer, one `poll()`: three queues of two types, and a socket.
fn one_poll_waits_on_queues_and_a_socket() -> io::Result<()> {
    println!("\n== 2. One poll waits on queues and a socket ==");
    let q1 = PollableQueue::new()?;
    let q2 = PollableQueue::new()?;
    let q3 = PollableQueue::new()?;
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let address = listener.local_addr()?;

    let pictured = trace::region("one poll"); // what the chapter's picture shows
    let start = Instant::now();
    let got = thread::scope(|s| -> io::Result<BTreeMap<&str, Vec<String>>> {
        // The cookbook's puts, in its order, each from a thread of its own
        // and APART after the one before, so the consumer waits for each.
        s.spawn(|| {
            wait_to_put("producer q1", "q1", 1, start + APART);
            q1.put(1);
        });
        s.spawn(|| {
            wait_to_put("producer q2", "q2", 1, start + 2 * APART);
            q2.put(10);
            wait_to_put("producer q2", "q2", 2, start + 4 * APART);
            q2.put(15);
        });
        s.spawn(|| {
            wait_to_put("producer q3", "q3", 1, start + 3 * APART);
            q3.put("hello".to_owned());
        });
        let client = s.spawn(move || -> io::Result<()> {
            let mut stream = TcpStream::connect(address)?;
            wait_to_put("client", "socket", 1, start + 5 * APART);
            stream.write_all(b"ping")
        });
        let (mut socket, _) = listener.accept()?;

        let mut got: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        let mut from_socket = Vec::new();
        let mut socket_open = true;
        let queued_items =
            |got: &BTreeMap<&str, Vec<String>>| got.values().map(Vec::len).sum::<usize>();
        while queued_items(&got) < 4 || socket_open {
            let mut fds = vec![q1.as_fd(), q2.as_fd(), q3.as_fd()];
            // At the end of its stream a socket stays readable for ever:
            // still watching it would turn this wait into a busy loop.
            if socket_open {
                fds.push(socket.as_fd());
            }
            let polling = trace::waiting(trace::Wait::Io, "poll"); // for the picture
            let readable = ready(&fds, Some(Duration::from_secs(5)))?;
            polling.end();
            if readable.is_empty() {
                // The producers are done within a fraction of a second, so
                // five quiet seconds mean a lost wake-up: report it rather
                // than wait for ever.
                return Err(io::Error::new(
                    ErrorKind::TimedOut,
                    "nothing became readable in 5 s",
                ));
            }
            for index in readable {
                match index {
                    0 => drain(&q1, "q1", &mut got),
                    1 => drain(&q2, "q2", &mut got),
                    2 => drain(&q3, "q3", &mut got),
                    _ => socket_open = read_some(&mut socket, &mut from_socket)?,
                }
            }
        }
        client
            .join()
            .map_err(|_| io::Error::other("the client thread panicked"))??;
        got.insert(
            "socket",
            vec![String::from_utf8_lossy(&from_socket).into_owned()],
        );
        Ok(got)
    })?;
    pictured.end();

    for (source, items) in &got {
        println!("{source}: got {}", items.join(", "));
    }
    Ok(())
}

/// How long each producer waits after the one before it puts.
const APART: Duration = Duration::from_millis(10);

/// Sleeps until `moment`; for the chapter's picture, names the calling
/// thread's lane `lane` and marks the put that follows, the `nth` into
/// `queue`, as a hand-off.
fn wait_to_put(lane: &'static str, queue: &'static str, nth: u64, moment: Instant) {
    trace::name_thread(lane);
    let asleep = trace::waiting(trace::Wait::Sleep, "its turn");
    thread::sleep(moment.saturating_duration_since(Instant::now()));
    asleep.end();
    trace::flow_out(queue, nth);
}

fn drain<T: ToString>(
    queue: &PollableQueue<T>,
    name: &'static str,
    got: &mut BTreeMap<&str, Vec<String>>,
) {
    while let Some(item) = queue.try_get() {
        let items = got.entry(name).or_default();
        items.push(item.to_string());
        trace::flow_in(name, items.len() as u64); // the nth item of `name`
    }
}

/// Reads what the socket has into `bytes`; returns whether it is still open.
fn read_some(socket: &mut TcpStream, bytes: &mut Vec<u8>) -> io::Result<bool> {
    let mut buffer = [0; 64];
    let n = socket.read(&mut buffer)?;
    if n > 0 && bytes.is_empty() {
        trace::flow_in("socket", 1); // the client's ping, in the picture
    }
    bytes.extend_from_slice(&buffer[..n]);
    Ok(n > 0)
}
// ANCHOR_END: one_poll

// ANCHOR: put_never_blocks
/// `put` never blocks: the flag is one byte, not one byte per item.
fn put_never_blocks() -> io::Result<()> {
    println!("\n== 3. Put never blocks ==");
    // The cookbook writes one byte per item into a socket. How many fit
    // before that write would block? (It depends on the OS: hence `~`.)
    const MILLION: usize = 1_000_000;
    let (_reader, writer) = UnixStream::pair()?;
    writer.set_nonblocking(true)?;
    let fitted = bytes_until_blocked(&writer, MILLION as u64)?;
    println!(
        "one byte per item: put would block after ~{fitted} items: long before a million: {}",
        verdict::blocks_before(fitted, MILLION as u64)
    );

    let queue = PollableQueue::new()?;
    for item in 0..MILLION {
        queue.put(item);
    }
    println!(
        "one byte per state change: {} items queued, readable: {}",
        queue.len(),
        readable_now(queue.as_fd())?
    );
    let in_order = verdict::drained_in_order(|| queue.try_get(), 0..MILLION);
    println!(
        "drained in order: {in_order}; readable after: {}",
        readable_now(queue.as_fd())?
    );
    Ok(())
}
// ANCHOR_END: put_never_blocks

// ANCHOR: racing_producers
/// Four producers race one consumer: no item lost, no wake-up lost.
fn racing_producers_lose_no_wake_up() -> io::Result<()> {
    println!("\n== 4. Racing producers lose no wake-up ==");
    const PRODUCERS: u32 = 4;
    const EACH: u32 = 25_000;
    let queue = PollableQueue::new()?;
    let (mut got, stalls) = thread::scope(|s| -> io::Result<(Vec<u32>, u32)> {
        for producer in 0..PRODUCERS {
            let queue = &queue;
            s.spawn(move || {
                for n in 0..EACH {
                    queue.put(producer * EACH + n);
                }
            });
        }
        let mut got = Vec::new();
        // A lost wake-up would show as a poll that times out while items
        // wait. Count those; the answer must be zero.
        let mut stalls = 0;
        while got.len() < (PRODUCERS * EACH) as usize {
            // Only this thread takes items, so items waiting now are still
            // waiting when poll() looks: it must then return at once.
            let waiting = !queue.is_empty();
            let woke = !ready(&[queue.as_fd()], Some(Duration::from_secs(1)))?.is_empty();
            if slept_through_an_item(waiting, woke) {
                stalls += 1;
            }
            while let Some(item) = queue.try_get() {
                got.push(item);
            }
        }
        Ok((got, stalls))
    })?;
    println!(
        "{PRODUCERS} producers x {EACH} items: each arrived exactly once: {}",
        verdict::each_exactly_once(&mut got, PRODUCERS * EACH)
    );
    println!("polls that slept through a waiting item: {stalls}");
    Ok(())
}
// ANCHOR_END: racing_producers

// ANCHOR: select
/// When everything is a channel, crossbeam's `select!` needs no descriptors.
fn channels_only_use_select() {
    println!("\n== 5. Channels only: select! ==");
    let (tx1, rx1) = channel::unbounded();
    let (tx2, rx2) = channel::unbounded();
    let (tx3, rx3) = channel::unbounded::<String>();
    let got = thread::scope(|s| {
        s.spawn(move || tx1.send(1));
        s.spawn(move || {
            tx2.send(10)?;
            tx2.send(15)
        });
        s.spawn(move || tx3.send("hello".to_owned()));

        let mut got: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        let (mut rx1, mut rx2, mut rx3) = (rx1, rx2, rx3);
        let mut open = 3;
        // A channel is closed once every sender is dropped; `recv` then
        // fails at once, so its place is taken by `never()`, which never
        // becomes ready.
        while open > 0 {
            select! {
                recv(rx1) -> msg => match msg {
                    Ok(n) => got.entry("q1").or_default().push(n.to_string()),
                    Err(_) => (rx1, open) = (channel::never(), open - 1),
                },
                recv(rx2) -> msg => match msg {
                    Ok(n) => got.entry("q2").or_default().push(n.to_string()),
                    Err(_) => (rx2, open) = (channel::never(), open - 1),
                },
                recv(rx3) -> msg => match msg {
                    Ok(text) => got.entry("q3").or_default().push(text),
                    Err(_) => (rx3, open) = (channel::never(), open - 1),
                },
            }
        }
        got
    });
    for (source, items) in &got {
        println!("{source}: got {}", items.join(", "));
    }
}
// ANCHOR_END: select
