//! Every `yes`/`no` the lesson prints, computed here from the evidence the
//! program gathered. `main.rs` prints what these functions return, and
//! `tests/verdicts.rs` runs a broken variant of each section through the same
//! function and checks that the answer flips, so no verdict is true by
//! construction.

use std::sync::Mutex;
use std::time::Duration;

use crate::{LossyRace, Tally};

/// A verdict as the lesson prints it.
pub fn yes_no(claim: bool) -> &'static str {
    if claim { "yes" } else { "no" }
}

/// Section 1: did each of the `threads` threads read 0 in its first
/// increment, before any of them wrote?
pub fn every_thread_read_zero(race: &LossyRace, threads: usize) -> &'static str {
    yes_no(race.first_reads.len() == threads && race.first_reads.iter().all(|&read| read == 0))
}

/// Section 1: did the counter end below the number of increments made?
pub fn updates_were_lost(race: &LossyRace) -> &'static str {
    yes_no(race.found < race.expected)
}

/// Sections 2, 4, 5 and 6: did a counter end at exactly the number of
/// increments made?
pub fn no_update_lost(expected: u64, found: u64) -> &'static str {
    yes_no(found == expected)
}

/// Sections 3 and 4: does the tally's count match its readings?
pub fn consistent(tally: &Tally) -> &'static str {
    yes_no(tally.is_consistent())
}

/// Section 3: does the next `lock()` return `Ok` (the mutex is not poisoned)?
pub fn next_lock_is_ok<T>(mutex: &Mutex<T>) -> &'static str {
    yes_no(mutex.lock().is_ok())
}

/// Section 7: did the shared counter end where it started, at zero?
pub fn ends_at_zero(value: i64) -> &'static str {
    yes_no(value == 0)
}

/// Section 9: did `threads` pieces of `work` take at least their sum, as
/// they must if the threads took turns?
pub fn took_turns(took: Duration, work: Duration, threads: u32) -> &'static str {
    yes_no(took >= work * threads)
}

/// Section 9: did `threads` pieces of `work` take less than their sum, as
/// they can only if some of them overlapped?
pub fn overlapped(took: Duration, work: Duration, threads: u32) -> &'static str {
    yes_no(took < work * threads)
}
