//! Every `yes`/`no` the lesson prints, one function per claim, each named
//! after its claim and computing a [`Verdict`] from the evidence a section
//! gathered. `main.rs` prints what these functions return.
//!
//! `tests/verdicts.rs` holds a control for each, `verdict_<name>_can_fail`:
//! it runs the broken variant of the section for real (threads that take
//! turns, a lock taken once for the read and again for the write, a panic
//! that comes only after the whole update, a lock held for the work...),
//! hands its evidence to the same function, and asserts the answer opposite
//! to the snapshot's. So no verdict here is true by construction. Each
//! function's doc names the sections it serves by their anchors.

use std::sync::Mutex;
use std::time::Duration;

pub use kit::Verdict;

use crate::{LossyRace, Tally};

/// `lossy`: did each of the `threads` threads read 0 in its first
/// increment, before any of them wrote?
pub fn every_thread_read_zero(race: &LossyRace, threads: usize) -> Verdict {
    Verdict::from(
        race.first_reads.len() == threads && race.first_reads.iter().all(|&read| read == 0),
    )
}

/// `lossy`: did the counter end below the number of increments made?
pub fn updates_were_lost(race: &LossyRace) -> Verdict {
    Verdict::from(race.found < race.expected)
}

/// `std_mutex`, `parking_lot`, `atomic` and `local_sums`: did a counter end
/// at exactly the number of increments made?
pub fn no_update_lost(expected: u64, found: u64) -> Verdict {
    Verdict::from(found == expected)
}

/// `poisoning` and `parking_lot`: does the tally a panicking thread left
/// behind still have as many readings as its count says?
pub fn consistent(tally: &Tally) -> Verdict {
    Verdict::from(tally.is_consistent())
}

/// `poisoning`: does the next `lock()` return `Ok`, the mutex no longer
/// poisoned?
pub fn next_lock_is_ok<T>(mutex: &Mutex<T>) -> Verdict {
    Verdict::from(mutex.lock().is_ok())
}

/// `shared_counter`: did the shared counter end where it started, at zero?
pub fn ends_at_zero(value: i64) -> Verdict {
    Verdict::from(value == 0)
}

/// `hold_briefly`: did `threads` pieces of `work` take at least their sum,
/// as they must if the threads took turns?
pub fn took_turns(took: Duration, work: Duration, threads: u32) -> Verdict {
    Verdict::from(took >= work * threads)
}

/// `hold_briefly`: did `threads` pieces of `work` take less than their sum,
/// as they can only if some of them overlapped?
pub fn overlapped(took: Duration, work: Duration, threads: u32) -> Verdict {
    Verdict::from(took < work * threads)
}
