//! The lesson's verdicts, one function per claim: each takes the evidence a
//! section gathered and answers its claim with a [`Verdict`]. `main.rs`
//! prints what they return. `tests/verdicts.rs` runs a broken variant of
//! each claim for real (a line whose far end was dropped, threads spawned
//! and joined in one chain, results gathered as the threads finish, a row
//! cut at round millions, ...) through the same function and checks that it
//! gives the answer opposite to the snapshot's (`verdict_<name>_can_fail`),
//! so no verdict is true by construction.

use std::time::Duration;

use kit::Verdict;

use crate::Waited;

/// The wait sat out its timeout: `poll` reported nothing ready. Judged from
/// what `poll` said, not from the clock (`a_fresh_socket_is_ready_at_once`
/// prints "no" for the notes' fresh socket).
///
/// ```
/// use blocking_io::Waited;
/// use blocking_io::verdict::blocked_for_its_timeout;
/// use kit::Verdict;
///
/// assert_eq!(blocked_for_its_timeout(Waited::TimedOut), Verdict::Yes);
/// assert_eq!(blocked_for_its_timeout(Waited::Ready { hung_up: true }), Verdict::No);
/// ```
pub fn blocked_for_its_timeout(waited: Waited) -> Verdict {
    Verdict::from(waited == Waited::TimedOut)
}

/// The wait timed out, and the clock agrees that at least `timeout` passed.
///
/// ```
/// use std::time::Duration;
/// use blocking_io::Waited;
/// use blocking_io::verdict::blocked_for_at_least;
/// use kit::Verdict;
///
/// let ms = Duration::from_millis;
/// assert_eq!(blocked_for_at_least(Waited::TimedOut, ms(101), ms(100)), Verdict::Yes);
/// assert_eq!(blocked_for_at_least(Waited::TimedOut, ms(99), ms(100)), Verdict::No);
/// let ready = Waited::Ready { hung_up: false };
/// assert_eq!(blocked_for_at_least(ready, ms(101), ms(100)), Verdict::No);
/// ```
pub fn blocked_for_at_least(waited: Waited, took: Duration, timeout: Duration) -> Verdict {
    Verdict::from(waited == Waited::TimedOut && took >= timeout)
}

/// `calls` calls, one after another, took at least `calls` timeouts in all.
///
/// ```
/// use std::time::Duration;
/// use blocking_io::verdict::took_at_least_timeouts;
/// use kit::Verdict;
///
/// let ms = Duration::from_millis;
/// assert_eq!(took_at_least_timeouts(ms(500), ms(100), 5), Verdict::Yes);
/// assert_eq!(took_at_least_timeouts(ms(499), ms(100), 5), Verdict::No);
/// ```
pub fn took_at_least_timeouts(took: Duration, timeout: Duration, calls: u32) -> Verdict {
    Verdict::from(took >= timeout * calls)
}

/// Every call, each timed by the thread that made it, blocked for at least
/// `timeout`. No calls at all is not evidence of anything: "no".
///
/// ```
/// use std::time::Duration;
/// use blocking_io::verdict::each_blocked_for_at_least;
/// use kit::Verdict;
///
/// let ms = Duration::from_millis;
/// assert_eq!(each_blocked_for_at_least(&[ms(100), ms(104)], ms(100)), Verdict::Yes);
/// assert_eq!(each_blocked_for_at_least(&[ms(100), ms(3)], ms(100)), Verdict::No);
/// assert_eq!(each_blocked_for_at_least(&[], ms(100)), Verdict::No);
/// ```
pub fn each_blocked_for_at_least(calls: &[Duration], timeout: Duration) -> Verdict {
    Verdict::from(!calls.is_empty() && calls.iter().all(|&call| call >= timeout))
}

/// The calls, together, took less than three timeouts. (Five calls made one
/// after another take at least five.)
///
/// ```
/// use std::time::Duration;
/// use blocking_io::verdict::under_three_timeouts;
/// use kit::Verdict;
///
/// let ms = Duration::from_millis;
/// assert_eq!(under_three_timeouts(ms(105), ms(100)), Verdict::Yes);
/// assert_eq!(under_three_timeouts(ms(300), ms(100)), Verdict::No);
/// ```
pub fn under_three_timeouts(took: Duration, timeout: Duration) -> Verdict {
    Verdict::from(took < timeout * 3)
}

/// The threads found the divisors the sequential run found: the same lists,
/// for the same numbers, in the same order.
///
/// ```
/// use blocking_io::verdict::same_divisors;
/// use kit::Verdict;
///
/// let in_sequence = [vec![1, 3], vec![1, 2, 4]];
/// assert_eq!(same_divisors(&[vec![1, 3], vec![1, 2, 4]], &in_sequence), Verdict::Yes);
/// assert_eq!(same_divisors(&[vec![1, 2, 4], vec![1, 3]], &in_sequence), Verdict::No);
/// assert_eq!(same_divisors(&[vec![1, 3], vec![1, 2]], &in_sequence), Verdict::No);
/// ```
pub fn same_divisors(found: &[Vec<u64>], in_sequence: &[Vec<u64>]) -> Verdict {
    Verdict::from(found == in_sequence)
}

// ANCHOR: evenly_shared
/// The busiest thread did at most 1.1 times the average work. `divisions`
/// is what each thread counted, so the answer comes from a count, not a
/// clock. No threads, or no work, is not evidence of anything: "no".
///
/// ```
/// use blocking_io::verdict::busiest_within_a_tenth_of_average;
/// use kit::Verdict;
///
/// // 11 against an average of 10 passes, 12 does not.
/// assert_eq!(busiest_within_a_tenth_of_average(&[11, 9]), Verdict::Yes);
/// assert_eq!(busiest_within_a_tenth_of_average(&[12, 8]), Verdict::No);
/// assert_eq!(busiest_within_a_tenth_of_average(&[]), Verdict::No);
/// assert_eq!(busiest_within_a_tenth_of_average(&[0, 0]), Verdict::No);
/// ```
pub fn busiest_within_a_tenth_of_average(divisions: &[u64]) -> Verdict {
    let total: u128 = divisions.iter().map(|&d| u128::from(d)).sum();
    let busiest = u128::from(divisions.iter().copied().max().unwrap_or(0));
    let threads = divisions.len() as u128;
    // busiest <= 1.1 * total / threads, in whole numbers.
    Verdict::from(total > 0 && busiest * threads * 10 <= total * 11)
}
// ANCHOR_END: evenly_shared
