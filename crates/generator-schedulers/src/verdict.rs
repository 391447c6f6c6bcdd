//! The verdicts the lesson prints, each computed here from the evidence, so
//! `main.rs` and the tests run the same check. Every one of them can come
//! out "no": `tests/verdicts.rs` feeds each a case where its claim is false
//! (a scheduler that does not take turns, actors that call each other
//! directly, a task that awaits instead of blocking) and checks that it says
//! so.

use std::time::Duration;

use crate::actor::StackReport;

/// `yes` or `no`, as the lesson prints a verdict.
pub fn yes_no(claim: bool) -> &'static str {
    if claim { "yes" } else { "no" }
}

/// Two runs printed the same lines in the same order (and printed some).
pub fn same_lines(these: &[String], those: &[String]) -> bool {
    !these.is_empty() && these == those
}

/// The scheduler kept the stack flat: across its whole run the stack moved
/// less than a single nested call moves it in the direct version, measured
/// the same way, and no delivery ran inside another. The direct version
/// must show nesting, or the measure saw nothing and proves nothing.
pub fn kept_the_stack_flat(queued: &StackReport, direct: &StackReport) -> bool {
    let nested_calls = direct.deepest.saturating_sub(1);
    if nested_calls == 0 || direct.spread == 0 {
        return false;
    }
    let per_nested_call = direct.spread / nested_calls;
    queued.deepest == 1 && queued.spread < per_nested_call
}

/// The ticker stalled: some gap between two of its ticks lasted at least the
/// whole time the other task blocked.
pub fn stalled(longest_gap: Duration, blocked: Duration) -> bool {
    longest_gap >= blocked
}
