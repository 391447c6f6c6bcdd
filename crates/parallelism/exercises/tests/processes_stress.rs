//! `parallelism-processes` under stress: rounds of one to six workers over
//! different pairs; every answer in input order, and every worker reaped
//! (no zombie, no survivor) after every round.

use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use nix::errno::Errno;
use nix::sys::signal::{self, Signal};
use nix::sys::wait::{WaitPidFlag, WaitStatus, waitpid};
use nix::unistd::Pid;
use parallelism_exercises::processes::gcds_in_processes;
use parallelism_exercises::{gcd, pairs};

fn worker() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_gcd-worker"));
    command.args(["--give-up-after-ms", "2000"]);
    command
}

/// `true` if the child `pid` was reaped; otherwise cleans it up.
fn reaped(pid: u32) -> bool {
    let pid = Pid::from_raw(i32::try_from(pid).expect("a pid fits in pid_t"));
    let started = Instant::now();
    loop {
        match waitpid(pid, Some(WaitPidFlag::WNOHANG)) {
            Err(Errno::ECHILD) => return true,
            Ok(WaitStatus::StillAlive) if started.elapsed() < Duration::from_secs(1) => {
                thread::sleep(Duration::from_millis(10));
            }
            Ok(WaitStatus::StillAlive) => {
                let _ = signal::kill(pid, Signal::SIGKILL);
                let _ = waitpid(pid, None);
                return false;
            }
            _ => return false,
        }
    }
}

#[test]
fn every_round_every_answer_and_every_worker_reaped() {
    for round in 0..40u64 {
        let workers = 1 + (round % 6) as usize;
        let work = pairs(round, 30 + (round % 7) as usize, 10, 3_000);
        let run = gcds_in_processes(worker, &work, workers)
            .unwrap_or_else(|err| panic!("round {round}: {err}"));
        let expected: Vec<u64> = work.iter().map(|&pair| gcd(pair)).collect();
        assert_eq!(run.answers, expected, "round {round}");
        for pid in run.pids {
            assert!(
                reaped(pid),
                "round {round}: worker {pid} was left behind (a zombie?)"
            );
        }
    }
}
