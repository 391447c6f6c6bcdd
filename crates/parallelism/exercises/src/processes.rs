//! # Exercise `parallelism-processes`: worker processes over pipes
//!
//! Read first, in book/src/parallelism.md (`cargo xtask learn` prints the
//! link to the section): "Worker processes over pipes".
//!
//! Write [`gcds_in_processes`], Python's `ProcessPoolExecutor.map` by hand.
//! `worker()` makes a `Command` that runs a worker process (in the tests,
//! this package's `gcd-worker` binary): it reads pairs from its stdin, one
//! per line ([`encode`](crate::encode) writes them), until end of file, and
//! only then writes one gcd per line to its stdout
//! ([`decode`](crate::decode) reads them) and exits 0.
//!
//! Split `pairs` into `workers` chunks (`pairs.chunks(len.div_ceil(workers))`
//! is fine here), start a worker per chunk with its stdin and stdout piped,
//! feed each its chunk and close its stdin, so that all of them compute at
//! the same time; then read each worker's answers, in order, and wait for
//! it. Return the answers in the order of `pairs`, and the pid of every
//! worker (`Child::id`), in the order they were started: the tests use the
//! pids to check that no worker was left behind.
//!
//! The traps: a child that has exited stays a *zombie* until its parent
//! waits for it (dropping a `Child` does not wait); and a worker answers
//! only once its stdin reaches end of file, which needs the pipe's write
//! end closed: writing through `child.stdin.as_mut()` leaves it open in the
//! `Child`. (The tests' workers give up after two seconds and say so.)
//!
//! Check it: `cargo xtask learn check parallelism-processes`.

use std::io::{self, Read, Write};
use std::process::{Command, Stdio};

use crate::{Pair, decode, encode};

/// What a run of [`gcds_in_processes`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkerRun {
    /// Every answer, in the order of the pairs.
    pub answers: Vec<u64>,
    /// The pid of every worker started, in the order they were started.
    pub pids: Vec<u32>,
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
    // TODO: for each chunk: `worker().stdin(Stdio::piped()).stdout(Stdio::piped()).spawn()?`,
    // record `child.id()`, write `encode(chunk)` to the *taken* stdin
    // (`child.stdin.take()`), and drop it: the worker's end of file.
    // TODO: then, for each worker in order: read its stdout to the end,
    // `decode` it, and `wait()` for it (a failed exit status is an error).
    todo!("gcds_in_processes")
}
