//! expect: check its exit status
//! Returns whatever the child printed, without looking at its exit status:
//! `exit 3` passes for success. (Caught by the tests:
//! `a_non_zero_exit_is_an_error_with_its_code_and_stderr`.)

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

pub fn run(program: &str, args: &[&str]) -> Result<String, RunError> {
    let output = Command::new(program)
        .args(args)
        .output()
        .map_err(|source| match source.kind() {
            io::ErrorKind::NotFound => RunError::NotFound {
                program: program.to_owned(),
            },
            _ => RunError::Io {
                program: program.to_owned(),
                source,
            },
        })?;
    String::from_utf8(output.stdout).map_err(|_| RunError::NotText {
        program: program.to_owned(),
    })
}
