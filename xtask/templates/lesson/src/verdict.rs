//! Every `yes`/`no` the lesson prints, computed here from the evidence the
//! program gathered. `main.rs` prints what these functions return, and
//! `tests/verdicts.rs` runs a broken variant of each claim through the same
//! function and checks that it gives the other answer.

use kit::Verdict;

/// `threads_share_the_sum`: does the threads' total equal `1 + 2 + … + n`?
pub fn adds_up_to_one_through(n: u64, total: u64) -> Verdict {
    Verdict::from(total == n * (n + 1) / 2)
}
