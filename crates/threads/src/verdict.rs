//! Every `yes`/`no` the lesson prints, computed here from the evidence the
//! program gathered. `main.rs` prints what these functions return, and
//! `tests/verdicts.rs` runs a broken variant of each section through the same
//! function and checks that it answers "no", so no verdict is true by
//! construction.

use std::sync::mpsc::RecvError;
use std::time::Duration;

/// A verdict as the lesson prints it.
pub fn yes_no(claim: bool) -> &'static str {
    if claim { "yes" } else { "no" }
}

/// Section 1: do the threads' partial sums add up to `1 + 2 + ... + n`?
pub fn sums_add_up_to_one_through(n: u64, sums: &[u64]) -> &'static str {
    let total: u64 = sums.iter().sum();
    yes_no(total == n * (n + 1) / 2)
}

/// Section 4: did a countdown from `from` stop before it showed every number?
/// `shown` is what the countdown showed, as it showed it.
pub fn stopped_early(from: u32, shown: &[u32]) -> &'static str {
    // `from` down to 1 is `from` numbers; a countdown that was never asked to
    // stop (or ignored the request) shows all of them.
    let all = usize::try_from(from).expect("a u32 fits in a usize on every target Rust supports");
    yes_no(shown.len() < all)
}

/// Section 5: did the child end sooner than its worker's work would take?
pub fn ended_before_the_work(took: Duration, work: Duration) -> &'static str {
    yes_no(took < work)
}

/// Section 5: is the worker's line missing from what the child printed?
pub fn worker_line_missing(child_stdout: &str) -> &'static str {
    yes_no(!child_stdout.lines().any(|line| line.starts_with("worker:")))
}

/// Section 6: did a timed wait on an event report "not set" only after its
/// whole timeout?
pub fn timed_out(was_set: bool, waited: Duration, timeout: Duration) -> &'static str {
    yes_no(!was_set && waited >= timeout)
}

/// Section 6: of the threads that met at a barrier, was exactly one the leader?
pub fn exactly_one_leader(is_leader: &[bool]) -> &'static str {
    yes_no(is_leader.iter().filter(|&&leads| leads).count() == 1)
}

/// Section 6: did the receiver find out that the worker never signalled?
pub fn found_out_nobody_signalled<T>(received: &Result<T, RecvError>) -> &'static str {
    yes_no(received.is_err())
}

/// Section 7: did every wait return only once its tick had come? Each entry is
/// `(tick asked for, tick count wait_for_tick returned)`, and a waiter asks for
/// ticks 1, 2, 3, ... in turn.
pub fn every_wait_returned_at_its_tick<'a>(
    waits: impl IntoIterator<Item = &'a [(u64, u64)]>,
) -> &'static str {
    yes_no(waits.into_iter().all(|waiter| {
        waiter
            .iter()
            .zip(1..)
            .all(|(&(asked, got), expected)| asked == expected && got >= asked)
    }))
}

/// Section 7: did `ticks` ticks of a timer take at least `ticks` intervals?
pub fn took_at_least_the_intervals(took: Duration, interval: Duration, ticks: u32) -> &'static str {
    yes_no(took >= interval * ticks)
}

/// Section 8: was there never more than one worker inside at once (and one at
/// some point)?
pub fn one_at_a_time(most_inside_at_once: usize) -> &'static str {
    yes_no(most_inside_at_once == 1)
}
