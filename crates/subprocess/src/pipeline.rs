//! The pipeline builder: children chained like `a | b | c` (the section
//! `children_chain_like_a_shell_pipeline`, and every section that feeds a
//! child a large input).
//!
//! Wiring one stage's stdout to the next one's stdin is a line of std
//! (`Stdio::from(child_stdout)`). What makes it a pipeline that cannot hang
//! is the rest, and it is easy to get wrong by hand, so it lives here once:
//! the parent keeps no copy of a pipe end (or end-of-file and SIGPIPE stop
//! working), the input is fed from a thread while another drains the
//! output (or the pipes fill: `deadlock.rs`), every stage is reaped on every
//! path, errors included, and an optional deadline ends the stages still
//! running.

use std::fmt;
use std::io::{self, Read, Write};
use std::process::{ChildStdin, ChildStdout, Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::{ReapOnDrop, SpawnError, spawn, terminate, wait_timeout};

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
    /// with no one to empty it (the deadlock [`fill_until_blocked`] shows).
    /// A stage that stops reading early (`head`) is normal: the writer's
    /// "broken pipe" is not an error, and the statuses say what happened.
    ///
    /// [`fill_until_blocked`]: crate::fill_until_blocked
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_pipeline_is_an_error() {
        assert!(matches!(
            Pipeline::new().run(Vec::new()),
            Err(PipelineError::Empty)
        ));
    }
}
