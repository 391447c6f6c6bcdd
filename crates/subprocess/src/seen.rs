//! What other processes can read about a running child (the section
//! `stdin_in_stdout_out_secret_in_the_environment`): the
//! evidence that a secret belongs in the environment, never in argv.
//!
//! The lesson does not take "arguments are public" on trust, nor check the
//! `Command` it built (which holds what the parent *meant* to pass): it
//! reads, while the child runs, what `ps` would read.

use std::io;
#[cfg(not(target_os = "linux"))]
use std::process::Command as Ps;
#[cfg(target_os = "linux")]
use std::thread;
#[cfg(target_os = "linux")]
use std::time::{Duration, Instant};

// ANCHOR: seen_from_outside
/// What any process of the same user can read about a running process:
/// its arguments and, where the OS shows it, its environment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    /// The arguments, program name first: NUL-separated from
    /// `/proc/<pid>/cmdline` on Linux, space-separated from `ps` elsewhere.
    pub argv: Vec<u8>,
    /// `NAME=value` entries, NUL-separated, from `/proc/<pid>/environ` on
    /// Linux; `None` where the OS does not show it.
    pub environment: Option<Vec<u8>>,
}

/// Where [`seen_from_outside`] reads, in words, for the lesson to print.
#[cfg(target_os = "linux")]
pub const SEEN_FROM: &str =
    "their argv (/proc/<pid>/cmdline) and environment (/proc/<pid>/environ)";
/// Where [`seen_from_outside`] reads, in words, for the lesson to print.
#[cfg(not(target_os = "linux"))]
pub const SEEN_FROM: &str = "their argv (ps -o args=); their environment is not readable here";

/// Reads what other processes can see of the running process `pid`, as
/// `ps` would show it: the reason a secret belongs in the environment (or
/// on stdin), never in argv.
///
/// Right after `spawn()` returns, the kernel may still be laying out the
/// new program's stack: for a moment its argv and environment read as
/// empty. So this reads again, every millisecond, until both show (for at
/// most two seconds: a child may have an empty environment). A process
/// whose argv stays empty is not running, and that is an error: an empty
/// argv would hold no secret, and prove nothing.
///
/// ```
/// use std::process::{Command, Stdio};
///
/// let mut cat = Command::new("cat").arg("-").stdin(Stdio::piped()).spawn()?;
/// let seen = subprocess::seen_from_outside(cat.id())?;
/// assert!(seen.argv.starts_with(b"cat"));
/// drop(cat.stdin.take()); // end of file: cat exits
/// cat.wait()?;
/// # Ok::<(), std::io::Error>(())
/// ```
#[cfg(target_os = "linux")]
pub fn seen_from_outside(pid: u32) -> io::Result<Seen> {
    let deadline = Instant::now() + Duration::from_secs(2);
    loop {
        let argv = std::fs::read(format!("/proc/{pid}/cmdline"))?;
        let environment = match std::fs::read(format!("/proc/{pid}/environ")) {
            Ok(bytes) => Some(bytes),
            Err(err) if err.kind() == io::ErrorKind::PermissionDenied => None,
            Err(err) => return Err(err),
        };
        let shown = !argv.is_empty() && environment.as_ref().is_none_or(|env| !env.is_empty());
        if shown || (!argv.is_empty() && Instant::now() >= deadline) {
            return Ok(Seen { argv, environment });
        }
        if Instant::now() >= deadline {
            return Err(io::Error::other(format!(
                "process {pid} shows no argv: it is not running"
            )));
        }
        thread::sleep(Duration::from_millis(1));
    }
}

/// Reads what other processes can see of the running process `pid`, as
/// `ps` would show it (see the Linux version's documentation).
#[cfg(not(target_os = "linux"))]
pub fn seen_from_outside(pid: u32) -> io::Result<Seen> {
    let out = Ps::new()
        .args(["-o", "args=", "-p", &pid.to_string()])
        .output()?;
    if !out.status.success() {
        return Err(io::Error::other(format!("ps found no process {pid}")));
    }
    Ok(Seen {
        argv: out.stdout,
        environment: None,
    })
}
// ANCHOR_END: seen_from_outside
