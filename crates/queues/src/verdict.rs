//! The lesson's verdicts: each claim `main.rs` prints as `<claim>: yes` or
//! `<claim>: no` is computed here, from the evidence the section collected,
//! so that `tests/verdicts.rs` can feed the very same check a case where the
//! claim is false (usually by running the broken variant for real: a
//! blocking queue where the claim is busy waiting, an unbounded queue where
//! it is backpressure, a stage that loses photos) and see it answer "no".

use std::fmt;
use std::time::Duration;

use crossbeam::channel::{RecvError, RecvTimeoutError};

use crate::pipeline::{self, Photo};
use crate::{Closed, Notifications};

/// A claim's answer, printed as `yes` or `no`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Yes,
    No,
}

impl From<bool> for Verdict {
    fn from(claim: bool) -> Self {
        if claim { Verdict::Yes } else { Verdict::No }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Verdict::Yes => "yes",
            Verdict::No => "no",
        })
    }
}

/// Sections 1, 9 and 10: the photos that came out are exactly `0..count`,
/// each once, each resized and uploaded.
pub fn each_photo_once(photos: &[Photo], count: u32) -> Verdict {
    Verdict::from(pipeline::each_photo_once(photos, count))
}

/// Section 1: the pipeline busy-waited if its threads woke up to find
/// nothing to do more often than there were photos. A thread blocked on a
/// condition variable is woken when an item arrives, so it has next to no
/// such wake-ups (only spurious ones); a polling thread has one per nap,
/// however few photos there are.
pub fn busy_waiting(woke_to_nothing: usize, photos: usize) -> Verdict {
    Verdict::from(woke_to_nothing > photos)
}

/// Section 2: stopping the worker left work in its queue.
pub fn stranded_work(left_in_queue: usize) -> Verdict {
    Verdict::from(left_in_queue > 0)
}

/// Sections 3 and 6: at some moment more than `limit` items were waiting.
pub fn piled_up(peak: usize, limit: usize) -> Verdict {
    Verdict::from(peak > limit)
}

/// Sections 6 and 10: no more than `capacity` items were ever waiting.
pub fn stayed_within(peak: usize, capacity: usize) -> Verdict {
    Verdict::from(peak <= capacity)
}

/// Section 4: the consumer's `get` had not returned when main looked.
pub fn had_not_returned(consumer_finished: bool) -> Verdict {
    Verdict::from(!consumer_finished)
}

/// Section 5: the queue's own record, sorted by operation number, strictly
/// alternates a producer's put and a consumer's get, starting with a put:
/// each put after the first waited for a get. Entries are `(number, what)`
/// with `what` starting with `producer` or `consumer`.
pub fn each_put_waited_for_a_get<S: AsRef<str>>(history: &[(u64, S)]) -> Verdict {
    Verdict::from(
        !history.is_empty()
            && history.iter().enumerate().all(|(i, (_, what))| {
                what.as_ref()
                    .starts_with(if i % 2 == 0 { "producer" } else { "consumer" })
            }),
    )
}

/// Section 7: in the log, the line saying `join` returned comes after the
/// line saying the consumer was done (both must be there).
pub fn join_returned_after_task_done<S: AsRef<str>>(log: &[S]) -> Verdict {
    let position = |prefix: &str| {
        log.iter()
            .position(|line| line.as_ref().starts_with(prefix))
    };
    Verdict::from(matches!(
        (position("producer: join"), position("consumer: done")),
        (Some(join), Some(done)) if join > done
    ))
}

/// Section 8: a consumer got every item queued before the close, in order.
pub fn queued_items_delivered<T: PartialEq>(delivered: &[T], queued: &[T]) -> Verdict {
    Verdict::from(delivered == queued)
}

/// Section 8: a put on a closed queue handed `item` back.
pub fn item_came_back<T: PartialEq>(put: &Result<(), Closed<T>>, item: &T) -> Verdict {
    Verdict::from(matches!(put, Err(Closed(back)) if back == item))
}

/// Sections 8 and 11: between them, the consumers got exactly `expected`,
/// each once.
pub fn each_once(received: &[Vec<u32>], expected: impl IntoIterator<Item = u32>) -> Verdict {
    let mut all: Vec<u32> = received.concat();
    all.sort_unstable();
    let mut expected: Vec<u32> = expected.into_iter().collect();
    expected.sort_unstable();
    Verdict::from(all == expected)
}

/// Section 9: `expected` workers were started, and every one of them
/// signed out itself, having ended its loop because its queue was closed
/// (see [`Roster`](crate::pipeline::Roster)).
pub fn all_workers_ended(started: usize, finished: usize, expected: usize) -> Verdict {
    Verdict::from(started == expected && finished == started)
}

/// Section 10: `recv_timeout` waited out its whole timeout and reported
/// `Timeout`: the channel is still open (a disconnected channel answers at
/// once, with `Disconnected`).
pub fn still_open<T>(
    answer: &Result<T, RecvTimeoutError>,
    waited: Duration,
    timeout: Duration,
) -> Verdict {
    Verdict::from(matches!(answer, Err(RecvTimeoutError::Timeout)) && waited >= timeout)
}

/// Section 10: `recv` reported the channel closed.
pub fn closed<T>(answer: &Result<T, RecvError>) -> Verdict {
    Verdict::from(answer.is_err())
}

/// Section 13: every notification the queues sent found a thread asleep
/// on that condition variable, by the queues' own count: none was a system
/// call that woke nobody.
pub fn notified_only_when_someone_slept(notifications: Notifications) -> Verdict {
    Verdict::from(notifications.sent == notifications.with_a_sleeper)
}

/// Section 12: the items came out highest priority first and, within a
/// priority, in the order they were put. The expected order is worked out
/// from `puts` (a stable sort), not written down.
pub fn ties_in_put_order<T: PartialEq + Copy>(got: &[T], puts: &[(T, i32)]) -> Verdict {
    let mut expected = puts.to_vec();
    expected.sort_by_key(|&(_, priority)| std::cmp::Reverse(priority));
    Verdict::from(
        got.iter()
            .copied()
            .eq(expected.into_iter().map(|(item, _)| item)),
    )
}
