//! # Exercise `parallelism-processes`: worker processes over pipes
//!
//! The answer. Every worker is started and fed (its stdin taken, written
//! and dropped: end of file) before any is read from, so they compute at
//! once; then each is read to the end and waited for, in order. A guard
//! kills and reaps a worker that is still running when an error cuts the
//! run short, so no path out of the function leaves a process behind.
//! (Read the exercise in `crates/parallelism/exercises/src/processes.rs`.)

use std::io::{self, Read, Write};
use std::process::{Child, Command, Stdio};

use crate::{Pair, decode, encode};

/// What a run of [`gcds_in_processes`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkerRun {
    /// Every answer, in the order of the pairs.
    pub answers: Vec<u64>,
    /// The pid of every worker started, in the order they were started.
    pub pids: Vec<u32>,
}

/// A worker that is killed (if still running) and reaped when dropped.
struct Reaped(Child);

impl Drop for Reaped {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = self.0.kill();
        }
        let _ = self.0.wait();
    }
}

/// Sends `pairs`, in `workers` chunks, to worker processes made by
/// `worker`, all computing at once; returns their answers in the order of
/// `pairs`, once every worker has been waited for.
///
/// # Errors
///
/// If a worker cannot be started, a pipe breaks, a worker exits with a
/// failure, or it answers something that is not a number.
pub fn gcds_in_processes(
    worker: impl Fn() -> Command,
    pairs: &[Pair],
    workers: usize,
) -> io::Result<WorkerRun> {
    assert!(workers > 0, "at least one worker is needed");
    let chunk_len = pairs.len().div_ceil(workers).max(1);
    let mut running = Vec::with_capacity(workers);
    let mut pids = Vec::with_capacity(workers);
    for chunk in pairs.chunks(chunk_len) {
        let child = worker()
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()?;
        pids.push(child.id());
        let mut child = Reaped(child);
        // Taken out of the `Child`, written, dropped: the pipe closes.
        let mut stdin = child.0.stdin.take().expect("stdin was piped");
        running.push(child);
        stdin.write_all(&encode(chunk))?;
    }
    let mut answers = Vec::with_capacity(pairs.len());
    for mut child in running {
        let mut text = String::new();
        let mut stdout = child.0.stdout.take().expect("stdout was piped");
        stdout.read_to_string(&mut text)?;
        answers.extend(decode(&text)?);
        let status = child.0.wait()?; // reaped here (the guard's wait is then a no-op)
        if !status.success() {
            return Err(io::Error::other(format!("a worker failed: {status}")));
        }
    }
    Ok(WorkerRun { answers, pids })
}
