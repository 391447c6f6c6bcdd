//! `pollable-queues-poll`: the behaviour, with exact expectations.

use std::io::{ErrorKind, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::net::UnixStream;
use std::thread;
use std::time::{Duration, Instant};

use pollable_queues_exercises::Gathered;
use pollable_queues_exercises::given::ByteQueue;
use pollable_queues_exercises::poll_many::gather;

const PATIENCE: Duration = Duration::from_secs(2);

fn queues() -> (ByteQueue<u32>, ByteQueue<String>) {
    (
        ByteQueue::new().expect("a socket pair"),
        ByteQueue::new().expect("a socket pair"),
    )
}

fn expected() -> Gathered {
    Gathered {
        numbers: vec![1, 2, 3],
        words: vec!["hello".to_owned(), "world".to_owned()],
        bytes: b"ping pong".to_vec(),
    }
}

/// Feeds the three sources in a known order, a pause before each, so that
/// the consumer is asleep in `poll()` each time; then closes the socket.
fn feed(numbers: &ByteQueue<u32>, words: &ByteQueue<String>, mut socket: impl Write) {
    let pause = || thread::sleep(Duration::from_millis(10));
    pause();
    numbers.put(1);
    pause();
    words.put("hello".to_owned());
    pause();
    socket
        .write_all(b"ping")
        .expect("the consumer's end is open");
    pause();
    numbers.put(2);
    pause();
    words.put("world".to_owned());
    pause();
    socket
        .write_all(b" pong")
        .expect("the consumer's end is open");
    pause();
    numbers.put(3);
    // `socket` drops here: the end of its stream.
}

fn gathered_or_explain(result: std::io::Result<Gathered>) -> Gathered {
    result.unwrap_or_else(|err| {
        panic!(
            "gather returned an error: {err}. Items missing? Every source must be in the \
             poll set (both queues and the socket, until it ends), and a readable queue \
             drained"
        )
    })
}

#[test]
fn every_item_arrives_exactly_once_from_each_source_in_order() {
    let (numbers, words) = queues();
    let (mut mine, theirs) = UnixStream::pair().expect("a socket pair");
    let got = thread::scope(|s| {
        s.spawn(|| feed(&numbers, &words, theirs));
        gather(&numbers, &words, &mut mine, 5, PATIENCE)
    });
    assert_eq!(gathered_or_explain(got), expected());
    assert_eq!(numbers.try_get(), None);
    assert_eq!(words.try_get(), None);
}

#[test]
fn items_already_waiting_are_taken_without_waiting_for_more() {
    let (numbers, words) = queues();
    let (mut mine, theirs) = UnixStream::pair().expect("a socket pair");
    feed(&numbers, &words, theirs);
    let got = gather(&numbers, &words, &mut mine, 5, PATIENCE);
    assert_eq!(gathered_or_explain(got), expected());
}

#[test]
fn a_tcp_socket_on_localhost_works_the_same() {
    let (numbers, words) = queues();
    let listener = TcpListener::bind("127.0.0.1:0").expect("a port on localhost");
    let address = listener
        .local_addr()
        .expect("a bound listener has an address");
    let got = thread::scope(|s| {
        s.spawn(|| {
            let client = TcpStream::connect(address).expect("the listener is there");
            feed(&numbers, &words, client);
        });
        let (mut server, _) = listener.accept().expect("the client connects");
        gather(&numbers, &words, &mut server, 5, PATIENCE)
    });
    assert_eq!(gathered_or_explain(got), expected());
}

#[test]
fn nothing_readable_for_its_patience_is_a_timed_out_error() {
    let (numbers, words) = queues();
    let (mut mine, _theirs) = UnixStream::pair().expect("a socket pair");
    // Long enough that a busy machine's delays (tens of milliseconds) are
    // far inside the bound: at least the patience, less than twice it.
    let patience = Duration::from_millis(300);
    let started = Instant::now();
    let err = gather(&numbers, &words, &mut mine, 1, patience)
        .expect_err("nothing was ever sent: gather must give up");
    let took = started.elapsed();
    assert_eq!(err.kind(), ErrorKind::TimedOut, "{err}");
    assert!(
        took >= patience,
        "gave up after {took:?}, before its patience ({patience:?}) ran out"
    );
    assert!(
        took < patience * 2,
        "gave up after {took:?}, too late: its patience was {patience:?} (twice that is late \
         however busy the machine: give poll() the patience itself as its timeout)"
    );
}
