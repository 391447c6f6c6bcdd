//! The answer to `pollable-queues-select`: the same over channels, with `select!`.
//! (The exercise and its task: crates/pollable-queues/exercises/src/select_many.rs.)

use crossbeam::channel::{self, Receiver};
use crossbeam::select;

use crate::Gathered;

/// Gathers everything sent on the three channels, blocking in one `select!`
/// while none has a message, and returns once every one of them is
/// disconnected (all its senders dropped) and drained.
pub fn gather(
    numbers: Receiver<u32>,
    words: Receiver<String>,
    bytes: Receiver<Vec<u8>>,
) -> Gathered {
    let mut got = Gathered::default();
    let (mut numbers, mut words, mut bytes) = (numbers, words, bytes);
    let mut open = 3;
    while open > 0 {
        // A disconnected channel is always ready (with an error): its arm
        // must go, or select! would pick it again at once, for ever. Its
        // place is taken by `never()`, which is never ready.
        select! {
            recv(numbers) -> message => match message {
                Ok(n) => got.numbers.push(n),
                Err(_) => (numbers, open) = (channel::never(), open - 1),
            },
            recv(words) -> message => match message {
                Ok(word) => got.words.push(word),
                Err(_) => (words, open) = (channel::never(), open - 1),
            },
            recv(bytes) -> message => match message {
                Ok(chunk) => got.bytes.extend(chunk),
                Err(_) => (bytes, open) = (channel::never(), open - 1),
            },
        }
    }
    got
}
