//! Starting a child: `Command::spawn` and
//! `Command::output`, with an error that names the program.
//!
//! std's error for a missing program is a bare `io::Error`, "No such file or
//! directory", which does not say *which* file: in a pipeline of three
//! commands that is a guessing game. Python's `FileNotFoundError` names it;
//! [`SpawnError`] does too.

use std::fmt;
use std::io;
use std::process::{Child, Command, Output};

use nix::unistd::Pid;

// ANCHOR: spawn
/// Why a program could not be started. Unlike the bare `io::Error` from
/// [`Command::spawn`] ("No such file or directory"), it names the program.
#[derive(Debug)]
pub struct SpawnError {
    program: String,
    source: io::Error,
}

impl SpawnError {
    /// The program that could not be started, as it was given to `Command`.
    pub fn program(&self) -> &str {
        &self.program
    }

    /// What went wrong, as `std` reported it.
    pub fn kind(&self) -> io::ErrorKind {
        self.source.kind()
    }
}

impl fmt::Display for SpawnError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let program = &self.program;
        match self.source.kind() {
            io::ErrorKind::NotFound => write!(
                f,
                "could not start `{program}`: not found (is it installed, and on PATH?)"
            ),
            io::ErrorKind::PermissionDenied => write!(
                f,
                "could not start `{program}`: permission denied (is it executable?)"
            ),
            _ => write!(f, "could not start `{program}`: {}", self.source),
        }
    }
}

impl std::error::Error for SpawnError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// [`Command::spawn`], with an error that names the program.
///
/// ```
/// use std::process::Command;
///
/// let err = subprocess::spawn(&mut Command::new("no-such-program")).unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "could not start `no-such-program`: not found (is it installed, and on PATH?)"
/// );
/// ```
pub fn spawn(command: &mut Command) -> Result<Child, SpawnError> {
    let _spawning = trace::running("spawn"); // for the chapter's pictures
    command.spawn().map_err(|source| SpawnError {
        program: command.get_program().to_string_lossy().into_owned(),
        source,
    })
}

/// [`Command::output`], with an error that names the program: runs the
/// child to the end, reading its stdout and stderr at the same time.
pub fn output(command: &mut Command) -> Result<Output, SpawnError> {
    command.output().map_err(|source| SpawnError {
        program: command.get_program().to_string_lossy().into_owned(),
        source,
    })
}
// ANCHOR_END: spawn

/// The child's process id, as `nix` spells it.
pub fn pid(child: &Child) -> Pid {
    Pid::from_raw(i32::try_from(child.id()).expect("a pid always fits in pid_t"))
}
