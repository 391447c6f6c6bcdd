//! The verdicts the lesson prints, one function per claim, each computed
//! here from the evidence a section gathered, so `main.rs` and the tests run
//! the same check. Every one of them can come out "no": `tests/verdicts.rs`
//! runs a broken variant of each claim (an actor that stops at the close, a
//! worker that answers on the caller's thread, a registry that makes a new
//! exchange per call, a fan-out outside the lock, ...) through the same
//! function and checks that it says so.

use std::time::Duration;

use kit::Verdict;

use crate::{Exchange, HandoffCounts};

/// The actor handled every message that was queued, in order, and nothing
/// else.
pub fn handled_everything_queued<T: PartialEq>(handled: &[T], queued: &[T]) -> Verdict {
    Verdict::from(!queued.is_empty() && handled == queued)
}

/// A message's round trip took more than ten times as long as calling the
/// function directly. Ten, not one: a "message" that never leaves the
/// caller's thread costs about one call, and then the two are too close for
/// the noise of a busy machine to leave the answer alone; a real round trip
/// costs hundreds of calls.
pub fn costs_more_than_ten_calls(round_trip: Duration, direct_call: Duration) -> Verdict {
    Verdict::from(round_trip > direct_call * 10)
}

/// Two handles are handles to one exchange.
pub fn same_exchange<M>(one: &Exchange<M>, other: &Exchange<M>) -> Verdict {
    Verdict::from(one.same_as(other))
}

/// A thread's `join` reported a panic.
pub fn panicked<T>(joined: &std::thread::Result<T>) -> Verdict {
    Verdict::from(joined.is_err())
}

/// Every subscriber received each of the `senders * per_sender` messages
/// `(sender, n)` exactly once: none lost, none twice.
pub fn each_got_each_once(
    received: &[Vec<(usize, usize)>],
    senders: usize,
    per_sender: usize,
) -> Verdict {
    let expected: Vec<(usize, usize)> = (0..senders)
        .flat_map(|sender| (0..per_sender).map(move |n| (sender, n)))
        .collect();
    Verdict::from(
        !received.is_empty()
            && received.iter().all(|got| {
                let mut sorted = got.clone();
                sorted.sort_unstable();
                sorted == expected
            }),
    )
}

/// In what every subscriber received, each sender's messages `(sender, n)`
/// come in the order it sent them: `n = 0, 1, 2, ...`.
pub fn in_each_senders_order(
    received: &[Vec<(usize, usize)>],
    senders: usize,
    per_sender: usize,
) -> Verdict {
    Verdict::from(
        !received.is_empty()
            && received.iter().all(|got| {
                (0..senders).all(|sender| {
                    let ns: Vec<usize> =
                        got.iter().filter(|m| m.0 == sender).map(|m| m.1).collect();
                    ns == (0..per_sender).collect::<Vec<_>>()
                })
            }),
    )
}

/// At least two subscribers, and all received the same messages in the same
/// order.
pub fn same_interleaving<M: PartialEq>(received: &[Vec<M>]) -> Verdict {
    Verdict::from(received.len() >= 2 && received.windows(2).all(|pair| pair[0] == pair[1]))
}

/// Every one of these hand-offs handed something over, and none of them
/// ever sent a notification while nobody was asleep (the counts are kept
/// under each hand-off's lock, so none is missed).
pub fn notified_only_sleepers(handoffs: &[HandoffCounts]) -> Verdict {
    Verdict::from(
        !handoffs.is_empty()
            && handoffs
                .iter()
                .all(|counts| counts.taken > 0 && counts.notified_nobody == 0),
    )
}
