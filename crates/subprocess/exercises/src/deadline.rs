//! # Exercise `subprocess-deadline`: a deadline, then SIGTERM, and reap
//!
//! Read first, in book/src/subprocess.md (`cargo xtask learn` prints the
//! link to the section): "A child that never finishes: a deadline, then
//! SIGTERM", and "Every child is reaped".
//!
//! Write two functions:
//!
//! - [`wait_timeout`]: wait for a child for at most `timeout`. std has no
//!   such wait: poll `Child::try_wait`, sleeping a little between polls.
//!   `Some(status)` if it exited, `None` if it still runs after `timeout`.
//! - [`run_with_deadline`]: start `command`; if it has not exited by
//!   `deadline`, ask it to stop with SIGTERM (`nix::sys::signal::kill`: std's
//!   `Child::kill` only sends SIGKILL, which gives the child no chance to
//!   clean up), give it `grace` to end, and only then SIGKILL. Report how it
//!   ended and its pid.
//!
//! Whatever happens, nothing of the child may be left when
//! `run_with_deadline` returns: not a *survivor* (still running: dropping a
//! `Child` does not stop it) and not a *zombie* (ended, but never waited
//! for: a signal ends a child, only a wait reaps it). The tests look for
//! both, by the pid you return.
//!
//! A deadline is kept on time, too: the tests time each wait, and one that
//! takes twice its time (SIGTERM at twice the deadline, SIGKILL at twice the
//! grace period) is as wrong as one that never ends.
//!
//! Check it: `cargo xtask learn check subprocess-deadline`.

use std::io;
use std::process::{Child, Command, ExitStatus};
use std::thread;
use std::time::{Duration, Instant};

use nix::sys::signal::{self, Signal};
use nix::unistd::Pid;

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
    // TODO: loop: `child.try_wait()?` (it reaps the child if it has exited);
    // stop at the deadline; sleep a little between polls (1 ms, doubling up
    // to 20 ms, is quick for a short child and cheap for a long one).
    todo!("wait_timeout")
}

/// Starts `command` and waits for it until `deadline`; if it is still
/// running then, sends SIGTERM and gives it `grace` to end, then SIGKILL.
/// The child is reaped before this returns, whichever way it ended.
pub fn run_with_deadline(
    command: &mut Command,
    deadline: Duration,
    grace: Duration,
) -> io::Result<Finished> {
    // TODO: spawn; `wait_timeout` up to `deadline`; if it exited, done.
    // TODO: otherwise SIGTERM: `signal::kill(Pid::from_raw(pid), Signal::SIGTERM)`,
    // then `wait_timeout` up to `grace`.
    // TODO: still running? SIGKILL (`child.kill()`), and then? A killed child
    // is not yet a reaped one.
    todo!("run_with_deadline")
}
