//! `subprocess-deadline`: the behaviour, with exact expectations; after
//! every run, `waitpid` on the pid the exercise returned says whether
//! anything of the child was left behind.

use std::fs;
use std::os::unix::process::ExitStatusExt;
use std::path::PathBuf;
use std::process::Command;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use nix::errno::Errno;
use nix::sys::signal::{self, Signal};
use nix::sys::wait::{WaitPidFlag, WaitStatus, waitpid};
use nix::unistd::Pid;
use subprocess_exercises::deadline::{Ended, run_with_deadline, wait_timeout};

/// The tests take turns: while one looks for what is left of *its* child,
/// no other test of this binary is starting children.
fn one_at_a_time() -> MutexGuard<'static, ()> {
    static TURN: Mutex<()> = Mutex::new(());
    TURN.lock().unwrap_or_else(PoisonError::into_inner)
}

/// What is left of our child `pid`, if anything, said in words; cleans it up
/// either way, so that no test leaves a child behind.
fn left_behind(pid: u32) -> Option<String> {
    let pid = Pid::from_raw(i32::try_from(pid).expect("a pid fits in pid_t"));
    // A child sent SIGTERM just before `run_with_deadline` returned may take
    // a moment to die: give it one second before calling it a survivor.
    let started = Instant::now();
    loop {
        match waitpid(pid, Some(WaitPidFlag::WNOHANG)) {
            // Not our child any more: it was reaped. Nothing is left.
            Err(Errno::ECHILD) => return None,
            Err(err) => return Some(format!("waitpid({pid}) failed: {err}")),
            Ok(WaitStatus::StillAlive) if started.elapsed() < Duration::from_secs(1) => {
                thread::sleep(Duration::from_millis(10));
            }
            Ok(WaitStatus::StillAlive) => {
                let _ = signal::kill(pid, Signal::SIGKILL);
                let _ = waitpid(pid, None);
                return Some(format!(
                    "child {pid} is a survivor: still running after run_with_deadline returned \
                     (dropping a Child does not stop it; did it get SIGTERM, then SIGKILL?)"
                ));
            }
            // `waitpid` just collected its exit status: nobody had.
            Ok(status) => {
                return Some(format!(
                    "child {pid} was left a zombie: it had ended ({status:?}) but was never \
                     reaped (a signal ends a child; only a wait reaps it)"
                ));
            }
        }
    }
}

/// A fresh, empty folder under the system's temp dir.
fn temp_dir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("subprocess-deadline-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("the temp dir is writable");
    dir
}

#[test]
fn wait_timeout_returns_the_status_of_a_child_that_exits_in_time() {
    let _turn = one_at_a_time();
    let mut child = Command::new("sh").args(["-c", "exit 4"]).spawn().unwrap();
    let status = wait_timeout(&mut child, Duration::from_secs(5)).unwrap();
    assert_eq!(status.and_then(|s| s.code()), Some(4));
    assert_eq!(left_behind(child.id()), None);
}

#[test]
fn wait_timeout_gives_up_after_its_timeout() {
    let _turn = one_at_a_time();
    let mut child = Command::new("sleep").arg("5").spawn().unwrap();
    let started = Instant::now();
    let status = wait_timeout(&mut child, Duration::from_millis(200)).unwrap();
    let waited = started.elapsed();
    // Ours to clean up: the test started it.
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(status, None, "`sleep 5` cannot have exited after 200 ms");
    assert!(
        waited >= Duration::from_millis(200),
        "gave up after {waited:?}"
    );
}

#[test]
fn a_child_that_finishes_in_time_is_exited_and_reaped() {
    let _turn = one_at_a_time();
    let finished = run_with_deadline(
        Command::new("sh").args(["-c", "exit 3"]),
        Duration::from_secs(5),
        Duration::from_secs(1),
    )
    .unwrap();
    match finished.ended {
        Ended::Exited(status) => assert_eq!(status.code(), Some(3)),
        other => panic!("`exit 3` must be Ended::Exited, got {other:?}"),
    }
    assert_eq!(left_behind(finished.pid), None);
}

#[test]
fn a_child_past_its_deadline_gets_sigterm_and_is_reaped() {
    let _turn = one_at_a_time();
    let started = Instant::now();
    let finished = run_with_deadline(
        Command::new("sleep").arg("5"),
        Duration::from_millis(200),
        Duration::from_secs(2),
    )
    .unwrap();
    let took = started.elapsed();
    let left = left_behind(finished.pid);
    assert_eq!(left, None, "{}", left.clone().unwrap_or_default());
    assert_eq!(finished.ended, Ended::Terminated);
    assert!(
        took >= Duration::from_millis(200),
        "it was stopped after {took:?}, before its deadline"
    );
}

#[test]
fn sigterm_lets_the_child_clean_up() {
    let _turn = one_at_a_time();
    let dir = temp_dir("cleanup");
    let marker = dir.join("cleaned");
    // A child that handles SIGTERM: it writes a marker, then exits. SIGKILL
    // would give it no chance to.
    let finished = run_with_deadline(
        Command::new("sh").args([
            "-c",
            "trap 'echo cleaned > \"$0\"; exit 0' TERM; while :; do sleep 0.05; done",
            marker.to_str().expect("the temp dir's path is UTF-8"),
        ]),
        // Long enough for `sh` to have set its trap even on a busy machine.
        Duration::from_millis(1000),
        Duration::from_secs(2),
    )
    .unwrap();
    let left = left_behind(finished.pid);
    let cleaned = fs::read_to_string(&marker).unwrap_or_default();
    let _ = fs::remove_dir_all(&dir);
    assert_eq!(left, None, "{}", left.clone().unwrap_or_default());
    assert_eq!(
        cleaned, "cleaned\n",
        "the child never saw SIGTERM: it was given no chance to clean up (SIGKILL at once?)"
    );
    assert_eq!(finished.ended, Ended::Terminated);
}

#[test]
fn a_child_that_ignores_sigterm_is_killed_after_its_grace_and_reaped() {
    let _turn = one_at_a_time();
    let started = Instant::now();
    // `trap '' TERM` ignores SIGTERM, and an ignored signal stays ignored
    // across `exec`: this `sleep` cannot be terminated, only killed.
    let finished = run_with_deadline(
        Command::new("sh").args(["-c", "trap '' TERM; exec sleep 5"]),
        // Long enough for `sh` to have set its trap even on a busy machine.
        Duration::from_millis(1000),
        Duration::from_millis(200),
    )
    .unwrap();
    let took = started.elapsed();
    let left = left_behind(finished.pid);
    assert_eq!(left, None, "{}", left.clone().unwrap_or_default());
    assert_eq!(finished.ended, Ended::Killed);
    assert!(
        took >= Duration::from_millis(1200),
        "it was killed after {took:?}: before its deadline and grace period"
    );
}

#[test]
fn a_program_that_does_not_exist_is_an_error() {
    let _turn = one_at_a_time();
    let err = run_with_deadline(
        &mut Command::new("no-such-program-for-subprocess-deadline"),
        Duration::from_secs(1),
        Duration::from_secs(1),
    )
    .unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::NotFound);
}

#[test]
fn exited_keeps_the_signal_someone_else_sent() {
    let _turn = one_at_a_time();
    let finished = run_with_deadline(
        Command::new("sh").args(["-c", "kill -KILL $$"]),
        Duration::from_secs(5),
        Duration::from_secs(1),
    )
    .unwrap();
    match finished.ended {
        Ended::Exited(status) => assert_eq!(status.signal(), Some(9)),
        other => panic!("a child that killed itself must be Ended::Exited, got {other:?}"),
    }
    assert_eq!(left_behind(finished.pid), None);
}
