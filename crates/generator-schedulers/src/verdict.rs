//! The verdicts the lesson prints, one function per claim, each computed
//! here from the evidence a section gathered, so `main.rs` and the tests run
//! the same check. Every one of them can come out "no": `tests/verdicts.rs`
//! runs a broken variant of each claim (an executor that does not take
//! turns, a counter wired to another scheduler's actor, actors that call
//! each other directly, a task that awaits instead of blocking) through the
//! same function and checks that it says so.

use std::time::Duration;

use kit::Verdict;

use crate::actor::StackReport;

/// Two runs printed the same lines in the same order (and printed some).
pub fn same_lines(these: &[String], those: &[String]) -> Verdict {
    Verdict::from(!these.is_empty() && these == those)
}

/// The scheduler kept the stack flat: across its whole run the stack moved
/// less than a single nested call moves it in the direct version, measured
/// the same way, and no delivery ran inside another. The direct version
/// must show nesting, or the measure saw nothing and proves nothing.
pub fn kept_the_stack_flat(queued: &StackReport, direct: &StackReport) -> Verdict {
    let nested_calls = direct.deepest.saturating_sub(1);
    if nested_calls == 0 || direct.spread == 0 {
        return Verdict::No;
    }
    let per_nested_call = direct.spread / nested_calls;
    Verdict::from(queued.deepest == 1 && queued.spread < per_nested_call)
}

/// The ticker stalled: some gap between two of its ticks lasted at least the
/// whole time the other task blocked.
pub fn stalled(longest_gap: Duration, blocked: Duration) -> Verdict {
    Verdict::from(longest_gap >= blocked)
}
