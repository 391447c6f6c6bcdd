//! Every `yes`/`no` the lesson prints, one function per claim, each named
//! after its claim and computing a [`Verdict`] from the evidence a section
//! gathered. `main.rs` prints what these functions return.
//!
//! `tests/verdicts.rs` holds a control for each, `verdict_<name>_can_fail`:
//! it runs the broken variant of the section for real (a countdown nobody
//! stops, a child whose `main` joins its worker, a gate with two permits…),
//! hands its evidence to the same function, and asserts "no", the answer
//! opposite to the snapshot's. So no verdict here is true by construction.
//! Each function's doc names the section it serves by its anchor.

use std::sync::mpsc::RecvError;
use std::time::Duration;

pub use kit::Verdict;

/// `returns_through_join`: do the threads' partial sums add up to
/// `1 + 2 + ... + n`?
pub fn sums_add_up_to_one_through(n: u64, sums: &[u64]) -> Verdict {
    let total: u64 = sums.iter().sum();
    Verdict::from(total == n * (n + 1) / 2)
}

/// `ask_to_stop`: did a countdown from `from` stop before it showed every
/// number? `shown` is what the countdown showed, as it showed it.
pub fn stopped_early(from: u32, shown: &[u32]) -> Verdict {
    // `from` down to 1 is `from` numbers; a countdown that was never asked to
    // stop (or ignored the request) shows all of them.
    let all = usize::try_from(from).expect("a u32 fits in a usize on every target Rust supports");
    Verdict::from(shown.len() < all)
}

/// `main_returns`: did the child end sooner than its worker's work would
/// take?
pub fn ended_before_the_work(took: Duration, work: Duration) -> Verdict {
    Verdict::from(took < work)
}

/// `main_returns`: is the worker's line missing from what the child
/// printed?
pub fn worker_line_missing(child_stdout: &str) -> Verdict {
    Verdict::from(!child_stdout.lines().any(|line| line.starts_with("worker:")))
}

/// `has_it_started`: did a timed wait on an event report "not set" only
/// after its whole timeout?
pub fn timed_out(was_set: bool, waited: Duration, timeout: Duration) -> Verdict {
    Verdict::from(!was_set && waited >= timeout)
}

/// `has_it_started`: of the threads that met at a barrier, was exactly one
/// the leader?
pub fn exactly_one_leader(is_leader: &[bool]) -> Verdict {
    Verdict::from(is_leader.iter().filter(|&&leads| leads).count() == 1)
}

/// `has_it_started`: did the receiver find out that the worker never
/// signalled?
pub fn found_out_nobody_signalled<T>(received: &Result<T, RecvError>) -> Verdict {
    Verdict::from(received.is_err())
}

/// `periodic_timer`: did every wait return only once its tick had come?
/// Each entry is `(tick asked for, tick count wait_for_tick returned)`, and
/// a waiter asks for ticks 1, 2, 3, ... in turn.
pub fn every_wait_returned_at_its_tick<'a>(
    waits: impl IntoIterator<Item = &'a [(u64, u64)]>,
) -> Verdict {
    Verdict::from(waits.into_iter().all(|waiter| {
        waiter
            .iter()
            .zip(1..)
            .all(|(&(asked, got), expected)| asked == expected && got >= asked)
    }))
}

/// `periodic_timer`: did `ticks` ticks of a timer take at least `ticks`
/// intervals?
pub fn took_at_least_the_intervals(took: Duration, interval: Duration, ticks: u32) -> Verdict {
    Verdict::from(took >= interval * ticks)
}

/// `semaphore`: was there never more than one worker inside at once (and
/// one at some point)?
pub fn one_at_a_time(most_inside_at_once: usize) -> Verdict {
    Verdict::from(most_inside_at_once == 1)
}

/// What each function makes of evidence at its edges. (The controls, which
/// run the broken variants, are in `tests/verdicts.rs`.)
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_waiter_that_skips_a_tick_or_never_waits_is_caught() {
        let in_turn = [(1, 1), (2, 4), (3, 4)];
        assert_eq!(
            every_wait_returned_at_its_tick([&in_turn[..]]),
            Verdict::Yes
        );
        let skipped = [(1, 1), (3, 3)];
        assert_eq!(every_wait_returned_at_its_tick([&skipped[..]]), Verdict::No);
        let too_early = [(1, 1), (2, 1)];
        assert_eq!(
            every_wait_returned_at_its_tick([&too_early[..]]),
            Verdict::No
        );
    }

    #[test]
    fn nobody_inside_is_not_one_at_a_time() {
        assert_eq!(one_at_a_time(0), Verdict::No);
        assert_eq!(one_at_a_time(1), Verdict::Yes);
        assert_eq!(exactly_one_leader(&[]), Verdict::No);
    }

    #[test]
    fn a_wait_that_was_set_or_gave_up_early_did_not_time_out() {
        let timeout = Duration::from_millis(20);
        assert_eq!(timed_out(false, timeout, timeout), Verdict::Yes);
        assert_eq!(timed_out(true, timeout, timeout), Verdict::No);
        assert_eq!(timed_out(false, timeout / 2, timeout), Verdict::No);
    }
}
