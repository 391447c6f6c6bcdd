//! The verdicts the lesson prints, each computed here from the evidence, so
//! `main.rs` and the tests run the same check. Every one of them can come
//! out "no": `tests/verdicts.rs` runs a broken variant for each (an actor
//! that stops at the close, a registry that makes a new exchange per call, a
//! subscriber attached twice, ...) and checks that the verdict says so.

use std::time::Duration;

use crate::{Exchange, HandoffCounts};

/// `yes` or `no`, as the lesson prints a verdict.
pub fn yes_no(claim: bool) -> &'static str {
    if claim { "yes" } else { "no" }
}

/// The actor handled every message that was queued, in order, and nothing
/// else.
pub fn handled_everything_queued<T: PartialEq>(handled: &[T], queued: &[T]) -> bool {
    !queued.is_empty() && handled == queued
}

/// A message's round trip took longer than calling the function directly.
pub fn costs_more(round_trip: Duration, direct_call: Duration) -> bool {
    round_trip > direct_call
}

/// Two handles are handles to one exchange.
pub fn same_exchange<M>(one: &Exchange<M>, other: &Exchange<M>) -> bool {
    one.same_as(other)
}

/// A thread's `join` reported a panic.
pub fn panicked<T>(joined: &std::thread::Result<T>) -> bool {
    joined.is_err()
}

/// Every subscriber received each of the `senders * per_sender` messages
/// `(sender, n)` exactly once: none lost, none twice.
pub fn each_got_each_once(
    received: &[Vec<(usize, usize)>],
    senders: usize,
    per_sender: usize,
) -> bool {
    let expected: Vec<(usize, usize)> = (0..senders)
        .flat_map(|sender| (0..per_sender).map(move |n| (sender, n)))
        .collect();
    !received.is_empty()
        && received.iter().all(|got| {
            let mut sorted = got.clone();
            sorted.sort_unstable();
            sorted == expected
        })
}

/// In what every subscriber received, each sender's messages `(sender, n)`
/// come in the order it sent them: `n = 0, 1, 2, ...`.
pub fn in_each_senders_order(
    received: &[Vec<(usize, usize)>],
    senders: usize,
    per_sender: usize,
) -> bool {
    !received.is_empty()
        && received.iter().all(|got| {
            (0..senders).all(|sender| {
                let ns: Vec<usize> = got.iter().filter(|m| m.0 == sender).map(|m| m.1).collect();
                ns == (0..per_sender).collect::<Vec<_>>()
            })
        })
}

/// At least two subscribers, and all received the same messages in the same
/// order.
pub fn same_interleaving<M: PartialEq>(received: &[Vec<M>]) -> bool {
    received.len() >= 2 && received.windows(2).all(|pair| pair[0] == pair[1])
}

/// Every one of these hand-offs handed something over, and none of them
/// ever sent a notification while nobody was asleep (the counts are kept
/// under each hand-off's lock, so none is missed).
pub fn notified_only_sleepers(handoffs: &[HandoffCounts]) -> bool {
    !handoffs.is_empty()
        && handoffs
            .iter()
            .all(|counts| counts.taken > 0 && counts.notified_nobody == 0)
}
