//! The Rust side of this lesson's `cargo xtask compare` experiment: what it
//! measures, its sizes and its table rows are in `lesson.toml`
//! (`[[experiment]]`), the Python side in `python/compare_worker.py`, the
//! protocol in `harness::compare`.
//!
//! ```text
//! cargo run --release -p actors --example actors-compare -- worker --runs 5 --size 20000
//! ```

use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

use actors::{FastWorker, Tuning, Worker};
use harness::compare::{self, Result, Run, check};

fn main() -> ExitCode {
    compare::main(env!("CARGO_PKG_NAME"), &[("worker", worker)])
}

/// `size` round trips to a worker actor: submit a job, wait for its result
/// (the lesson's `Worker`, then its `FastWorker` with `Tuning::FAST`: it
/// wakes only a sleeper, and spins first); then the best tool, a thread fed
/// jobs through a crossbeam `bounded(1)` channel that answers on another; then the floor,
/// two threads that wake each other with `park`/`unpark` and pass nothing
/// else: each round trip is two wake-ups and nothing more.
fn worker(run: &mut Run) -> Result {
    let size = run.size;
    let lesson = || -> Result {
        let worker = Worker::spawn("compare worker");
        for n in 0..size {
            let handle = worker
                .submit(move || n.wrapping_mul(3))
                .map_err(|_| "the worker is open until it is joined".to_owned())?;
            let answer = handle.result().map_err(|e| e.to_string())?;
            check(answer == n.wrapping_mul(3), || {
                format!("{n} came back as {answer}")
            })?;
        }
        worker.join().map_err(|e| e.to_string())
    };
    let fast = || -> Result {
        let worker = FastWorker::spawn("compare fast worker", Tuning::FAST);
        for n in 0..size {
            let handle = worker
                .submit(move || n.wrapping_mul(3))
                .map_err(|_| "the worker is open until it is joined".to_owned())?;
            let answer = handle.result().map_err(|e| e.to_string())?;
            check(answer == n.wrapping_mul(3), || {
                format!("{n} came back as {answer}")
            })?;
        }
        worker.join().map_err(|e| e.to_string())
    };
    let crossbeam = || -> Result {
        use crossbeam::channel::bounded;
        type Job = Box<dyn FnOnce() -> u64 + Send>;
        let (jobs, inbox) = bounded::<Job>(1);
        let (results, answers) = bounded::<u64>(1);
        let worker = thread::spawn(move || {
            for job in inbox {
                if results.send(job()).is_err() {
                    break;
                }
            }
        });
        for n in 0..size {
            jobs.send(Box::new(move || n.wrapping_mul(3)))
                .map_err(|_| "the worker runs until `jobs` is dropped".to_owned())?;
            let answer = answers
                .recv()
                .map_err(|_| "the worker answers every job".to_owned())?;
            check(answer == n.wrapping_mul(3), || {
                format!("{n} came back as {answer}")
            })?;
        }
        drop(jobs);
        worker.join().map_err(|_| "the worker panicked".to_owned())
    };
    let wake_ups = || -> Result {
        // Two flags, each raised by one thread and lowered by the other;
        // whoever waits for a flag parks until it is raised.
        let (to_worker, to_caller) = (AtomicBool::new(false), AtomicBool::new(false));
        let wait_for = |flag: &AtomicBool| {
            while !flag.swap(false, Ordering::Acquire) {
                thread::park();
            }
        };
        let caller = thread::current();
        thread::scope(|s| {
            let worker = s.spawn(|| {
                for _ in 0..size {
                    wait_for(&to_worker);
                    to_caller.store(true, Ordering::Release);
                    caller.unpark();
                }
            });
            for _ in 0..size {
                to_worker.store(true, Ordering::Release);
                worker.thread().unpark();
                wait_for(&to_caller);
            }
        });
        Ok(())
    };
    run.timed("worker", lesson)?;
    run.timed("fast", fast)?;
    run.timed("crossbeam", crossbeam)?;
    run.timed("wake_ups", wake_ups)
}
