//! `subprocess-deadline`: the behaviour, with exact expectations; after
//! every run, `waitpid` on the pid the exercise returned says whether
//! anything of the child was left behind.
//!
//! A deadline is also checked for lateness: each wait must take at least its
//! time, and less than twice it. The times are long enough (300 ms) that a
//! busy machine's delays, tens of milliseconds, are far inside that bound.

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
use subprocess_exercises::deadline::{Ended, Finished, run_with_deadline, wait_timeout};

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

/// The time every wait of these tests is given: a deadline, a grace period,
/// a `wait_timeout`'s timeout.
const WAIT: Duration = Duration::from_millis(300);

/// Fails the test if `took` is not between `at_least` and twice `at_least`
/// (a wait that took twice its time is late, however sure its result).
fn on_time(what: &str, took: Duration, at_least: Duration) {
    assert!(
        took >= at_least,
        "{what} after {took:?}: before its {at_least:?} were up"
    );
    assert!(
        took < at_least * 2,
        "{what} after {took:?}, too late: its time was {at_least:?} (twice that is late however \
         busy the machine; poll a few times a second, and count from the start, not per poll)"
    );
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
    let status = wait_timeout(&mut child, WAIT).unwrap();
    let waited = started.elapsed();
    // Ours to clean up: the test started it.
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(status, None, "`sleep 5` cannot have exited after {WAIT:?}");
    on_time("wait_timeout gave up", waited, WAIT);
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
    // `sleep` ends at once on SIGTERM: the time is the deadline's.
    let finished =
        run_with_deadline(Command::new("sleep").arg("5"), WAIT, Duration::from_secs(2)).unwrap();
    let took = started.elapsed();
    let left = left_behind(finished.pid);
    assert_eq!(left, None, "{}", left.clone().unwrap_or_default());
    assert_eq!(finished.ended, Ended::Terminated);
    on_time("`sleep 5` was stopped", took, WAIT);
}

/// Runs `sh -c <script> <dir>/<name>` under `run_with_deadline` with
/// `grace`. The script's first command sets a trap for SIGTERM, its second
/// creates `<dir>/<name>.ready`; the deadline is [`WAIT`].
///
/// On a busy machine `sh` may not have set its trap when SIGTERM comes:
/// then it dies of it at once, having written nothing, and the run says
/// nothing about the answer. It is run again, with twice the deadline, up
/// to four times. Returns the run, its deadline, how long it took, and the
/// marker's path.
fn run_trapping_sh(
    script: &str,
    dir: &std::path::Path,
    name: &str,
    grace: Duration,
) -> (Finished, Duration, Duration, PathBuf) {
    let marker = dir.join(name);
    let ready = dir.join(format!("{name}.ready"));
    let mut deadline = WAIT;
    for _ in 0..4 {
        let _ = fs::remove_file(&marker);
        let _ = fs::remove_file(&ready);
        let started = Instant::now();
        let finished = run_with_deadline(
            Command::new("sh").args([
                "-c",
                script,
                marker.to_str().expect("the temp dir's path is UTF-8"),
            ]),
            deadline,
            grace,
        )
        .expect("`sh` starts: it is on every system");
        let took = started.elapsed();
        if ready.exists() || marker.exists() {
            return (finished, deadline, took, marker);
        }
        // `sh` never got to its trap: nothing learnt. Clean up, try again.
        if let Some(left) = left_behind(finished.pid) {
            panic!("{left}");
        }
        deadline *= 2;
    }
    panic!("`sh` did not set its trap within {deadline:?}, four times: is the machine that busy?");
}

#[test]
fn sigterm_lets_the_child_clean_up() {
    let _turn = one_at_a_time();
    let dir = temp_dir("cleanup");
    // A child that handles SIGTERM: it writes a marker, then exits. SIGKILL
    // would give it no chance to.
    let (finished, _, _, marker) = run_trapping_sh(
        "trap 'echo cleaned > \"$0\"; exit 0' TERM; : > \"$0.ready\"; \
         while :; do sleep 0.05; done",
        &dir,
        "cleaned",
        Duration::from_secs(2),
    );
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
    let dir = temp_dir("ignores");
    // `trap '' TERM` ignores SIGTERM, and an ignored signal stays ignored
    // across `exec`: this `sleep` cannot be terminated, only killed.
    let (finished, deadline, took, _) = run_trapping_sh(
        "trap '' TERM; : > \"$0.ready\"; exec sleep 5",
        &dir,
        "ignores",
        WAIT,
    );
    let _ = fs::remove_dir_all(&dir);
    let left = left_behind(finished.pid);
    assert_eq!(left, None, "{}", left.clone().unwrap_or_default());
    assert_eq!(finished.ended, Ended::Killed);
    // SIGKILL is due at the deadline plus the grace period: late by either
    // of them twice over, it comes at least one more of them later.
    let due = deadline + WAIT;
    assert!(
        took >= due,
        "it was killed after {took:?}: before its deadline ({deadline:?}) and grace period \
         ({WAIT:?}) were up"
    );
    assert!(
        took < due + WAIT,
        "it was killed after {took:?}, too late: SIGKILL was due after its deadline \
         ({deadline:?}) and grace period ({WAIT:?}), {due:?}; a wait twice as long as either \
         is late"
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
