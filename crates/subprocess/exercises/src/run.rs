//! # Exercise `subprocess-run`: run a child, get its text, or an error that names it
//!
//! Read first, in book/src/subprocess.md (`cargo xtask learn` prints the
//! link to the section): "Run a child, capture its output, check its
//! status", and "A program that does not exist".
//!
//! Write [`run`]: run `program` with `args` to the end, with stdout and
//! stderr captured and stdin empty, and return
//!
//! - `Ok(stdout)`, decoded as UTF-8, when the child exits with status 0;
//! - `Err(RunError::NotFound { program })` when there is no such program:
//!   an error that says *which* program, never a panic;
//! - `Err(RunError::Failed { program, code, stderr })` when it exits with a
//!   non-zero code (`code: Some(3)`), or a signal ends it (`code: None`);
//!   `stderr` is what it wrote there, decoded lossily;
//! - `Err(RunError::NotText { program })` when it succeeded but its stdout is
//!   not UTF-8;
//! - `Err(RunError::Io { program, source })` when it could not be started
//!   for any other reason.
//!
//! `RunError` and its `Display` are written for you.
//!
//! Check it: `cargo xtask learn check subprocess-run`.

use std::fmt;
use std::io;
use std::process::Command;

/// Why [`run`] gave no text. Every variant names the program.
#[derive(Debug)]
pub enum RunError {
    /// There is no such program (Python: `FileNotFoundError`).
    NotFound { program: String },
    /// It ran, and failed: a non-zero exit code, or `code: None` when a
    /// signal ended it. `stderr` is what it said there (Python:
    /// `CalledProcessError`).
    Failed {
        program: String,
        code: Option<i32>,
        stderr: String,
    },
    /// It succeeded, but its stdout is not UTF-8 (Python: `UnicodeDecodeError`).
    NotText { program: String },
    /// It could not be started for another reason (permission denied, ...).
    Io { program: String, source: io::Error },
}

impl fmt::Display for RunError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RunError::NotFound { program } => {
                write!(f, "`{program}`: not found (is it installed, and on PATH?)")
            }
            RunError::Failed {
                program,
                code: Some(code),
                stderr,
            } => write!(f, "`{program}` failed with exit code {code}: {stderr}"),
            RunError::Failed {
                program, stderr, ..
            } => write!(f, "`{program}` was killed by a signal: {stderr}"),
            RunError::NotText { program } => {
                write!(f, "`{program}` printed bytes that are not UTF-8")
            }
            RunError::Io { program, source } => write!(f, "could not start `{program}`: {source}"),
        }
    }
}

impl std::error::Error for RunError {}

/// Runs `program` with `args` to the end, stdout and stderr captured, and
/// returns its stdout as text.
pub fn run(program: &str, args: &[&str]) -> Result<String, RunError> {
    // TODO: `Command::new(program).args(args)`, then run it to the end with
    // both streams captured. Which `io::ErrorKind` means "no such program"?
    // TODO: look at the exit status before you look at the output.
    // TODO: decode stdout; bytes that are not UTF-8 are an error, not `?`.
    todo!("run")
}
