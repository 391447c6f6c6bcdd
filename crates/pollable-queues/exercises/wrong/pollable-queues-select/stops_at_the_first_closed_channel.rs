//! expect: items missing
//! Returns as soon as one channel is closed: the others may still have
//! messages on the way, and those are lost. (Caught by the tests: the
//! numbers channel closes first, and "world" and " pong" never arrive.)

use crossbeam::channel::Receiver;
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
    loop {
        // A disconnected channel is always ready (with an error): its arm
        // must go, or select! would pick it again at once, for ever. Its
        // place is taken by `never()`, which is never ready.
        select! {
            recv(numbers) -> message => match message {
                Ok(n) => got.numbers.push(n),
                // The mistake: the first closed channel ends everything.
                Err(_) => break,
            },
            recv(words) -> message => match message {
                Ok(word) => got.words.push(word),
                Err(_) => break,
            },
            recv(bytes) -> message => match message {
                Ok(chunk) => got.bytes.extend(chunk),
                Err(_) => break,
            },
        }
    }
    got
}
