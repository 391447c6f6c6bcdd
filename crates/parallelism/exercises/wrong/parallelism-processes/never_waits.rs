//! expect: zombie
//! Reads every worker's answers to the end, and never waits for it: each
//! worker exits, and stays in the process table as a zombie, its exit
//! status uncollected (dropping a `Child` does not wait).

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
        let mut stdin = child.stdin.take().expect("stdin was piped");
        stdin.write_all(&encode(chunk))?;
        drop(stdin);
        running.push(child);
    }
    let mut answers = Vec::new();
    for mut child in running {
        let mut text = String::new();
        let mut stdout = child.stdout.take().expect("stdout was piped");
        stdout.read_to_string(&mut text)?;
        answers.extend(decode(&text)?);
        // The answers are in: the child is dropped here, never waited for.
    }
    Ok(WorkerRun { answers, pids })
}
