//! An exit status in words, and as Python's `returncode`.
//!
//! On Unix a process ends either with an exit code or by a signal, and
//! Python folds both into one number (minus the signal). The lesson prints
//! both spellings, so that its output can be read beside the Python one.

use std::os::unix::process::ExitStatusExt;
use std::process::ExitStatus;

use nix::sys::signal::Signal;

// ANCHOR: describe
/// An exit status in words: `exited with status 3`, or
/// `terminated by signal 15 (SIGTERM)`.
///
/// ```
/// use std::os::unix::process::ExitStatusExt;
/// use std::process::ExitStatus;
///
/// // A raw wait status: exit codes sit in the second byte, signals in the first.
/// assert_eq!(subprocess::describe(ExitStatus::from_raw(3 << 8)), "exited with status 3");
/// assert_eq!(
///     subprocess::describe(ExitStatus::from_raw(15)),
///     "terminated by signal 15 (SIGTERM)"
/// );
/// ```
pub fn describe(status: ExitStatus) -> String {
    if let Some(code) = status.code() {
        format!("exited with status {code}")
    } else if let Some(number) = status.signal() {
        match Signal::try_from(number) {
            Ok(signal) => format!("terminated by signal {number} ({})", signal.as_str()),
            Err(_) => format!("terminated by signal {number}"),
        }
    } else {
        // Stopped or continued: only reported when asked for (WUNTRACED).
        status.to_string()
    }
}

/// The exit status as Python's `returncode`: the exit code, or minus the
/// signal number that ended the process (`-15` for SIGTERM).
///
/// ```
/// use std::os::unix::process::ExitStatusExt;
/// use std::process::ExitStatus;
///
/// assert_eq!(subprocess::python_returncode(ExitStatus::from_raw(0)), 0);
/// assert_eq!(subprocess::python_returncode(ExitStatus::from_raw(15)), -15);
/// ```
pub fn python_returncode(status: ExitStatus) -> i32 {
    match (status.code(), status.signal()) {
        (Some(code), _) => code,
        (None, Some(signal)) => -signal,
        (None, None) => i32::MIN,
    }
}
// ANCHOR_END: describe

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describe_names_signals_and_codes() {
        assert_eq!(describe(ExitStatus::from_raw(0)), "exited with status 0");
        assert_eq!(
            describe(ExitStatus::from_raw(9)),
            "terminated by signal 9 (SIGKILL)"
        );
        assert_eq!(python_returncode(ExitStatus::from_raw(3 << 8)), 3);
        assert_eq!(python_returncode(ExitStatus::from_raw(9)), -9);
    }
}
