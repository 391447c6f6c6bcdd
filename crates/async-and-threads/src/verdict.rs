//! The lesson's verdicts, one function per claim: each takes the evidence a
//! section gathered (thread ids, a duration, the lines that came back, a
//! panic's message, the slow-poll log) and answers with a [`Verdict`].
//! `main.rs` prints what they return; `tests/verdicts.rs` runs a broken
//! variant of each section (the blocking call made on the task's thread,
//! lookups awaited one by one, a task that gives up early, a blocking
//! receive tokio cannot see, the sleep on the loop or off it, a task that
//! awaits or blocks) through the same function and checks that it answers
//! "no" (`verdict_<name>_can_fail`).

use std::fmt::Debug;
use std::ops::Range;
use std::thread::ThreadId;
use std::time::{Duration, Instant};

use kit::Verdict;

use crate::SlowPoll;

/// The code ran on a different thread from the one that asked for it.
///
/// ```
/// use async_and_threads::verdict::ran_on_another_thread;
/// use kit::Verdict;
/// let here = std::thread::current().id();
/// let there = std::thread::spawn(|| std::thread::current().id()).join().unwrap();
/// assert_eq!(ran_on_another_thread(here, there), Verdict::Yes);
/// assert_eq!(ran_on_another_thread(here, here), Verdict::No);
/// ```
pub fn ran_on_another_thread(asked_from: ThreadId, ran_on: ThreadId) -> Verdict {
    Verdict::from(asked_from != ran_on)
}

/// The future ran on the very thread that asked for it (as
/// `Handle::block_on` does), not on one of the runtime's workers (as a task
/// from `Handle::spawn` does).
///
/// ```
/// use async_and_threads::verdict::ran_on_the_calling_thread;
/// use kit::Verdict;
/// let here = std::thread::current().id();
/// let there = std::thread::spawn(|| std::thread::current().id()).join().unwrap();
/// assert_eq!(ran_on_the_calling_thread(here, here), Verdict::Yes);
/// assert_eq!(ran_on_the_calling_thread(here, there), Verdict::No);
/// ```
pub fn ran_on_the_calling_thread(caller: ThreadId, ran_on: ThreadId) -> Verdict {
    Verdict::from(caller == ran_on)
}

/// The blocking calls overlapped: each started before any of them ended,
/// so at one moment all of them were running (each on a thread of its own).
/// `calls` holds when each call started and ended.
///
/// Judged from the calls' own times rather than the total: on a busy
/// machine a pool thread can start late, and the total grows, but calls in
/// a row never share a moment and calls side by side always do.
///
/// ```
/// use std::time::{Duration, Instant};
/// use async_and_threads::verdict::overlapped;
/// use kit::Verdict;
/// let t = Instant::now();
/// let ms = |n| t + Duration::from_millis(n);
/// assert_eq!(overlapped(&[ms(0)..ms(30), ms(2)..ms(32), ms(5)..ms(35)]), Verdict::Yes);
/// assert_eq!(overlapped(&[ms(0)..ms(30), ms(30)..ms(60), ms(60)..ms(90)]), Verdict::No);
/// assert_eq!(overlapped(&[ms(0)..ms(30), ms(2)..ms(32), ms(31)..ms(61)]), Verdict::No);
/// ```
pub fn overlapped(calls: &[Range<Instant>]) -> Verdict {
    let latest_start = calls.iter().map(|call| call.start).max();
    let earliest_end = calls.iter().map(|call| call.end).min();
    Verdict::from(matches!((latest_start, earliest_end), (Some(start), Some(end)) if start < end))
}

/// Every item sent came back exactly once, in the order sent (as
/// `expected`, the transformation the task applies).
///
/// ```
/// use async_and_threads::verdict::came_back_in_order;
/// use kit::Verdict;
/// assert_eq!(came_back_in_order(&["A", "B"], &["A", "B"]), Verdict::Yes);
/// assert_eq!(came_back_in_order(&["A", "B"], &["B", "A"]), Verdict::No);
/// assert_eq!(came_back_in_order(&["A", "B"], &["A"]), Verdict::No);
/// ```
pub fn came_back_in_order<T: PartialEq + Debug>(expected: &[T], received: &[T]) -> Verdict {
    Verdict::from(expected == received)
}

/// A blocking call made inside async code panicked with tokio's message,
/// instead of blocking the thread that drives the tasks.
///
/// `outcome` is what `catch_unwind` returned around the call: `Err` holds
/// the panic's message.
///
/// ```
/// use async_and_threads::verdict::refused_to_block_a_runtime_thread;
/// use kit::Verdict;
/// let refused: Result<Option<u8>, String> = Err(
///     "Cannot block the current thread from within a runtime. This happens ...".into(),
/// );
/// assert_eq!(refused_to_block_a_runtime_thread(&refused), Verdict::Yes);
/// let returned: Result<Option<u8>, String> = Ok(Some(1));
/// assert_eq!(refused_to_block_a_runtime_thread(&returned), Verdict::No);
/// ```
pub fn refused_to_block_a_runtime_thread<T>(outcome: &Result<T, String>) -> Verdict {
    Verdict::from(outcome.as_ref().is_err_and(|message| {
        message.starts_with("Cannot block the current thread from within a runtime")
    }))
}

/// The loop stalled, since a tick came at least four fifths of the `block`
/// late, and only a task holding the thread that long can do that.
///
/// ```
/// use std::time::Duration;
/// use async_and_threads::verdict::loop_stalled;
/// use kit::Verdict;
/// let block = Duration::from_millis(100);
/// assert_eq!(loop_stalled(Duration::from_millis(91), block), Verdict::Yes);
/// assert_eq!(loop_stalled(Duration::from_millis(2), block), Verdict::No);
/// ```
pub fn loop_stalled(worst_lateness: Duration, block: Duration) -> Verdict {
    Verdict::from(worst_lateness >= block * 4 / 5)
}

/// The ticker stayed on time while something blocked for `block`
/// elsewhere, since no tick came even half of `block` late. (A free loop is
/// late by a millisecond or two; the bound leaves room for a loaded machine.)
///
/// ```
/// use std::time::Duration;
/// use async_and_threads::verdict::on_time;
/// use kit::Verdict;
/// let block = Duration::from_millis(100);
/// assert_eq!(on_time(Duration::from_millis(2), block), Verdict::Yes);
/// assert_eq!(on_time(Duration::from_millis(91), block), Verdict::No);
/// ```
pub fn on_time(worst_lateness: Duration, block: Duration) -> Verdict {
    Verdict::from(worst_lateness < block / 2)
}

/// The log holds a report on `task`.
///
/// ```
/// use std::time::Duration;
/// use async_and_threads::SlowPoll;
/// use async_and_threads::verdict::was_reported;
/// use kit::Verdict;
/// let report = SlowPoll {
///     task: "reader".into(),
///     poll: 1,
///     took: Duration::from_millis(80),
///     threshold: Duration::from_millis(50),
/// };
/// assert_eq!(was_reported(&[report.clone()], "reader"), Verdict::Yes);
/// assert_eq!(was_reported(&[report], "writer"), Verdict::No);
/// ```
pub fn was_reported(reports: &[SlowPoll], task: &str) -> Verdict {
    Verdict::from(reports.iter().any(|report| report.task == task))
}

/// The log holds no report on `task`.
///
/// ```
/// use async_and_threads::verdict::was_left_alone;
/// use kit::Verdict;
/// assert_eq!(was_left_alone(&[], "reader"), Verdict::Yes);
/// ```
pub fn was_left_alone(reports: &[SlowPoll], task: &str) -> Verdict {
    Verdict::from(!reports.iter().any(|report| report.task == task))
}
