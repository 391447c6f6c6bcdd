//! `parallelism-processes`: the behaviour, with this package's `gcd-worker`
//! as the worker (told to give up after 2 s without an end of file, so a
//! parent that never closes a pipe cannot hang the tests). After every run,
//! `waitpid` on each pid the exercise returned says whether anything of
//! that worker was left behind, and cleans it up either way.

use std::process::{Command, Stdio};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use nix::errno::Errno;
use nix::sys::signal::{self, Signal};
use nix::sys::wait::{WaitPidFlag, WaitStatus, waitpid};
use nix::unistd::Pid;
use parallelism_exercises::processes::{WorkerRun, gcds_in_processes};
use parallelism_exercises::{Pair, gcd, pairs};

/// The tests take turns: while one looks for what is left of *its*
/// workers, no other test of this binary is starting processes.
fn one_at_a_time() -> MutexGuard<'static, ()> {
    static TURN: Mutex<()> = Mutex::new(());
    TURN.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The worker: this package's `gcd-worker` binary.
fn worker() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_gcd-worker"));
    command.args(["--give-up-after-ms", "2000"]);
    command
}

/// What is left of our child `pid`, if anything, in words; cleans it up
/// either way, so that no test leaves a process behind.
fn left_behind(pid: u32) -> Option<String> {
    let pid = Pid::from_raw(i32::try_from(pid).expect("a pid fits in pid_t"));
    let started = Instant::now();
    loop {
        match waitpid(pid, Some(WaitPidFlag::WNOHANG)) {
            // Not our child any more: it was reaped. Nothing is left.
            Err(Errno::ECHILD) => return None,
            Err(err) => return Some(format!("waitpid({pid}) failed: {err}")),
            // A worker that just closed its stdout may take a moment to exit.
            Ok(WaitStatus::StillAlive) if started.elapsed() < Duration::from_secs(1) => {
                thread::sleep(Duration::from_millis(10));
            }
            Ok(WaitStatus::StillAlive) => {
                let _ = signal::kill(pid, Signal::SIGKILL);
                let _ = waitpid(pid, None);
                return Some(format!(
                    "worker {pid} is still running after gcds_in_processes returned"
                ));
            }
            // `waitpid` just collected its exit status: nobody had.
            Ok(status) => {
                return Some(format!(
                    "worker {pid} was left a zombie: it had exited ({status:?}) but was never \
                     waited for (dropping a Child does not reap it: call `wait`)"
                ));
            }
        }
    }
}

/// Runs the exercise and checks every worker was reaped; returns the run.
fn run_and_reap(work: &[Pair], workers: usize) -> WorkerRun {
    let result = gcds_in_processes(worker, work, workers);
    let run = result.unwrap_or_else(|err| {
        panic!(
            "gcds_in_processes failed: {err}. A worker that did not finish (see its message \
             above) waited for an end of file on its stdin: is the `ChildStdin` taken and \
             dropped after writing?"
        )
    });
    let left: Vec<String> = run
        .pids
        .iter()
        .filter_map(|&pid| left_behind(pid))
        .collect();
    assert!(left.is_empty(), "{}", left.join("\n"));
    run
}

#[test]
fn four_workers_answer_in_input_order_and_are_all_reaped() {
    let _turn = one_at_a_time();
    let work = pairs(64, 40, 1_000, 20_000);
    let run = run_and_reap(&work, 4);
    let one_thread: Vec<u64> = work.iter().map(|&pair| gcd(pair)).collect();
    assert_eq!(run.answers, one_thread, "every answer, in input order");
    assert_eq!(
        run.pids.len(),
        4,
        "one worker per chunk: four chunks of ten"
    );
    let mut distinct = run.pids.clone();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(distinct.len(), 4, "four different processes");
    assert!(
        !run.pids.contains(&std::process::id()),
        "workers, not this process"
    );
}

#[test]
fn uneven_chunks_and_a_single_worker() {
    let _turn = one_at_a_time();
    let work: Vec<Pair> = vec![
        (12, 18),
        (9, 28),
        (14, 21),
        (100, 75),
        (7, 7),
        (6, 4),
        (81, 27),
    ];
    let expected = [6, 1, 7, 25, 7, 2, 27];
    let run = run_and_reap(&work, 3);
    assert_eq!(run.answers, expected);
    assert_eq!(run.pids.len(), 3);
    let run = run_and_reap(&work, 1);
    assert_eq!(run.answers, expected);
    assert_eq!(run.pids.len(), 1);
}

#[test]
fn a_worker_that_cannot_start_is_an_error() {
    let _turn = one_at_a_time();
    let err = gcds_in_processes(
        || Command::new("no-such-program-for-parallelism-processes"),
        &[(12, 18)],
        1,
    )
    .expect_err("the program does not exist");
    assert_eq!(err.kind(), std::io::ErrorKind::NotFound);
}

#[test]
fn a_worker_that_fails_is_an_error() {
    let _turn = one_at_a_time();
    // A worker given an argument it does not know exits 64 at once, without
    // reading its input or answering.
    let failing = || {
        let mut command = Command::new(env!("CARGO_BIN_EXE_gcd-worker"));
        command.arg("--no-such-option").stderr(Stdio::null());
        command
    };
    let result = gcds_in_processes(failing, &[(12, 18), (9, 28)], 2);
    assert!(
        result.is_err(),
        "a worker exited with status 64 and answered nothing: that is an error, got {result:?}"
    );
}
