//! Every `yes`/`no` the lesson prints, computed here from the evidence the
//! program gathered. `main.rs` prints what these functions return, and
//! `tests/verdicts.rs` runs a broken variant of each section through the same
//! function and checks that the answer flips, so no verdict is true by
//! construction.

use std::time::Duration;

use crate::Waited;

/// A verdict as the lesson prints it.
pub fn yes_no(claim: bool) -> &'static str {
    if claim { "yes" } else { "no" }
}

/// Section 1: did the wait sit out its timeout? Judged from what `poll`
/// reported, not from the clock.
pub fn blocked_for_its_timeout(waited: Waited) -> &'static str {
    yes_no(waited == Waited::TimedOut)
}

/// Section 2: did the wait time out, after at least `timeout`?
pub fn blocked_for_at_least(waited: Waited, took: Duration, timeout: Duration) -> &'static str {
    yes_no(waited == Waited::TimedOut && took >= timeout)
}

/// Section 3: did `calls` calls take at least `calls` timeouts in all?
pub fn took_at_least_timeouts(took: Duration, timeout: Duration, calls: u32) -> &'static str {
    yes_no(took >= timeout * calls)
}

/// Section 4: did every call (each timed by its own thread) block for at
/// least `timeout`? No calls at all is not evidence of anything: "no".
pub fn each_blocked_for_at_least(calls: &[Duration], timeout: Duration) -> &'static str {
    yes_no(!calls.is_empty() && calls.iter().all(|&call| call >= timeout))
}

/// Section 4: did the calls, together, take less than three timeouts? (Five
/// calls in turn take at least five.)
pub fn under_three_timeouts(took: Duration, timeout: Duration) -> &'static str {
    yes_no(took < timeout * 3)
}

/// Section 6: did the threads return the same lists, in the same order, as
/// the sequential run?
pub fn same_results<T: PartialEq>(on_threads: &[T], in_sequence: &[T]) -> &'static str {
    yes_no(on_threads == in_sequence)
}

// ANCHOR: evenly_shared
/// Section 7: did the busiest thread do at most 1.1 times the average work?
/// `divisions` is what each thread counted, so the answer comes from a count,
/// not a clock. No threads, or no work, is not evidence of anything: "no".
pub fn busiest_within_a_tenth_of_average(divisions: &[u64]) -> &'static str {
    let total: u128 = divisions.iter().map(|&d| u128::from(d)).sum();
    let busiest = u128::from(divisions.iter().copied().max().unwrap_or(0));
    let threads = divisions.len() as u128;
    // busiest <= 1.1 * total / threads, in whole numbers.
    yes_no(total > 0 && busiest * threads * 10 <= total * 11)
}
// ANCHOR_END: evenly_shared
