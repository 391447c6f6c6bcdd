//! What the course's snapshot tests and `cargo xtask` share: running a lesson
//! binary under a time limit, and the one list of redaction filters that turns
//! its output into a byte-stable snapshot.
//!
//! Each lesson has a `tests/output.rs` of this shape:
//!
//! ```no_run
//! #[test]
//! fn output_matches_snapshot() {
//!     harness::assert_lesson_output!("threads");
//! }
//! ```
//!
//! which runs `target/debug/threads`, redacts its stdout with [`FILTERS`] and
//! compares it with `crates/threads/tests/snapshots/threads.snap` (the file
//! the book shows). See `CONTRIBUTING.md` for the redaction format.
//!
//! ## Why the time limit is hand-written
//!
//! [`run_with_timeout`] keeps three guarantees, each with a test below: the
//! program's whole process group is killed at the limit; a program that
//! exits while a child still holds its stdout is named as having left it
//! running ([`RunError::LeftRunning`]); and both pipes are drained while it
//! runs, with reading that stops at the deadline even if a process outside
//! the group holds a pipe. No maintained crate gives the last one: every
//! crate that captures output (std's `wait_with_output` included) reads to
//! end-of-file, which is what hung the runner for 30 s before this. The
//! rest is small in std and `nix` (`process_group(0)` and one `killpg`), and
//! the crates that offer it would not make it smaller: `process-wrap` wraps
//! the group but has no wait with a time limit, so the loop and the drains
//! would stay; `wait-timeout` waits without polling, but installs a
//! process-wide `SIGCHLD` handler, a hidden side effect in the test binaries
//! of lessons that teach child processes and signals. The wait is therefore
//! a 10 ms `try_wait` poll, nothing next to a lesson's run.

pub mod compare;

pub use insta;
use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

/// How long a lesson may run before it is called hung and killed.
///
/// Lessons are written to finish in about two seconds; the rest is headroom
/// for a loaded two-core machine running debug builds.
pub const LESSON_TIMEOUT: Duration = Duration::from_secs(15);

/// The redaction filters, applied in order to every lesson's stdout before it
/// is compared with its snapshot: `(regex, replacement)`.
///
/// Only figures that truly vary from run to run are redacted, and a lesson
/// prints each one beside a verdict it computed, so the snapshot still proves
/// the claim. The figure formats are fixed by convention (`CONTRIBUTING.md`):
///
/// | printed                 | in the snapshot |
/// |-------------------------|-----------------|
/// | `12.3 ms`, `1.02 s`, `845 ns`, `3.1 µs` | `[time]` |
/// | `3.97x` (a speed-up or a ratio)   | `[ratio]` |
/// | `cores: 2`              | `cores: [n]`    |
/// | `~1234` (any count that varies)   | `~[n]`  |
pub const FILTERS: &[(&str, &str)] = &[
    // A duration: a number and a unit. `\b` keeps words such as "5 seconds" intact.
    (r"\b\d+(\.\d+)? ?(ns|µs|us|ms|s)\b", "[time]"),
    // A ratio or speed-up, written with a trailing `x` straight after the number.
    (r"\b\d+(\.\d+)?x\b", "[ratio]"),
    // The machine's core count.
    (r"\bcores: \d+\b", "cores: [n]"),
    // Any other figure that varies, marked by the lesson with a leading `~`.
    (r"~\d+(\.\d+)?", "~[n]"),
];

/// Applies [`FILTERS`] to `text`, as the snapshot tests do.
///
/// ```
/// let line = "ten children took 104.2 ms (one sleep: 100 ms): ran in parallel: yes";
/// assert_eq!(
///     harness::redact(line),
///     "ten children took [time] (one sleep: [time]): ran in parallel: yes",
/// );
/// ```
pub fn redact(text: &str) -> String {
    FILTERS
        .iter()
        .fold(text.to_owned(), |text, (pattern, replacement)| {
            let re =
                regex::Regex::new(pattern).expect("the filters are valid regexes: see the tests");
            re.replace_all(&text, *replacement).into_owned()
        })
}

/// The insta settings every lesson snapshot uses: the shared filters, and
/// snapshots named after the lesson alone (`tests/snapshots/<lesson>.snap`).
pub fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    for (pattern, replacement) in FILTERS {
        settings.add_filter(pattern, *replacement);
    }
    settings
}

/// What a finished lesson left behind.
#[derive(Debug)]
pub struct LessonRun {
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
}

/// Why a lesson run did not produce output to check.
#[derive(Debug)]
pub enum RunError {
    /// The binary could not be started at all.
    Spawn(std::io::Error),
    /// The lesson was still running at the time limit; its process group was
    /// killed.
    TimedOut { limit: Duration, stdout: String },
    /// The lesson exited, but something it started still held its output
    /// open at the time limit (a child it never reaped); its process group
    /// was killed.
    LeftRunning { limit: Duration, stdout: String },
}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RunError::Spawn(err) => write!(f, "could not start: {err}"),
            RunError::TimedOut { limit, stdout } => write!(
                f,
                "hung: still running after {limit:?}, killed with its process group\n\
                 its last output:\n{}",
                last_lines(stdout, 10)
            ),
            RunError::LeftRunning { limit, stdout } => write!(
                f,
                "left a process running: it exited, but a process it started still \
                 held its output after {limit:?}; killed with its process group\n\
                 its last output:\n{}",
                last_lines(stdout, 10)
            ),
        }
    }
}

impl std::error::Error for RunError {}

/// How long the output of a killed program is still read: whatever it wrote
/// before the kill is in the pipe already, so this is only for the reader
/// threads to catch up.
const READ_GRACE: Duration = Duration::from_millis(200);

/// Runs `command` to completion, capturing stdout and stderr, under a hard
/// time limit.
///
/// The program starts in a process group of its own. At `limit` the whole
/// group is killed, so a grandchild that inherited stdout (a `sleep` the
/// program started) cannot keep the pipe open, and reading stops at once:
/// this returns within `limit` plus a fraction of a second even if some
/// process escaped the group. A program that exits but leaves a process
/// holding its output is an error too ([`RunError::LeftRunning`]).
///
/// Both pipes are drained on their own threads while we wait, so a chatty
/// child can never block on a full pipe (the deadlock lesson `subprocess`
/// teaches).
pub fn run_with_timeout(mut command: Command, limit: Duration) -> Result<LessonRun, RunError> {
    let started = Instant::now();
    let deadline = started + limit;
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()
        .map_err(RunError::Spawn)?;
    let group = child.id();
    let stdout = Drain::start(child.stdout.take());
    let stderr = Drain::start(child.stderr.take());

    let Some(status) = wait_until(&mut child, deadline) else {
        kill_group(group);
        // Kill and reap the program itself too, in case killing the group
        // failed, so a hung lesson leaves no process behind.
        let _ = child.kill();
        let _ = child.wait();
        return Err(RunError::TimedOut {
            limit,
            stdout: stdout.output_within(READ_GRACE),
        });
    };
    // The program has exited; its output ends when every process that holds
    // the pipes has closed them.
    if !(stdout.ends_by(deadline) && stderr.ends_by(deadline)) {
        kill_group(group);
        return Err(RunError::LeftRunning {
            limit,
            stdout: stdout.output_within(READ_GRACE),
        });
    }
    Ok(LessonRun {
        status,
        stdout: stdout.output_within(Duration::ZERO),
        stderr: stderr.output_within(Duration::ZERO),
        elapsed: started.elapsed(),
    })
}

/// Sends SIGKILL to every process in the group `group` (the id of the
/// program, which leads it). A group that is already empty is fine.
fn kill_group(group: u32) {
    use nix::sys::signal::{Signal, killpg};
    use nix::unistd::Pid;
    let Ok(group) = i32::try_from(group) else {
        return; // not a pid this OS could have given: nothing to kill
    };
    let _ = killpg(Pid::from_raw(group), Signal::SIGKILL);
}

/// Polls `child` until it exits or `deadline` passes. std has no
/// wait-with-timeout, and 10 ms of polling is nothing next to a lesson's run.
fn wait_until(child: &mut Child, deadline: Instant) -> Option<ExitStatus> {
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Some(status),
            Ok(None) if Instant::now() < deadline => thread::sleep(Duration::from_millis(10)),
            Ok(None) | Err(_) => return None,
        }
    }
}

/// A pipe read to its end on a thread of its own, into a buffer that can be
/// read at any time: so the runner can stop waiting for end-of-file at its
/// deadline and still report what was written so far.
struct Drain {
    shared: Arc<(Mutex<Received>, Condvar)>,
}

/// What a drain has read so far, and whether the pipe has ended.
#[derive(Default)]
struct Received {
    bytes: Vec<u8>,
    ended: bool,
}

impl Drain {
    fn start(pipe: Option<impl Read + Send + 'static>) -> Drain {
        let shared = Arc::new((Mutex::new(Received::default()), Condvar::new()));
        let writer = Arc::clone(&shared);
        // Never joined: if a process outside the group still holds the pipe,
        // this thread stays blocked in `read` until that process ends, and
        // the runner must not wait for it.
        thread::spawn(move || {
            let (state, ended) = &*writer;
            let mut chunk = [0u8; 8192];
            if let Some(mut pipe) = pipe {
                loop {
                    match pipe.read(&mut chunk) {
                        Ok(0) => break,
                        Ok(n) => lock(state).bytes.extend_from_slice(&chunk[..n]),
                        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                        Err(_) => break,
                    }
                }
            }
            lock(state).ended = true;
            ended.notify_all();
        });
        Drain { shared }
    }

    /// Waits until end-of-file or `deadline`; true if the pipe ended.
    fn ends_by(&self, deadline: Instant) -> bool {
        let (state, ended) = &*self.shared;
        let mut guard = lock(state);
        while !guard.ended {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            guard = match ended.wait_timeout(guard, left) {
                Ok((guard, _)) => guard,
                Err(poisoned) => poisoned.into_inner().0,
            };
        }
        true
    }

    /// What was read, after waiting up to `grace` for end-of-file.
    fn output_within(&self, grace: Duration) -> String {
        self.ends_by(Instant::now() + grace);
        String::from_utf8_lossy(&lock(&self.shared.0).bytes).into_owned()
    }
}

/// The drain's buffer holds plain bytes, so a poisoned lock (a reader thread
/// cannot panic while holding it) would still hold good data.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn last_lines(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}

/// Runs the lesson binary at `binary` and returns its stdout, panicking with a
/// message that names the lesson if it fails, hangs or cannot be started.
pub fn lesson_stdout(lesson: &str, binary: &Path) -> String {
    match run_with_timeout(Command::new(binary), LESSON_TIMEOUT) {
        Ok(run) if run.status.success() => run.stdout,
        Ok(run) => panic!(
            "lesson `{lesson}` failed ({}); stderr:\n{}",
            run.status, run.stderr
        ),
        Err(err) => panic!("lesson `{lesson}` {err}"),
    }
}

/// Runs a lesson's binary and checks its redacted stdout against
/// `tests/snapshots/<lesson>.snap`. Use it from the lesson's `tests/output.rs`.
#[macro_export]
macro_rules! assert_lesson_output {
    ($lesson:literal) => {{
        let stdout = $crate::lesson_stdout(
            $lesson,
            ::std::path::Path::new(env!(concat!("CARGO_BIN_EXE_", $lesson))),
        );
        $crate::snapshot_settings().bind(|| {
            $crate::insta::assert_snapshot!($lesson, stdout);
        });
    }};
}

#[cfg(test)]
mod tests {
    use super::{RunError, redact, run_with_timeout};
    use std::process::Command;
    use std::time::{Duration, Instant};

    #[test]
    fn a_finished_program_gives_its_output_and_status() {
        let mut command = Command::new("sh");
        command.args(["-c", "echo out; echo err >&2; exit 3"]);
        let run = run_with_timeout(command, Duration::from_secs(10)).unwrap();
        assert_eq!(
            (run.stdout.as_str(), run.stderr.as_str()),
            ("out\n", "err\n")
        );
        assert_eq!(run.status.code(), Some(3));
    }

    #[test]
    fn a_hung_program_is_killed_at_the_limit_with_its_output_so_far() {
        let mut command = Command::new("sh");
        command.args(["-c", "echo started; exec sleep 30"]);
        let started = Instant::now();
        let err = run_with_timeout(command, Duration::from_millis(300)).unwrap_err();
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "it waited for the sleep"
        );
        match &err {
            RunError::TimedOut { stdout, .. } => assert_eq!(stdout, "started\n"),
            other => panic!("expected a time-out, got {other:?}"),
        }
        assert!(
            err.to_string()
                .starts_with("hung: still running after 300ms, killed with its process group\n")
        );
    }

    /// The bug this guards against: killing only the program left its `sleep`
    /// holding stdout, and the runner waited for end-of-file for 30 s.
    #[test]
    fn a_hung_program_whose_child_holds_stdout_is_killed_with_its_group_in_time() {
        let mut command = Command::new("sh");
        command.args(["-c", "sleep 30 & echo $!; wait"]);
        let limit = Duration::from_millis(500);
        let started = Instant::now();
        let err = run_with_timeout(command, limit).unwrap_err();
        assert!(
            started.elapsed() < limit + Duration::from_secs(1),
            "returned after {:?}",
            started.elapsed()
        );
        let RunError::TimedOut { stdout, .. } = &err else {
            panic!("expected a time-out, got {err:?}");
        };
        assert_gone(stdout);
    }

    /// Fails unless the process whose pid is `printed` (as `$!` prints it)
    /// has ended (Linux: `/proc/<pid>` gone, or a zombie its new parent has
    /// not reaped yet).
    fn assert_gone(printed: &str) {
        let pid: u32 = printed.trim().parse().expect("the fixture prints a pid");
        if !cfg!(target_os = "linux") {
            return;
        }
        let stat = format!("/proc/{pid}/stat");
        let ended = || match std::fs::read_to_string(&stat) {
            Err(_) => true,
            Ok(text) => text.rsplit(") ").next().is_some_and(|s| s.starts_with('Z')),
        };
        let until = Instant::now() + Duration::from_secs(2);
        while !ended() && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(ended(), "the child {pid} is still running");
    }

    #[test]
    fn a_program_that_exits_but_leaves_a_child_holding_stdout_is_an_error_in_time() {
        let mut command = Command::new("sh");
        command.args(["-c", "sleep 30 & echo $!"]);
        let limit = Duration::from_millis(500);
        let started = Instant::now();
        let err = run_with_timeout(command, limit).unwrap_err();
        assert!(
            started.elapsed() < limit + Duration::from_secs(1),
            "returned after {:?}",
            started.elapsed()
        );
        assert!(err.to_string().starts_with("left a process running"));
        let RunError::LeftRunning { stdout, .. } = &err else {
            panic!("expected a left-running error, got {err:?}");
        };
        assert_gone(stdout);
    }

    /// Even a process that left the group (a new session) cannot hold the
    /// runner past its limit: reading stops at the deadline.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_grandchild_outside_the_group_cannot_hold_the_runner() {
        let mut command = Command::new("sh");
        command.args(["-c", "setsid sleep 3 & echo started; wait"]);
        let limit = Duration::from_millis(500);
        let started = Instant::now();
        let err = run_with_timeout(command, limit).unwrap_err();
        assert!(
            started.elapsed() < limit + Duration::from_secs(1),
            "returned after {:?}",
            started.elapsed()
        );
        assert!(matches!(err, RunError::TimedOut { .. }), "{err:?}");
    }

    #[test]
    fn a_missing_program_is_a_spawn_error() {
        let command = Command::new("no-such-program-for-the-harness-test");
        let err = run_with_timeout(command, Duration::from_secs(1)).unwrap_err();
        assert!(matches!(err, RunError::Spawn(_)), "{err:?}");
    }

    #[test]
    fn durations_are_redacted_in_every_unit() {
        assert_eq!(
            redact("845 ns, 3.1 µs, 12.3 ms, 1.02 s, 40ms"),
            "[time], [time], [time], [time], [time]"
        );
    }

    #[test]
    fn words_that_start_like_units_are_kept() {
        let text = "5 seconds, 3 sleeps, 10 messages, 2 steps";
        assert_eq!(redact(text), text);
    }

    #[test]
    fn ratios_core_counts_and_marked_counts_are_redacted() {
        assert_eq!(
            redact("speed-up 3.97x on cores: 2; polls: ~3012"),
            "speed-up [ratio] on cores: [n]; polls: ~[n]"
        );
    }

    #[test]
    fn plain_counts_are_kept() {
        let text = "processed 1000 items, 500000 increments, 5 threads";
        assert_eq!(redact(text), text);
    }
}
