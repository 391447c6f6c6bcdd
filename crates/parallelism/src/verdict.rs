//! The lesson's verdicts, one function per claim: each takes the evidence a
//! run left behind and answers its claim with a [`Verdict`]. `main.rs`
//! prints what they return; `tests/verdicts.rs` runs a broken variant of
//! each claim (a gcd that finds the smallest common divisor, a failing
//! worker, a pool of one thread, threads handed copies, …) through the same
//! function and checks that it answers "no" (`verdict_<name>_can_fail`).

use std::collections::HashSet;
use std::ops::Range;
use std::process::ExitStatus;
use std::thread::ThreadId;
use std::time::Duration;

use kit::Verdict;

use crate::workload::{Pair, euclid};

/// Every answer is Euclid's gcd of its pair, and there is one per pair.
///
/// ```
/// use kit::Verdict;
/// use parallelism::verdict::agrees_with_euclid;
/// assert_eq!(agrees_with_euclid(&[(12, 18), (9, 28)], &[6, 1]), Verdict::Yes);
/// assert_eq!(agrees_with_euclid(&[(12, 18), (9, 28)], &[6, 3]), Verdict::No);
/// assert_eq!(agrees_with_euclid(&[(12, 18), (9, 28)], &[6]), Verdict::No); // one missing
/// ```
pub fn agrees_with_euclid(pairs: &[Pair], answers: &[u64]) -> Verdict {
    Verdict::from(
        pairs.len() == answers.len()
            && pairs
                .iter()
                .zip(answers)
                .all(|(&pair, &answer)| euclid(pair) == answer),
    )
}

/// A parallel run gave exactly the answers one thread gave, in the same order.
///
/// ```
/// use kit::Verdict;
/// use parallelism::verdict::same_answers;
/// assert_eq!(same_answers(&[6, 1, 7], &[6, 1, 7]), Verdict::Yes);
/// assert_eq!(same_answers(&[6, 1, 7], &[6, 7, 1]), Verdict::No); // out of order
/// assert_eq!(same_answers(&[6, 1, 7], &[6, 1]), Verdict::No); // one lost
/// ```
pub fn same_answers(one_thread: &[u64], parallel: &[u64]) -> Verdict {
    Verdict::from(one_thread == parallel)
}

/// How many different threads appear in `threads`: the evidence for
/// [`shared_out`].
pub fn distinct_threads(threads: impl IntoIterator<Item = ThreadId>) -> usize {
    threads.into_iter().collect::<HashSet<_>>().len()
}

/// The work was shared out: more than one thread computed some of it.
///
/// ```
/// use kit::Verdict;
/// use parallelism::verdict::shared_out;
/// assert_eq!(shared_out(1), Verdict::No);
/// assert_eq!(shared_out(2), Verdict::Yes);
/// ```
pub fn shared_out(threads_that_worked: usize) -> Verdict {
    Verdict::from(threads_that_worked > 1)
}

/// A pool has one thread per core the OS lets this process use
/// (`available_parallelism`), as rayon's global pool is built by default.
///
/// ```
/// use kit::Verdict;
/// use parallelism::verdict::one_thread_per_core;
/// assert_eq!(one_thread_per_core(2, 2), Verdict::Yes);
/// assert_eq!(one_thread_per_core(1, 2), Verdict::No);
/// ```
pub fn one_thread_per_core(pool_threads: usize, cores: usize) -> Verdict {
    Verdict::from(pool_threads == cores)
}

/// Every view lies inside `whole`: the threads read the caller's memory in
/// place, and nothing was copied for them.
///
/// ```
/// use kit::Verdict;
/// use parallelism::verdict::read_in_place;
/// assert_eq!(read_in_place(&(100..200), &[100..150, 150..200]), Verdict::Yes);
/// assert_eq!(read_in_place(&(100..200), &[100..150, 900..950]), Verdict::No);
/// ```
pub fn read_in_place(whole: &Range<usize>, views: &[Range<usize>]) -> Verdict {
    Verdict::from(
        views
            .iter()
            .all(|view| whole.start <= view.start && view.end <= whole.end),
    )
}

/// `expected` workers ran, and every one exited with status 0. (The caller
/// has waited for each, so each was reaped too.)
pub fn all_exited_cleanly(statuses: &[ExitStatus], expected: usize) -> Verdict {
    Verdict::from(statuses.len() == expected && statuses.iter().all(ExitStatus::success))
}

/// Starting `dear` took more CPU time than starting `cheap`.
///
/// ```
/// use std::time::Duration;
/// use kit::Verdict;
/// use parallelism::verdict::costs_more;
/// assert_eq!(costs_more(Duration::from_micros(40), Duration::from_millis(1)), Verdict::Yes);
/// assert_eq!(costs_more(Duration::from_millis(1), Duration::from_micros(40)), Verdict::No);
/// ```
pub fn costs_more(cheap: Duration, dear: Duration) -> Verdict {
    Verdict::from(dear > cheap)
}
