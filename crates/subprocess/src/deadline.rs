//! A deadline for a child, then SIGTERM, then SIGKILL (the section
//! `a_child_that_never_finishes_is_terminated`, and `Pipeline::timeout`).
//!
//! std can wait for a child for ever (`wait`) or not at all (`try_wait`),
//! and can end it only with SIGKILL (`kill`). A child that may hang needs
//! the steps in between: [`wait_timeout`] waits for at most a deadline, and
//! [`terminate`] asks politely, gives the child a grace period to clean up,
//! and only then insists. Both leave the child reaped when they report how
//! it ended.

use std::io;
use std::process::{Child, ExitStatus};
use std::thread;
use std::time::{Duration, Instant};

use nix::sys::signal::{self, Signal};

use crate::pid;

// ANCHOR: wait_timeout
/// Waits for `child` to exit, for at most `timeout`: `Some(status)` if it
/// exited (and is now reaped), `None` if it is still running.
///
/// std has no wait-with-timeout, and neither has POSIX `waitpid`. The ways to
/// wait for "exit or deadline" without polling are either process-wide (a
/// `SIGCHLD` handler) or platform-specific (`pidfd` on Linux, `kqueue` on
/// macOS), so this polls `try_wait`, sleeping 1 ms, then 2, 4, ... up to
/// 20 ms between polls: quick to notice a short child, cheap for a long one.
/// CPython's `Popen.wait(timeout=...)` does the same, capped at 50 ms.
///
/// ```
/// use std::process::Command;
/// use std::time::Duration;
///
/// let mut child = Command::new("sleep").arg("5").spawn()?;
/// assert!(subprocess::wait_timeout(&mut child, Duration::from_millis(20))?.is_none());
/// child.kill()?; // still running: we must end it, and reap it
/// child.wait()?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn wait_timeout(child: &mut Child, timeout: Duration) -> io::Result<Option<ExitStatus>> {
    let deadline = Instant::now() + timeout;
    let mut pause = Duration::from_millis(1);
    loop {
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
// ANCHOR_END: wait_timeout

// ANCHOR: terminate
/// How [`terminate`] ended a child. Each variant holds the reaped child's
/// exit status, which says what really happened (see [`describe`](crate::describe)).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stopped {
    /// It had already exited; it was not signalled.
    Exited(ExitStatus),
    /// It ended within the grace period after SIGTERM.
    Terminated(ExitStatus),
    /// It was still running when the grace period ran out (it ignored or
    /// handled SIGTERM), so it got SIGKILL, which cannot be ignored.
    Killed(ExitStatus),
}

impl Stopped {
    /// The exit status of the reaped child.
    pub fn status(self) -> ExitStatus {
        match self {
            Stopped::Exited(status) | Stopped::Terminated(status) | Stopped::Killed(status) => {
                status
            }
        }
    }
}

/// Asks `child` to stop with SIGTERM, gives it `grace` to do so, then sends
/// SIGKILL; reaps it either way. Python's `proc.terminate()`, `proc.wait()`,
/// and the escalation to `proc.kill()` Python leaves to you.
///
/// std's `Child::kill` sends only SIGKILL, which gives the child no chance to
/// clean up (remove its temporary files, flush its output); SIGTERM comes
/// from `nix`.
///
/// ```
/// use std::os::unix::process::ExitStatusExt;
/// use std::process::Command;
/// use std::time::Duration;
/// use subprocess::Stopped;
///
/// let mut child = Command::new("sleep").arg("5").spawn()?;
/// let stopped = subprocess::terminate(&mut child, Duration::from_secs(1))?;
/// assert!(matches!(stopped, Stopped::Terminated(status) if status.signal() == Some(15)));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn terminate(child: &mut Child, grace: Duration) -> io::Result<Stopped> {
    if let Some(status) = child.try_wait()? {
        return Ok(Stopped::Exited(status));
    }
    // Signalling by pid is safe here: a pid is only recycled after its
    // process has been reaped, and only `child` can reap this one, which we
    // hold by `&mut`. (Once reaped, the pid may name a stranger: never keep
    // a pid around to signal later.)
    signal::kill(pid(child), Signal::SIGTERM)?;
    if let Some(status) = wait_timeout(child, grace)? {
        return Ok(Stopped::Terminated(status));
    }
    child.kill()?; // SIGKILL
    Ok(Stopped::Killed(child.wait()?))
}
// ANCHOR_END: terminate
