//! The lesson's verdicts, one function per claim: each takes the evidence a
//! section gathered and answers with a [`Verdict`]. `main.rs` prints what
//! they return; `tests/verdicts.rs` runs a broken variant of each claim
//! (tasks that each start a thread, futures that carry 64 KiB, cells
//! awaited one at a time or written in place, a server that alters a line,
//! the game left on threads, a function that works before it is polled, a
//! buffer dropped or kept) through the same function and checks that it
//! answers "no" (`verdict_<name>_can_fail`).

use std::cell::Cell;
use std::time::Duration;

use kit::Verdict;

use crate::cost::Crowd;
use crate::guess::GameRun;
use crate::life::Grid;

// ANCHOR: cost
/// "A task costs less than a tenth of a thread to start."
pub fn starts_in_a_tenth(task: &Crowd, thread: &Crowd) -> Verdict {
    Verdict::from(task.start_each * 10 < thread.start_each)
}

/// "A task holds less than a tenth of a thread's memory", from the resident
/// bytes each added.
pub fn holds_a_tenth(task_bytes: u64, thread_bytes: u64) -> Verdict {
    Verdict::from(task_bytes * 10 < thread_bytes)
}
// ANCHOR_END: cost

// ANCHOR: life
/// "After four generations the glider has the same shape, one cell down and
/// one to the right": what a correct Life does to a glider.
pub fn glider_moved(start: &Grid, after_four: &Grid) -> Verdict {
    Verdict::from(*after_four == start.shifted(1, 1))
}

/// "The tasks overlapped their waits": the run took less than a quarter of
/// the time its waits add up to, which no run that waits for one cell at a
/// time can do.
pub fn overlapped_the_waits(took: Duration, waits_added_up: Duration) -> Verdict {
    Verdict::from(took * 4 < waits_added_up)
}
// ANCHOR_END: life

// ANCHOR: port
/// "The port gave the same transcript": every client saw the same lines,
/// in the same order, from both servers.
pub fn same_transcript(threaded: &GameRun, ported: &GameRun) -> Verdict {
    Verdict::from(!threaded.transcripts.is_empty() && threaded.transcripts == ported.transcripts)
}

/// "All on one thread": every connection and every client ran on the same
/// thread.
pub fn on_one_thread(run: &GameRun) -> Verdict {
    let mut threads = run.served_on.iter().chain(&run.clients_on);
    Verdict::from(match threads.next() {
        Some(first) => threads.all(|id| id == first),
        None => false,
    })
}
// ANCHOR_END: port

// ANCHOR: anatomy
/// "Creating the future ran none of its body": the flag the body sets
/// first is still down.
pub fn nothing_ran_before_the_first_poll(started: &Cell<bool>) -> Verdict {
    Verdict::from(!started.get())
}

/// "The future is at least `bytes` big": what it keeps across an `.await`
/// is inside it.
pub fn at_least(future_size: usize, bytes: usize) -> Verdict {
    Verdict::from(future_size >= bytes)
}

/// "The future is under `bytes`".
pub fn smaller_than(future_size: usize, bytes: usize) -> Verdict {
    Verdict::from(future_size < bytes)
}
// ANCHOR_END: anatomy
