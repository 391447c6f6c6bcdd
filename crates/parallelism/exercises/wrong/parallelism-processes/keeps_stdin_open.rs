//! expect: did not finish
//! Writes each chunk through `child.stdin.as_mut()`: the `ChildStdin` stays
//! inside the `Child`, the pipe's write end stays open, and the worker
//! waits for an end of file that never comes, while the parent waits for
//! its answers. (The tests' workers give up after two seconds and say so.)

use std::io::{self, Read, Write};
use std::process::{Command, Stdio};

use crate::{Pair, decode, encode};

/// What a run of [`gcds_in_processes`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkerRun {
    pub answers: Vec<u64>,
    pub pids: Vec<u32>,
}

/// Sends `pairs`, in `workers` chunks, to worker processes made by
/// `worker`; returns their answers in the order of `pairs`.
pub fn gcds_in_processes(
    worker: impl Fn() -> Command,
    pairs: &[Pair],
    workers: usize,
) -> io::Result<WorkerRun> {
    assert!(workers > 0, "at least one worker is needed");
    let chunk_len = pairs.len().div_ceil(workers).max(1);
    let mut running = Vec::new();
    let mut pids = Vec::new();
    for chunk in pairs.chunks(chunk_len) {
        let mut child = worker()
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()?;
        pids.push(child.id());
        child
            .stdin
            .as_mut()
            .expect("stdin was piped")
            .write_all(&encode(chunk))?; // written, but never closed
        running.push(child);
    }
    let mut answers = Vec::new();
    for mut child in running {
        let mut text = String::new();
        let mut stdout = child.stdout.take().expect("stdout was piped");
        stdout.read_to_string(&mut text)?;
        answers.extend(decode(&text)?);
        let status = child.wait()?;
        if !status.success() {
            return Err(io::Error::other(format!("a worker failed: {status}")));
        }
    }
    Ok(WorkerRun { answers, pids })
}
