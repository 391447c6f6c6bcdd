//! The checks behind every `yes`/`no` the lesson prints: one function per
//! claim, named after it, returning a [`Verdict`]. Each function's doc names
//! the section it serves by its anchor (`run_and_capture`, `fan_out`...).
//!
//! The lesson's sections print what these return. `tests/verdicts.rs` holds a
//! control for each function, `verdict_<name>_can_fail`: it runs the broken
//! variant for real (children one after the other, a key passed in argv, a
//! stage that fails, a child left unreaped...), hands its evidence to the
//! same function and asserts the answer opposite to the snapshot's. The
//! control of `no_child_left` asks about every child of its process, so it
//! has a test binary of its own, `tests/no_child_left.rs`.

use std::process::{ExitStatus, Output};
use std::time::Duration;

use nix::errno::Errno;
use nix::sys::wait::{WaitPidFlag, WaitStatus, waitpid};
use nix::unistd::Pid;

pub use kit::Verdict;

use crate::{PipelineOutput, Seen, Stopped};

/// `run_and_capture`: the child exited with status 0.
pub fn succeeded(status: ExitStatus) -> Verdict {
    Verdict::from(status.success())
}

/// `poll`: the parent got `rounds` of its own work done between polls.
pub fn worked_while_child_ran(rounds: u32) -> Verdict {
    Verdict::from(rounds > 0)
}

/// `fan_out`: every child exited with status 0.
pub fn all_succeeded(statuses: impl IntoIterator<Item = ExitStatus>) -> Verdict {
    Verdict::from(statuses.into_iter().all(|status| status.success()))
}

/// `fan_out`: `children` children that each sleep `nap` finished in `took`.
/// One after the other they need `children` naps; "in parallel" is anything
/// under half that, a bound a loaded machine still meets.
pub fn ran_in_parallel(took: Duration, nap: Duration, children: u32) -> Verdict {
    Verdict::from(took < nap * children / 2)
}

/// `stdin_and_env`: `key` appears in no child's argv, as another process
/// sees it ([`crate::seen_from_outside`]). Anywhere in it:
/// `-pass pass:KEY` counts.
pub fn key_in_no_argv(children: &[Seen], key: &str) -> Verdict {
    Verdict::from(
        !children
            .iter()
            .any(|seen| contains(&seen.argv, key.as_bytes())),
    )
}

/// `stdin_and_env`: every child's environment holds `var=key`. A child
/// whose environment could not be read (the OS does not show it) counts as
/// "no": call it only where [`environments_readable`] says they are.
pub fn key_in_every_environment(children: &[Seen], var: &str, key: &str) -> Verdict {
    let entry = format!("{var}={key}");
    Verdict::from(children.iter().all(|seen| {
        seen.environment.as_ref().is_some_and(|environment| {
            environment
                .split(|byte| *byte == 0)
                .any(|item| item == entry.as_bytes())
        })
    }))
}

/// Whether the OS showed every child's environment to us (Linux does,
/// through `/proc/<pid>/environ`; macOS does not). Not a verdict: it says
/// whether [`key_in_every_environment`] can be asked at all.
pub fn environments_readable(children: &[Seen]) -> bool {
    children.iter().all(|seen| seen.environment.is_some())
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    needle.is_empty()
        || haystack
            .windows(needle.len())
            .any(|window| window == needle)
}

/// `chain` and `deadlock`: every stage of `out` exited with status 0 and
/// it gave back exactly `expected`.
pub fn gives_back(out: &PipelineOutput, expected: &[u8]) -> Verdict {
    Verdict::from(out.success() && out.stdout == expected)
}

/// `stdin_and_env`: each message, encrypted by one helper child and
/// decrypted by another (`decrypted`, in the order of `messages`), came back
/// as it was, every helper exiting with status 0.
pub fn each_decrypts_to_its_message(decrypted: &[PipelineOutput], messages: &[&str]) -> Verdict {
    Verdict::from(
        decrypted.len() == messages.len()
            && decrypted
                .iter()
                .zip(messages)
                .all(|(out, message)| gives_back(out, message.as_bytes()).is_yes()),
    )
}

/// `chain`: every stage exited with status 0 (bash's `pipefail`).
pub fn every_stage_succeeded(out: &PipelineOutput) -> Verdict {
    Verdict::from(out.success())
}

/// `chain`: both pipelines succeeded and wrote the same bytes.
pub fn byte_identical(ours: &PipelineOutput, theirs: &PipelineOutput) -> Verdict {
    Verdict::from(ours.success() && theirs.success() && ours.stdout == theirs.stdout)
}

/// `deadlock`: the pipes took only `accepted` bytes of `total` before a
/// write would block, so writing all of it before reading never finishes.
pub fn would_block_before(accepted: usize, total: usize) -> Verdict {
    Verdict::from(accepted < total)
}

/// `deadlock`: the child echoed back as many bytes as it was given.
pub fn every_byte_came_back(echoed: usize, accepted: usize) -> Verdict {
    Verdict::from(echoed == accepted)
}

/// `deadlock`: the child succeeded and `len` bytes were read from each of
/// its stdout and its stderr.
pub fn read_both(out: &Output, len: usize) -> Verdict {
    Verdict::from(out.status.success() && out.stdout.len() == len && out.stderr.len() == len)
}

/// `timeout`: a wait that gave up had waited at least its timeout.
pub fn waited_at_least(waited: Duration, timeout: Duration) -> Verdict {
    Verdict::from(waited >= timeout)
}

/// `timeout`: SIGTERM was not enough, and the child got SIGKILL.
pub fn escalated_to_sigkill(stopped: Stopped) -> Verdict {
    Verdict::from(matches!(stopped, Stopped::Killed(_)))
}

/// `reaped`: a `waitpid(pid)` after the `Child` was dropped still found the
/// exited child: no one had reaped it.
pub fn still_ours_to_reap(found: nix::Result<WaitStatus>, pid: Pid) -> Verdict {
    Verdict::from(found == Ok(WaitStatus::Exited(pid, 0)))
}

/// `reaped`: `pid` is no child of ours any more, not even a zombie: it has
/// been reaped. (Asking may reap it: a zombie is reaped by the question.)
pub fn reaped(pid: Pid) -> Verdict {
    Verdict::from(waitpid(pid, Some(WaitPidFlag::WNOHANG)) == Err(Errno::ECHILD))
}

/// `reaped`: this process has no child at all, running or zombie.
/// (Like [`reaped`], asking reaps a zombie if there is one.)
pub fn no_child_left() -> Verdict {
    Verdict::from(waitpid(None, Some(WaitPidFlag::WNOHANG)) == Err(Errno::ECHILD))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(argv: &[u8], environment: Option<&[u8]>) -> Seen {
        Seen {
            argv: argv.to_vec(),
            environment: environment.map(<[u8]>::to_vec),
        }
    }

    #[test]
    fn an_unreadable_environment_is_not_taken_for_a_key() {
        let children = [seen(b"helper\0", None)];
        assert!(!environments_readable(&children));
        assert_eq!(key_in_every_environment(&children, "K", "v"), Verdict::No);
        let children = [seen(b"helper\0", Some(b"A=1\0K=v\0"))];
        assert!(environments_readable(&children));
        assert_eq!(key_in_every_environment(&children, "K", "v"), Verdict::Yes);
        // The whole entry must match, not a prefix of it.
        let children = [seen(b"helper\0", Some(b"K=vv\0"))];
        assert_eq!(key_in_every_environment(&children, "K", "v"), Verdict::No);
    }
}
