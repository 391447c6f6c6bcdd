//! `subprocess-deadline` under stress: eight threads run children past
//! their deadlines and children that finish in time, many rounds; then,
//! once no thread starts children any more, `waitpid` on every pid says
//! nothing of any of them is left.

use std::process::Command;
use std::thread;
use std::time::Duration;

use nix::errno::Errno;
use nix::sys::signal::{self, Signal};
use nix::sys::wait::{WaitPidFlag, waitpid};
use nix::unistd::Pid;
use subprocess_exercises::deadline::{Ended, run_with_deadline};

#[test]
fn every_child_is_reaped_in_every_round() {
    let pids: Vec<u32> = thread::scope(|scope| {
        let workers: Vec<_> = (0..8)
            .map(|t| {
                scope.spawn(move || {
                    let mut pids = Vec::new();
                    for round in 0..12 {
                        let late = run_with_deadline(
                            Command::new("sleep").arg("5"),
                            Duration::from_millis(10),
                            Duration::from_secs(2),
                        )
                        .unwrap();
                        assert_eq!(late.ended, Ended::Terminated, "thread {t}, round {round}");
                        let quick = run_with_deadline(
                            &mut Command::new("true"),
                            Duration::from_secs(5),
                            Duration::from_secs(1),
                        )
                        .unwrap();
                        assert!(
                            matches!(quick.ended, Ended::Exited(status) if status.success()),
                            "thread {t}, round {round}: {quick:?}"
                        );
                        pids.extend([late.pid, quick.pid]);
                    }
                    pids
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("a worker panicked"))
            .collect()
    });
    thread::sleep(Duration::from_millis(100)); // let a SIGTERMed child finish dying
    let mut left = Vec::new();
    for pid in pids {
        let pid = Pid::from_raw(i32::try_from(pid).expect("a pid fits in pid_t"));
        match waitpid(pid, Some(WaitPidFlag::WNOHANG)) {
            Err(Errno::ECHILD) => {}
            other => {
                let _ = signal::kill(pid, Signal::SIGKILL);
                let _ = waitpid(pid, None);
                left.push(format!("{pid}: {other:?}"));
            }
        }
    }
    assert!(
        left.is_empty(),
        "children left behind (a zombie or a survivor): {left:?}"
    );
}
