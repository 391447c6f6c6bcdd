//! `pollable-queues-select`: the behaviour, with exact expectations.

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use crossbeam::channel::{self, Receiver};
use pollable_queues_exercises::Gathered;
use pollable_queues_exercises::select_many::gather;

/// `gather` on a thread of its own, with a watchdog: a loop that never
/// ends fails the test instead of hanging it.
fn gather_or_explain(
    numbers: Receiver<u32>,
    words: Receiver<String>,
    bytes: Receiver<Vec<u8>>,
) -> Gathered {
    let (done, result) = mpsc::channel();
    thread::spawn(move || {
        let _ = done.send(gather(numbers, words, bytes));
    });
    result
        .recv_timeout(Duration::from_secs(3))
        .unwrap_or_else(|err| match err {
            mpsc::RecvTimeoutError::Timeout => panic!(
                "gather did not finish in 3 s after every sender was dropped: a \
                 disconnected channel is always ready with an error; replace it with \
                 channel::never() and count it closed"
            ),
            mpsc::RecvTimeoutError::Disconnected => panic!("gather panicked"),
        })
}

#[test]
fn every_message_arrives_exactly_once_from_each_channel_in_order() {
    let (tx_numbers, numbers) = channel::unbounded();
    let (tx_words, words) = channel::unbounded();
    let (tx_bytes, bytes) = channel::unbounded();
    // A send fails only if gather has already returned: the assertion
    // below then says what went missing.
    let feeders = thread::spawn(move || {
        let pause = || thread::sleep(Duration::from_millis(10));
        let _ = tx_numbers.send(1);
        pause();
        let _ = tx_words.send("hello".to_owned());
        pause();
        let _ = tx_numbers.send(2);
        drop(tx_numbers); // the first channel closes early...
        pause();
        let _ = tx_bytes.send(b"ping".to_vec());
        pause();
        let _ = tx_words.send("world".to_owned()); // ...the rest go on
        pause();
        let _ = tx_bytes.send(b" pong".to_vec());
    });
    let got = gather_or_explain(numbers, words, bytes);
    feeders.join().expect("the feeders do not panic");
    assert_eq!(
        got,
        Gathered {
            numbers: vec![1, 2],
            words: vec!["hello".to_owned(), "world".to_owned()],
            bytes: b"ping pong".to_vec(),
        },
        "items missing or out of order: gather must go on until every channel is closed, \
         not stop at the first"
    );
}

#[test]
fn messages_sent_before_the_senders_dropped_are_all_delivered() {
    let (tx_numbers, numbers) = channel::unbounded();
    let (tx_words, words) = channel::unbounded();
    let (tx_bytes, bytes) = channel::unbounded();
    for n in 0..100 {
        tx_numbers.send(n).expect("the receiver is here");
    }
    tx_words
        .send("only".to_owned())
        .expect("the receiver is here");
    drop((tx_numbers, tx_words, tx_bytes));
    let got = gather_or_explain(numbers, words, bytes);
    assert_eq!(
        got,
        Gathered {
            numbers: (0..100).collect(),
            words: vec!["only".to_owned()],
            bytes: Vec::new(),
        },
        "items missing: every message sent before a channel closed must be delivered"
    );
}

#[test]
fn channels_closed_from_the_start_end_it_at_once() {
    let (_, numbers) = channel::unbounded::<u32>();
    let (_, words) = channel::unbounded::<String>();
    let (_, bytes) = channel::unbounded::<Vec<u8>>();
    assert_eq!(
        gather_or_explain(numbers, words, bytes),
        Gathered::default()
    );
}
