//! The lesson's verdicts: each takes the evidence a run left behind and
//! answers its claim. `main.rs` prints what they return; every one has a
//! control test (`verdict_<name>_can_fail`) that feeds it a run where the
//! claim is false.

use std::collections::HashSet;
use std::ops::Range;
use std::process::ExitStatus;
use std::thread::ThreadId;
use std::time::Duration;

use crate::workload::{Pair, euclid};

/// Every answer is Euclid's gcd of its pair, and there is one per pair.
///
/// ```
/// use parallelism::verdict::agrees_with_euclid;
/// assert!(agrees_with_euclid(&[(12, 18), (9, 28)], &[6, 1]));
/// assert!(!agrees_with_euclid(&[(12, 18), (9, 28)], &[6, 3]));
/// assert!(!agrees_with_euclid(&[(12, 18), (9, 28)], &[6])); // one missing
/// ```
pub fn agrees_with_euclid(pairs: &[Pair], answers: &[u64]) -> bool {
    pairs.len() == answers.len()
        && pairs
            .iter()
            .zip(answers)
            .all(|(&pair, &answer)| euclid(pair) == answer)
}

/// A parallel run gave exactly the answers one thread gave, in the same order.
///
/// ```
/// use parallelism::verdict::same_answers;
/// assert!(same_answers(&[6, 1, 7], &[6, 1, 7]));
/// assert!(!same_answers(&[6, 1, 7], &[6, 7, 1])); // out of order
/// assert!(!same_answers(&[6, 1, 7], &[6, 1]));    // one lost
/// ```
pub fn same_answers(one_thread: &[u64], parallel: &[u64]) -> bool {
    one_thread == parallel
}

/// How many different threads appear in `threads`.
pub fn distinct_threads(threads: impl IntoIterator<Item = ThreadId>) -> usize {
    threads.into_iter().collect::<HashSet<_>>().len()
}

/// The work was shared out: more than one thread computed some of it.
///
/// ```
/// assert!(!parallelism::verdict::shared_out(1));
/// assert!(parallelism::verdict::shared_out(2));
/// ```
pub fn shared_out(threads_that_worked: usize) -> bool {
    threads_that_worked > 1
}

/// A pool has one thread per core the OS lets this process use
/// (`available_parallelism`), as rayon's global pool is built by default.
///
/// ```
/// assert!(parallelism::verdict::one_thread_per_core(2, 2));
/// assert!(!parallelism::verdict::one_thread_per_core(1, 2));
/// ```
pub fn one_thread_per_core(pool_threads: usize, cores: usize) -> bool {
    pool_threads == cores
}

/// Every view lies inside `whole`: the threads read the caller's memory in
/// place, and nothing was copied for them.
///
/// ```
/// use parallelism::verdict::read_in_place;
/// assert!(read_in_place(&(100..200), &[100..150, 150..200]));
/// assert!(!read_in_place(&(100..200), &[100..150, 900..950]));
/// ```
pub fn read_in_place(whole: &Range<usize>, views: &[Range<usize>]) -> bool {
    views
        .iter()
        .all(|view| whole.start <= view.start && view.end <= whole.end)
}

/// `expected` workers ran, and every one exited with status 0. (The caller
/// has waited for each, so each was reaped too.)
pub fn all_exited_cleanly(statuses: &[ExitStatus], expected: usize) -> bool {
    statuses.len() == expected && statuses.iter().all(ExitStatus::success)
}

/// Starting `dear` took longer than starting `cheap`.
///
/// ```
/// use std::time::Duration;
/// use parallelism::verdict::costs_more;
/// assert!(costs_more(Duration::from_micros(40), Duration::from_millis(1)));
/// assert!(!costs_more(Duration::from_millis(1), Duration::from_micros(40)));
/// ```
pub fn costs_more(cheap: Duration, dear: Duration) -> bool {
    dear > cheap
}

/// A verdict, as the snapshot shows it.
pub fn yes(claim: bool) -> &'static str {
    if claim { "yes" } else { "no" }
}
