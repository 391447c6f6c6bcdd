//! `pollable-queues-poll` under stress: many rounds, three feeders racing
//! each other and the consumer; every item and byte arrives exactly once,
//! each source in its order.

use std::io::Write;
use std::os::unix::net::UnixStream;
use std::thread;
use std::time::Duration;

use pollable_queues_exercises::given::ByteQueue;
use pollable_queues_exercises::poll_many::gather;

#[test]
fn many_rounds_every_item_exactly_once() {
    for round in 0..300u32 {
        let count = 1 + (round * 7 % 40);
        let numbers: ByteQueue<u32> = ByteQueue::new().expect("a socket pair");
        let words: ByteQueue<String> = ByteQueue::new().expect("a socket pair");
        let (mut mine, mut theirs) = UnixStream::pair().expect("a socket pair");
        let got = thread::scope(|s| {
            s.spawn(|| (0..count).for_each(|n| numbers.put(n)));
            s.spawn(|| (0..count).for_each(|n| words.put(format!("w{n}"))));
            s.spawn(move || {
                for n in 0..count {
                    theirs
                        .write_all(&[n as u8])
                        .expect("the consumer's end is open");
                }
            });
            gather(
                &numbers,
                &words,
                &mut mine,
                2 * count as usize,
                Duration::from_secs(5),
            )
        })
        .unwrap_or_else(|err| panic!("round {round}: gather failed: {err} (items missing?)"));
        assert_eq!(got.numbers, (0..count).collect::<Vec<_>>(), "round {round}");
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
