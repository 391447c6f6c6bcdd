//! What lesson `subprocess` needs that `std::process` does not have.
//!
//! `std::process::Command` starts a child, `Child` waits for it and hands out
//! its pipes. Python's `subprocess` offers a little more, and this module
//! builds those pieces on top of std (and `nix`, for signals):
//!
//! | Python                               | here                          |
//! |--------------------------------------|-------------------------------|
//! | `FileNotFoundError: [Errno 2] ... 'x'` | [`spawn`] → [`SpawnError`] names the program |
//! | `proc.wait(timeout=...)`             | [`wait_timeout`]              |
//! | `proc.terminate()`, then `proc.kill()` | [`terminate`] → [`Stopped`] |
//! | `proc.returncode` (`-15`)            | [`describe`], [`python_returncode`] |
//! | `with Popen(...) as proc:`           | [`ReapOnDrop`]                |
//! | `Popen(..., stdin=prev.stdout)` chains | [`Pipeline`]                |
//!
//! plus [`xor_stream`], the toy cipher behind the lesson's helper mode (the
//! lesson re-invokes its own binary as a child, in place of `openssl`),
//! [`seen_from_outside`], what other processes can read about a running
//! child, and [`verdict`], how the lesson decides each `yes`/`no` it prints.
//!
//! Nothing here is shared between threads by hand, so there is no loom model:
//! loom explores thread interleavings over memory, and the interesting
//! concurrency here happens in other processes, in the kernel's pipes.

use std::fmt;
use std::io::{self, Read, Write};
use std::ops::{Deref, DerefMut};
use std::os::unix::process::ExitStatusExt;
#[cfg(not(target_os = "linux"))]
use std::process::Command as Ps;
use std::process::{Child, ChildStdin, ChildStdout, Command, ExitStatus, Output, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use nix::fcntl::{FcntlArg, OFlag, fcntl};
use nix::sys::signal::{self, Signal};
use nix::unistd::Pid;

pub mod verdict;

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
/// exit status, which says what really happened (see [`describe`]).
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

// ANCHOR: reap_on_drop
/// A child that is reaped when the guard is dropped: killed first if it is
/// still running, then waited for.
///
/// `std::process::Child` has no `Drop`: drop one and the child runs on, and
/// when it exits it stays a zombie (an entry in the process table holding its
/// exit status) until someone waits for it. Python's `with Popen(...)` waits
/// on the way out; this guard does that on every way out, `?` and panics
/// included, and kills rather than waits, because a guard that can block
/// forever in `drop` is worse than one that ends the child.
///
/// It derefs to the `Child`, so `guard.wait()`, `guard.stdout.take()` work.
///
/// ```
/// use std::process::Command;
/// use subprocess::ReapOnDrop;
///
/// use nix::errno::Errno;
/// use nix::sys::wait::{WaitPidFlag, waitpid};
///
/// let child = ReapOnDrop::new(Command::new("sleep").arg("5").spawn()?);
/// let pid = subprocess::pid(&child);
/// drop(child); // killed and reaped at once, not in five seconds
/// // Reaped: the pid is no longer our child, not even a zombie.
/// assert_eq!(waitpid(pid, Some(WaitPidFlag::WNOHANG)), Err(Errno::ECHILD));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct ReapOnDrop(Option<Child>);

impl ReapOnDrop {
    /// Takes charge of reaping `child`.
    pub fn new(child: Child) -> Self {
        ReapOnDrop(Some(child))
    }

    /// Gives the child back, unguarded: for `wait_with_output`, which takes
    /// the `Child` by value (and reaps it).
    pub fn into_inner(mut self) -> Child {
        self.0
            .take()
            .expect("only into_inner takes the child, and it consumes the guard")
    }
}

impl Deref for ReapOnDrop {
    type Target = Child;
    fn deref(&self) -> &Child {
        self.0
            .as_ref()
            .expect("only into_inner takes the child, and it consumes the guard")
    }
}

impl DerefMut for ReapOnDrop {
    fn deref_mut(&mut self) -> &mut Child {
        self.0
            .as_mut()
            .expect("only into_inner takes the child, and it consumes the guard")
    }
}

impl Drop for ReapOnDrop {
    fn drop(&mut self) {
        let Some(child) = self.0.as_mut() else {
            return; // handed out by `into_inner`
        };
        // Errors are ignored: there is no one to report them to in a drop,
        // and `try_wait` fails only if the child was already reaped.
        if let Ok(None) = child.try_wait() {
            let _ = child.kill();
        }
        let _ = child.wait();
    }
}
// ANCHOR_END: reap_on_drop

// ANCHOR: pipeline
/// Children chained like a shell pipeline, `a | b | c`: each stage's stdout
/// is the next stage's stdin, the parent writes the input into the first
/// stage and reads the last stage's output.
///
/// ```
/// use std::process::Command;
/// use subprocess::Pipeline;
///
/// let mut upper = Command::new("tr");
/// upper.args(["a-z", "A-Z"]);
/// let mut count = Command::new("wc");
/// count.arg("-c");
/// let out = Pipeline::new().pipe(upper).pipe(count).run(b"hello\n".to_vec())?;
/// assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "6");
/// assert!(out.success());
/// # Ok::<(), subprocess::PipelineError>(())
/// ```
#[derive(Debug, Default)]
pub struct Pipeline {
    stages: Vec<Command>,
    timeout: Option<Duration>,
}

/// What a finished [`Pipeline`] produced.
#[derive(Debug)]
pub struct PipelineOutput {
    /// Everything the last stage wrote to its stdout.
    pub stdout: Vec<u8>,
    /// Each stage's exit status, in pipeline order.
    pub statuses: Vec<ExitStatus>,
    /// Whether the timeout ran out and the stages still running were
    /// terminated.
    pub timed_out: bool,
}

impl PipelineOutput {
    /// Every stage exited with status 0 (bash's `set -o pipefail`).
    pub fn success(&self) -> bool {
        self.statuses.iter().all(ExitStatus::success)
    }
}

/// How long a stage gets to act on SIGTERM before SIGKILL, after a timeout.
const GRACE: Duration = Duration::from_millis(200);

impl Pipeline {
    /// An empty pipeline.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `command` as the next stage. Its stdin and stdout are replaced
    /// by pipes; its stderr is left as set (inherited by default).
    pub fn pipe(mut self, command: Command) -> Self {
        self.stages.push(command);
        self
    }

    /// Terminates the stages still running `timeout` after the start
    /// (SIGTERM, then SIGKILL), like `communicate(timeout=...)` followed by
    /// `terminate()`. Without it, `run` waits as long as the stages run.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Starts every stage, feeds `input` to the first, and returns what the
    /// last one wrote, once every stage has exited and been reaped.
    ///
    /// Any size of input and output is safe: a writer thread feeds the first
    /// stage while a reader thread drains the last, so no pipe can fill up
    /// with no one to empty it (the deadlock of section 6). A stage that
    /// stops reading early (`head`) is normal: the writer's "broken pipe" is
    /// not an error, and the statuses say what happened.
    pub fn run(self, input: Vec<u8>) -> Result<PipelineOutput, PipelineError> {
        if self.stages.is_empty() {
            return Err(PipelineError::Empty);
        }
        let deadline = self.timeout.map(|timeout| Instant::now() + timeout);

        // Guards, so that every early return below kills and reaps the
        // stages already started.
        let mut children: Vec<ReapOnDrop> = Vec::with_capacity(self.stages.len());
        let mut upstream: Option<ChildStdout> = None;
        for mut command in self.stages {
            let stdin = match upstream.take() {
                Some(previous_stdout) => Stdio::from(previous_stdout),
                None => Stdio::piped(),
            };
            command.stdin(stdin).stdout(Stdio::piped());
            let mut child = ReapOnDrop::new(spawn(&mut command)?);
            // `command` still holds the read end of the previous pipe. Drop
            // it now (the loop would at the end of this turn; what matters
            // is that nothing keeps it, a `Vec<Command>` say), so that pipe
            // is open in exactly one process: this stage. Then, if this stage
            // exits early (`head`), the previous one gets SIGPIPE, instead of
            // writing into a pipe the parent holds open and never reads.
            drop(command);
            upstream = child.stdout.take();
            children.push(child);
        }
        let first_stdin = children[0]
            .stdin
            .take()
            .expect("the first stage was spawned with a piped stdin");
        let last_stdout = upstream.expect("the last stage was spawned with a piped stdout");

        let writer = thread::spawn(move || feed(first_stdin, &input));
        let reader = thread::spawn(move || drain(last_stdout));
        let waited = wait_all(&mut children, deadline);
        if waited.is_err() {
            // Kill and reap the rest: their pipes close, so both threads end.
            children.clear();
        }
        let written = writer
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the writer thread panicked")));
        let read = reader
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the reader thread panicked")));
        let (statuses, timed_out) = waited?;
        written?;
        Ok(PipelineOutput {
            stdout: read?,
            statuses,
            timed_out,
        })
    }
}

/// Writes `input` and closes the pipe (by dropping it), so the stage sees
/// end-of-file. A stage that exits without reading everything is its own
/// business: its status will tell.
fn feed(mut stdin: ChildStdin, input: &[u8]) -> io::Result<()> {
    match stdin.write_all(input) {
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

fn drain(mut stdout: ChildStdout) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    stdout.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Reaps every stage in order; after the deadline, terminates the rest.
fn wait_all(
    children: &mut [ReapOnDrop],
    deadline: Option<Instant>,
) -> io::Result<(Vec<ExitStatus>, bool)> {
    let mut statuses = Vec::with_capacity(children.len());
    let mut timed_out = false;
    for child in children.iter_mut() {
        let status = match deadline {
            None => child.wait()?,
            Some(deadline) => {
                let left = deadline.saturating_duration_since(Instant::now());
                match wait_timeout(child, left)? {
                    Some(status) => status,
                    None => {
                        timed_out = true;
                        terminate(child, GRACE)?.status()
                    }
                }
            }
        };
        statuses.push(status);
    }
    Ok((statuses, timed_out))
}
// ANCHOR_END: pipeline

/// Why a [`Pipeline`] could not run.
#[derive(Debug)]
pub enum PipelineError {
    /// A pipeline needs at least one stage.
    Empty,
    /// A stage could not be started; the stages before it were killed and
    /// reaped.
    Spawn(SpawnError),
    /// Feeding, reading or waiting failed; every stage was killed and reaped.
    Io(io::Error),
}

impl fmt::Display for PipelineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PipelineError::Empty => write!(f, "a pipeline needs at least one command"),
            PipelineError::Spawn(err) => err.fmt(f),
            PipelineError::Io(err) => write!(f, "pipeline I/O failed: {err}"),
        }
    }
}

impl std::error::Error for PipelineError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            PipelineError::Empty => None,
            PipelineError::Spawn(err) => Some(err),
            PipelineError::Io(err) => Some(err),
        }
    }
}

impl From<SpawnError> for PipelineError {
    fn from(err: SpawnError) -> Self {
        PipelineError::Spawn(err)
    }
}

impl From<io::Error> for PipelineError {
    fn from(err: io::Error) -> Self {
        PipelineError::Io(err)
    }
}

// ANCHOR: xor_stream
/// The environment variable the lesson's helper reads its key from, as
/// `openssl enc -pass env:password` does: a secret in argv is visible to
/// every user on the machine (`ps`), the environment is not.
pub const KEY_VAR: &str = "LESSON_KEY";

/// The argument that makes the lesson binary run as the cipher helper.
pub const HELPER_ARG: &str = "--xor-helper";

/// XORs everything from `input` with `key`, repeated, and writes it to
/// `output`, chunk by chunk; returns the number of bytes. Applying it twice
/// with the same key gives back the input.
///
/// A toy, not cryptography: the lesson needs a filter that reads a secret
/// and runs on every machine, and `openssl` (the Python notes' choice) is
/// neither always installed nor the same program on Linux and macOS.
///
/// ```
/// let mut secret = Vec::new();
/// subprocess::xor_stream(b"key", &b"attack at dawn"[..], &mut secret)?;
/// let mut plain = Vec::new();
/// subprocess::xor_stream(b"key", &secret[..], &mut plain)?;
/// assert_eq!(plain, b"attack at dawn");
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn xor_stream(key: &[u8], mut input: impl Read, mut output: impl Write) -> io::Result<u64> {
    if key.is_empty() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the key is empty",
        ));
    }
    let mut buffer = vec![0; 64 * 1024];
    let mut position = 0;
    loop {
        let n = match input.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        for byte in &mut buffer[..n] {
            *byte ^= key[position % key.len()];
            position += 1;
        }
        output.write_all(&buffer[..n])?;
    }
    output.flush()?;
    Ok(u64::try_from(position).expect("a byte count fits in u64"))
}
// ANCHOR_END: xor_stream

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

// ANCHOR: fill_until_blocked
/// Writes zeros into `pipe` until it takes no more, without ever blocking:
/// returns how many bytes went in before a write would have blocked (or
/// `limit`, if that many fit). "Takes no more" means 50 ms without progress,
/// so the reader at the other end had time to drain what it could.
///
/// This is how the lesson shows the pipe-buffer deadlock without falling
/// into it: the pipe is switched to non-blocking mode (`O_NONBLOCK`), so a
/// write that would wait forever fails with `WouldBlock` instead.
pub fn fill_until_blocked(mut pipe: &ChildStdin, limit: usize) -> io::Result<usize> {
    let flags = OFlag::from_bits_truncate(fcntl(pipe, FcntlArg::F_GETFL)?);
    fcntl(pipe, FcntlArg::F_SETFL(flags | OFlag::O_NONBLOCK))?;
    let zeros = [0u8; 4096];
    let mut written = 0;
    let mut stalls = 0;
    while written < limit && stalls < 5 {
        let len = zeros.len().min(limit - written);
        // `Write` is implemented for `&ChildStdin`, so a shared borrow will do.
        match pipe.write(&zeros[..len]) {
            Ok(n) => {
                written += n;
                stalls = 0;
            }
            Err(err) if err.kind() == io::ErrorKind::WouldBlock => {
                stalls += 1;
                thread::sleep(Duration::from_millis(10));
            }
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            Err(err) => return Err(err),
        }
    }
    Ok(written)
}
// ANCHOR_END: fill_until_blocked

/// `len` bytes of numbered text lines: fixed input for the lesson, so its
/// output is the same on every run.
///
/// ```
/// assert_eq!(&subprocess::sample_text(20), b"line 000001: the qui");
/// ```
pub fn sample_text(len: usize) -> Vec<u8> {
    let mut text = Vec::with_capacity(len + 64);
    let mut line = 0;
    while text.len() < len {
        line += 1;
        writeln!(
            text,
            "line {line:06}: the quick brown fox jumps over the lazy dog"
        )
        .expect("writing to a Vec cannot fail");
    }
    text.truncate(len);
    text
}

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

    #[test]
    fn xor_stream_uses_the_key_across_chunk_boundaries() {
        // 64 KiB + 1 bytes: the key position must carry over between reads.
        let input = vec![0u8; 64 * 1024 + 1];
        let mut out = Vec::new();
        let n = xor_stream(b"abc", &input[..], &mut out).expect("writing to a Vec cannot fail");
        assert_eq!(n, 64 * 1024 + 1);
        let expected: Vec<u8> = b"abc".iter().copied().cycle().take(input.len()).collect();
        assert_eq!(out, expected);
    }

    #[test]
    fn xor_stream_refuses_an_empty_key() {
        let err = xor_stream(b"", &b"x"[..], Vec::new()).expect_err("an empty key is refused");
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
    }

    #[test]
    fn an_empty_pipeline_is_an_error() {
        assert!(matches!(
            Pipeline::new().run(Vec::new()),
            Err(PipelineError::Empty)
        ));
    }
}
