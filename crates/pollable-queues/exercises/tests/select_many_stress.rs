//! `pollable-queues-select` under stress: many rounds, several senders per
//! channel dropping at different times; every message arrives exactly once.

use std::thread;

use crossbeam::channel;
use pollable_queues_exercises::select_many::gather;

#[test]
fn many_rounds_every_message_exactly_once() {
    for round in 0..250u32 {
        let count = 1 + round % 50;
        let (tx_numbers, numbers) = channel::unbounded();
        let (tx_words, words) = channel::unbounded();
        let (tx_bytes, bytes) = channel::bounded(1);
        let got = thread::scope(|s| {
            for part in 0..2 {
                let tx = tx_numbers.clone();
                s.spawn(move || {
                    for n in (part..count).step_by(2) {
                        tx.send(n).expect("gather is listening");
                    }
                });
            }
            drop(tx_numbers);
            s.spawn(move || {
                for n in 0..count {
                    tx_words.send(format!("w{n}")).expect("gather is listening");
                }
            });
            s.spawn(move || {
                for n in 0..count {
                    tx_bytes.send(vec![n as u8]).expect("gather is listening");
                }
            });
            gather(numbers, words, bytes)
        });
        let mut numbers = got.numbers.clone();
        numbers.sort_unstable();
        assert_eq!(numbers, (0..count).collect::<Vec<_>>(), "round {round}");
        assert_eq!(
            got.words,
            (0..count).map(|n| format!("w{n}")).collect::<Vec<_>>(),
            "round {round}"
        );
        assert_eq!(
            got.bytes,
            (0..count).map(|n| n as u8).collect::<Vec<_>>(),
            "round {round}"
        );
    }
}
