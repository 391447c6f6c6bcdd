//! The checks behind every `yes`/`no` the lesson prints.
//!
//! `main.rs` prints what these return; `tests/verdicts.rs` runs a broken
//! variant for each (children started one after the other, a key passed in
//! argv, a child left unreaped, a stage that fails) and watches the answer
//! flip. A verdict that could only ever say `yes` would prove nothing.

use std::process::{ExitStatus, Output};
use std::time::Duration;

use nix::errno::Errno;
use nix::sys::wait::{WaitPidFlag, WaitStatus, waitpid};
use nix::unistd::Pid;

use crate::{PipelineOutput, Seen, Stopped};

/// `yes` or `no`, as the lesson prints a verdict.
pub fn yes_no(claim: bool) -> &'static str {
    if claim { "yes" } else { "no" }
}

/// Section 1: the child exited with status 0.
pub fn succeeded(status: ExitStatus) -> bool {
    status.success()
}

/// Section 2: the parent got `rounds` of its own work done between polls.
pub fn worked_while_child_ran(rounds: u32) -> bool {
    rounds > 0
}

/// Section 3: every child exited with status 0.
pub fn all_succeeded(statuses: impl IntoIterator<Item = ExitStatus>) -> bool {
    statuses.into_iter().all(|status| status.success())
}

/// Section 3: `children` children that each sleep `nap` finished in `took`.
/// One after the other they need `children` naps; "in parallel" is anything
/// under half that, a bound a loaded machine still meets.
pub fn ran_in_parallel(took: Duration, nap: Duration, children: u32) -> bool {
    took < nap * children / 2
}

/// Section 4: `key` appears in no child's argv, as another process sees it
/// ([`crate::seen_from_outside`]). Anywhere in it: `-pass pass:KEY` counts.
pub fn key_in_no_argv(children: &[Seen], key: &str) -> bool {
    !children
        .iter()
        .any(|seen| contains(&seen.argv, key.as_bytes()))
}

/// Section 4: every child's environment holds `var=key`; `None` where the
/// OS does not let us read a process's environment.
pub fn key_in_every_environment(children: &[Seen], var: &str, key: &str) -> Option<bool> {
    let entry = format!("{var}={key}");
    let mut every = true;
    for seen in children {
        let environment = seen.environment.as_ref()?;
        every &= environment
            .split(|byte| *byte == 0)
            .any(|item| item == entry.as_bytes());
    }
    Some(every)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    needle.is_empty()
        || haystack
            .windows(needle.len())
            .any(|window| window == needle)
}

/// Sections 4, 5 and 6: every stage of `out` exited with status 0 and it
/// gave back exactly `expected`.
pub fn gives_back(out: &PipelineOutput, expected: &[u8]) -> bool {
    out.success() && out.stdout == expected
}

/// Section 5: every stage exited with status 0 (bash's `pipefail`).
pub fn every_stage_succeeded(out: &PipelineOutput) -> bool {
    out.success()
}

/// Section 5: both pipelines succeeded and wrote the same bytes.
pub fn byte_identical(ours: &PipelineOutput, theirs: &PipelineOutput) -> bool {
    ours.success() && theirs.success() && ours.stdout == theirs.stdout
}

/// Section 6: the pipes took only `accepted` bytes of `total` before a
/// write would block, so writing all of it before reading never finishes.
pub fn would_block_before(accepted: usize, total: usize) -> bool {
    accepted < total
}

/// Section 6: the child echoed back as many bytes as it was given.
pub fn every_byte_came_back(echoed: usize, accepted: usize) -> bool {
    echoed == accepted
}

/// Section 6: the child succeeded and `len` bytes were read from each of
/// its stdout and its stderr.
pub fn read_both(out: &Output, len: usize) -> bool {
    out.status.success() && out.stdout.len() == len && out.stderr.len() == len
}

/// Section 7: a wait that gave up had waited at least its timeout.
pub fn waited_at_least(waited: Duration, timeout: Duration) -> bool {
    waited >= timeout
}

/// Section 7: SIGTERM was not enough, and the child got SIGKILL.
pub fn escalated_to_sigkill(stopped: Stopped) -> bool {
    matches!(stopped, Stopped::Killed(_))
}

/// Section 9: a `waitpid(pid)` after the `Child` was dropped still found the
/// exited child: no one had reaped it.
pub fn still_ours_to_reap(found: nix::Result<WaitStatus>, pid: Pid) -> bool {
    found == Ok(WaitStatus::Exited(pid, 0))
}

/// Section 9: `pid` is no child of ours any more, not even a zombie: it has
/// been reaped. (Asking may reap it: a zombie is reaped by the question.)
pub fn reaped(pid: Pid) -> bool {
    waitpid(pid, Some(WaitPidFlag::WNOHANG)) == Err(Errno::ECHILD)
}

/// Section 9: this process has no child at all, running or zombie.
/// (Like [`reaped`], asking reaps a zombie if there is one.)
pub fn no_child_left() -> bool {
    waitpid(None, Some(WaitPidFlag::WNOHANG)) == Err(Errno::ECHILD)
}
