//! expect: survivor
//! Sends no signal at all: at the deadline it returns, and the `Child` is
//! dropped, as if dropping it stopped the child. It does not: `sleep 5`
//! runs on. (Caught by the tests:
//! `a_child_past_its_deadline_gets_sigterm_and_is_reaped`.)

use std::io;
use std::process::{Child, Command, ExitStatus};
use std::thread;
use std::time::{Duration, Instant};

/// How a child run by [`run_with_deadline`] ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// It exited by itself before the deadline, with this status.
    Exited(ExitStatus),
    /// The deadline passed; it ended within the grace period after SIGTERM.
    Terminated,
    /// It was still running when the grace period ran out: SIGKILL.
    Killed,
}

/// A child [`run_with_deadline`] started and reaped: its process id (the
/// tests check that nothing is left of it), and how it ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Finished {
    pub pid: u32,
    pub ended: Ended,
}

/// Waits for `child` for at most `timeout`: `Some(status)` if it exited (it
/// is then reaped), `None` if it is still running.
pub fn wait_timeout(child: &mut Child, timeout: Duration) -> io::Result<Option<ExitStatus>> {
    let deadline = Instant::now() + timeout;
    let mut pause = Duration::from_millis(1);
    loop {
        // `try_wait` reaps the child if it has exited.
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        let now = Instant::now();
        if now >= deadline {
            return Ok(None);
        }
        thread::sleep(pause.min(deadline - now));
        pause = (pause * 2).min(Duration::from_millis(20));
    }
}

/// Starts `command` and waits for it until `deadline`; if it is still
/// running then, sends SIGTERM and gives it `grace` to end, then SIGKILL.
/// The child is reaped before this returns, whichever way it ended.
pub fn run_with_deadline(
    command: &mut Command,
    deadline: Duration,
    grace: Duration,
) -> io::Result<Finished> {
    let mut child = command.spawn()?;
    let pid = child.id();
    if let Some(status) = wait_timeout(&mut child, deadline)? {
        return Ok(Finished {
            pid,
            ended: Ended::Exited(status),
        });
    }
    // Past the deadline: the `Child` is dropped on the way out, and that
    // surely ends it? (It does not: std's `Child` has no `Drop`.)
    Ok(Finished {
        pid,
        ended: Ended::Terminated,
    })
}
