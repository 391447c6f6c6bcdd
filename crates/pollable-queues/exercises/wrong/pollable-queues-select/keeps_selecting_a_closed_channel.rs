//! expect: did not finish
//! Ignores a disconnected channel's error and keeps its arm: a closed
//! channel is always ready, so select! returns it again at once, and the
//! loop spins for ever without ending. (Caught by the tests' watchdog.)

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
    let open = 3;
    while open > 0 {
        // A disconnected channel is always ready (with an error): its arm
        // must go, or select! would pick it again at once, for ever. Its
        // place is taken by `never()`, which is never ready.
        select! {
            recv(numbers) -> message => match message {
                Ok(n) => got.numbers.push(n),
                // The mistake: a disconnection is ignored, so select! picks
                // the closed channel again at once, for ever.
                Err(_) => continue,
            },
            recv(words) -> message => match message {
                Ok(word) => got.words.push(word),
                Err(_) => continue,
            },
            recv(bytes) -> message => match message {
                Ok(chunk) => got.bytes.extend(chunk),
                Err(_) => continue,
            },
        }
    }
    got
}
