//! The answer to `subprocess-run`: run a child, get its text, or an error
//! that names it. (The exercise and its task: crates/subprocess/exercises/src/run.rs.)

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
    // `output()` runs the child to the end, reading stdout and stderr
    // together (no pipe can fill up), with stdin empty.
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
    // An exit status is a value, not an exception: look at it.
    if !output.status.success() {
        return Err(RunError::Failed {
            program: program.to_owned(),
            code: output.status.code(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        });
    }
    String::from_utf8(output.stdout).map_err(|_| RunError::NotText {
        program: program.to_owned(),
    })
}
