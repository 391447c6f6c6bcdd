//! # Exercise `pollable-queues-select`: the same over channels, with `select!`
//!
//! Read first, in book/src/pollable-queues.md (`cargo xtask learn` prints
//! the link to the section): "Channels only: `select!`".
//!
//! When everything a consumer waits on is a channel, it needs no
//! descriptor: crossbeam's `select!` blocks on several channels at once.
//! Write [`gather`]:
//!
//! - block in **one** `select!` over the three receivers while none has a
//!   message (no `try_recv` loop: a waiting consumer must sleep);
//! - a message goes to its field of [`Gathered`] (`bytes` gets each chunk's
//!   bytes, in order);
//! - a channel whose senders have all been dropped reports an error at once,
//!   and would again every time: replace it with `channel::never()`, which
//!   is never ready, and count it as closed;
//! - return once all three are closed (and so drained: a channel reports the
//!   disconnection only after its last message).
//!
//! Check it: `cargo xtask learn check pollable-queues-select`.

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
    // TODO: `let mut open = 3;` then, while some channel is open, one
    // `select!` with a `recv(...) -> message => match message { ... }` arm
    // per channel: `Ok` records the message, `Err` (disconnected) puts
    // `channel::never()` in that receiver's place and counts it closed.
    todo!("gather")
}
