//! The lesson's verdicts: each claim `main.rs` prints as `<claim>: yes` or
//! `<claim>: no` is computed here, by a function named after the claim, from
//! the evidence the section collected. `tests/verdicts.rs` has a control
//! for each, `verdict_<function>_can_fail`, that runs the broken variant for
//! real (a blocking queue where the claim is busy waiting, an unbounded
//! queue where it is backpressure, a stage that loses photos) and feeds its
//! evidence to the same function, which must then give the answer the
//! snapshot does not show.

use std::time::Duration;

use crossbeam::channel::{RecvError, RecvTimeoutError};
use kit::Verdict;

use crate::pipeline::{self, Photo};
use crate::{Closed, Notifications};

/// The photos that came out of a pipeline (the polling one, the one with
/// several workers per stage, on crossbeam's channels, on `FastQueue`s) are
/// exactly `0..count`, each once, each resized and uploaded.
pub fn each_photo_once(photos: &[Photo], count: u32) -> Verdict {
    Verdict::from(pipeline::each_photo_once(photos, count))
}

/// `polling_workers_busy_wait`: the pipeline busy-waited if its threads woke up to find
/// nothing to do more often than there were photos. A thread blocked on a
/// condition variable is woken when an item arrives, so it has next to no
/// such wake-ups (only spurious ones); a polling thread has one per nap,
/// however few photos there are.
pub fn busy_waiting(woke_to_nothing: usize, photos: usize) -> Verdict {
    Verdict::from(woke_to_nothing > photos)
}

/// `a_stop_flag_strands_queued_work`: stopping the worker left work in its
/// queue.
pub fn stranded_work(left_in_queue: usize) -> Verdict {
    Verdict::from(left_in_queue > 0)
}

/// At some moment more than `limit` items were waiting (a slow stage behind
/// a polling queue, and behind an unbounded blocking one).
pub fn piled_up(peak: usize, limit: usize) -> Verdict {
    Verdict::from(peak > limit)
}

/// No more than `capacity` items were ever waiting (a bounded queue, and a
/// bounded crossbeam channel).
pub fn stayed_within(peak: usize, capacity: usize) -> Verdict {
    Verdict::from(peak <= capacity)
}

/// `a_blocking_get_sleeps_until_an_item_arrives`: the consumer's `get` had
/// not returned when main looked.
pub fn had_not_returned(consumer_finished: bool) -> Verdict {
    Verdict::from(!consumer_finished)
}

/// `with_capacity_one_put_waits_for_get`: the queue's own record, sorted by
/// operation number, strictly
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

/// `join_waits_until_every_item_is_done`: in the log, the line saying `join`
/// returned comes after the
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

/// `close_ends_every_consumers_loop`: a consumer got every item queued
/// before the close, in order.
pub fn queued_items_delivered<T: PartialEq>(delivered: &[T], queued: &[T]) -> Verdict {
    Verdict::from(delivered == queued)
}

/// `close_ends_every_consumers_loop`: a put on a closed queue handed `item`
/// back.
pub fn item_came_back<T: PartialEq>(put: &Result<(), Closed<T>>, item: &T) -> Verdict {
    Verdict::from(matches!(put, Err(Closed(back)) if back == item))
}

/// Between them, the consumers got exactly `expected`, each once (three
/// consumers of a closed queue, of the Cookbook's sentinel, of a channel
/// closed by drop).
pub fn each_once(received: &[Vec<u32>], expected: impl IntoIterator<Item = u32>) -> Verdict {
    let mut all: Vec<u32> = received.concat();
    all.sort_unstable();
    let mut expected: Vec<u32> = expected.into_iter().collect();
    expected.sort_unstable();
    Verdict::from(all == expected)
}

/// `a_pipeline_with_several_workers_per_stage`: `expected` workers were
/// started, and every one of them
/// signed out itself, having ended its loop because its queue was closed
/// (see [`Roster`](crate::pipeline::Roster)).
pub fn all_workers_ended(started: usize, finished: usize, expected: usize) -> Verdict {
    Verdict::from(started == expected && finished == started)
}

/// `the_same_pipeline_on_crossbeam_channels`: `recv_timeout` waited out its
/// whole timeout and reported
/// `Timeout`: the channel is still open (a disconnected channel answers at
/// once, with `Disconnected`).
pub fn still_open<T>(
    answer: &Result<T, RecvTimeoutError>,
    waited: Duration,
    timeout: Duration,
) -> Verdict {
    Verdict::from(matches!(answer, Err(RecvTimeoutError::Timeout)) && waited >= timeout)
}

/// `the_same_pipeline_on_crossbeam_channels`: `recv` reported the channel
/// closed.
pub fn closed<T>(answer: &Result<T, RecvError>) -> Verdict {
    Verdict::from(answer.is_err())
}

/// `a_faster_queue_notifies_only_when_someone_sleeps`: every notification
/// the queues sent found a thread asleep on that condition variable, by the
/// queues' own count: none was a system call that woke nobody. (The
/// section asks it of both rules: step 4's answers "no", step 5's "yes".)
pub fn notified_only_when_someone_slept(notifications: Notifications) -> Verdict {
    Verdict::from(notifications.sent == notifications.with_a_sleeper)
}

/// `a_priority_queue_serves_the_highest_first`: the items came out highest
/// priority first and, within a
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

/// The edges of the checks themselves, on evidence written out by hand (the
/// controls in `tests/verdicts/` run the broken variants for real).
#[cfg(test)]
mod tests {
    use std::time::Duration;

    use crossbeam::channel::RecvTimeoutError;
    use kit::Verdict;

    #[test]
    fn an_empty_record_shows_no_hand_off() {
        let empty: [(u64, &str); 0] = [];
        assert_eq!(super::each_put_waited_for_a_get(&empty), Verdict::No);
    }

    #[test]
    fn a_duplicate_is_not_each_once_even_with_the_right_count() {
        let received = [vec![1, 2, 3], vec![3, 4, 5, 6]];
        assert_eq!(super::each_once(&received, 1..=6), Verdict::No);
    }

    #[test]
    fn a_timeout_not_waited_out_is_not_still_open() {
        let answer: Result<(), _> = Err(RecvTimeoutError::Timeout);
        let timeout = Duration::from_millis(20);
        assert_eq!(
            super::still_open(&answer, Duration::ZERO, timeout),
            Verdict::No
        );
        assert_eq!(super::still_open(&answer, timeout, timeout), Verdict::Yes);
    }
}
