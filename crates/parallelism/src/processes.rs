//! Worker processes over pipes: Python's `ProcessPoolExecutor`, by hand.
//!
//! The lesson's own binary, started with [`WORKER_ARG`], is the worker. The
//! protocol is plain text: the parent writes one pair per line (`"a b\n"`)
//! and closes the worker's stdin; the worker answers one gcd per line on its
//! stdout, in the same order, and exits 0. That is all a worker ever writes
//! to stdout; complaints go to stderr.

use std::io::{self, BufRead, Read, Write};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};

use crate::workload::{Pair, gcd, timed};

/// The argument that makes the lesson's binary a worker.
pub const WORKER_ARG: &str = "--gcd-worker";

// ANCHOR: serve
/// The worker's side: reads pairs from `input` until end of file, and
/// writes each one's gcd to `output`, a line each. Returns how many it
/// answered.
///
/// ```
/// let mut output = Vec::new();
/// let answered = parallelism::serve(&b"12 18\n9 28\n"[..], &mut output).unwrap();
/// assert_eq!((answered, output), (2, b"6\n1\n".to_vec()));
/// ```
///
/// A line that is not two positive numbers is an `InvalidData` error; the
/// answers already written stay written.
pub fn serve(input: impl BufRead, mut output: impl Write) -> io::Result<usize> {
    let mut answered = 0;
    for line in input.lines() {
        let pair = parse_pair(&line?)?;
        writeln!(output, "{}", timed(gcd, pair))?; // gcd(pair), noted for the pictures
        answered += 1;
    }
    output.flush()?;
    Ok(answered)
}
// ANCHOR_END: serve

fn parse_pair(line: &str) -> io::Result<Pair> {
    let bad = || io::Error::new(io::ErrorKind::InvalidData, format!("not a pair: {line:?}"));
    let mut numbers = line.split_whitespace().map(|word| word.parse::<u64>());
    match (numbers.next(), numbers.next(), numbers.next()) {
        (Some(Ok(a)), Some(Ok(b)), None) if a > 0 && b > 0 => Ok((a, b)),
        _ => Err(bad()),
    }
}

/// The parent's side of the protocol: the bytes it writes for `pairs`.
///
/// ```
/// assert_eq!(parallelism::encode(&[(12, 18), (9, 28)]), b"12 18\n9 28\n");
/// ```
pub fn encode(pairs: &[Pair]) -> Vec<u8> {
    pairs
        .iter()
        .flat_map(|(a, b)| format!("{a} {b}\n").into_bytes())
        .collect()
}

/// What a run of [`gcds_in_processes`] left behind.
#[derive(Debug)]
pub struct ProcessRun {
    /// Every answer that came back, in the order of the pairs. A worker that
    /// failed returns fewer than it was given, so this can be short.
    pub answers: Vec<u64>,
    /// Bytes written to the workers' stdin: the pairs, copied.
    pub bytes_sent: usize,
    /// Bytes read from the workers' stdout: the answers, copied back.
    pub bytes_received: usize,
    /// How each worker ended, in the order they were started.
    pub statuses: Vec<ExitStatus>,
}

/// A running worker that is killed (if it still runs) and reaped whenever
/// it is dropped, so no path out of [`gcds_in_processes`], an early `?`
/// included, leaves a process running or a zombie behind.
struct Reaped(Child);

impl Drop for Reaped {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = self.0.kill();
        }
        let _ = self.0.wait();
    }
}

// ANCHOR: in_processes
/// Splits `pairs` into `workers` chunks of (nearly) equal length and sends
/// each to a worker process made by `worker` (a `Command` that runs
/// [`serve`]: the lesson's binary with [`WORKER_ARG`]), over its stdin; then
/// reads the answers from each worker's stdout and reaps it.
///
/// Each worker is fed as soon as it starts, and none is read from until all
/// have been fed, so they compute at the same time. Writing a whole chunk
/// before reading anything is safe at the lesson's sizes: the two sides
/// could only wait on each other if the worker's stdout pipe filled up (64
/// KiB on Linux, behind the worker's 8 KiB `BufWriter`) while the parent
/// still had more than a pipeful to write, and a chunk of ten pairs is 160
/// bytes in and a few dozen out. Chunks of thousands of pairs would need
/// a writer thread, as the `subprocess` lesson's pipe-buffer deadlock shows.
///
/// # Errors
///
/// If a worker cannot be started, or a pipe breaks, or a worker answers
/// something that is not a number. Every worker started is reaped either way.
pub fn gcds_in_processes(
    worker: impl Fn() -> Command,
    pairs: &[Pair],
    workers: usize,
) -> io::Result<ProcessRun> {
    assert!(workers > 0, "at least one worker is needed");
    let chunk_len = pairs.len().div_ceil(workers).max(1);
    let mut running = Vec::new();
    let mut bytes_sent = 0;
    for chunk in pairs.chunks(chunk_len) {
        let child = worker()
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()?;
        let mut child = Reaped(child);
        let stdin = child.0.stdin.take().expect("stdin was piped");
        let pid = u64::from(child.0.id());
        running.push(child);
        bytes_sent += send(stdin, &encode(chunk))?;
        trace::flow_out("pairs", pid); // an arrow in the chapter's picture, to the worker
    }
    let mut answers = Vec::with_capacity(pairs.len());
    let mut bytes_received = 0;
    let mut statuses = Vec::with_capacity(running.len());
    for mut child in running {
        let mut text = String::new();
        let mut stdout = child.0.stdout.take().expect("stdout was piped");
        let reading = trace::waiting(trace::Wait::Io, "read");
        bytes_received += stdout.read_to_string(&mut text)?;
        reading.end();
        trace::flow_in("gcds", u64::from(child.0.id()));
        for line in text.lines() {
            answers.push(line.parse().map_err(|_| {
                io::Error::new(io::ErrorKind::InvalidData, format!("not a gcd: {line:?}"))
            })?);
        }
        statuses.push(child.0.wait()?);
    }
    Ok(ProcessRun {
        answers,
        bytes_sent,
        bytes_received,
        statuses,
    })
}
// ANCHOR_END: in_processes

/// Writes `bytes` to a worker's stdin and closes it (the worker's end of
/// file). A worker that exited early breaks the pipe: that is not an error
/// here, because its exit status and its missing answers will tell.
fn send(mut stdin: ChildStdin, bytes: &[u8]) -> io::Result<usize> {
    match stdin.write_all(bytes) {
        Ok(()) => Ok(bytes.len()),
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(0),
        Err(err) => Err(err),
    }
}
