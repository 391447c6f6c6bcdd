//! Behaviour of the lesson's pieces, with exact expectations.
//!
//! Tests in this file run on parallel threads of one process, so "no child
//! is left" is checked per child, by pid (`assert_reaped`). The check over
//! *all* children, `waitpid(-1)`, is only reliable with one test per process:
//! it is in `tests/reaping.rs`.

use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::ExitStatusExt;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use nix::errno::Errno;
use nix::sys::wait::{WaitPidFlag, waitpid};
use subprocess::{
    HELPER_ARG, KEY_VAR, Pipeline, PipelineError, ReapOnDrop, Stopped, describe, python_returncode,
    sample_text, spawn,
};

const MIB: usize = 1024 * 1024;

/// The pid is no longer our child: reaped, neither running nor a zombie.
/// (A running child gives `StillAlive`; a zombie is reaped here and gives
/// `Exited`/`Signaled`; both fail the assertion.)
fn assert_reaped(pid: nix::unistd::Pid) {
    assert_eq!(
        waitpid(pid, Some(WaitPidFlag::WNOHANG)),
        Err(Errno::ECHILD),
        "child {pid} was not reaped"
    );
}

fn command(program: &str, args: &[&str]) -> Command {
    let mut command = Command::new(program);
    command.args(args);
    command
}

/// `sh -c 'trap "" TERM; echo ready; exec sleep 10'`, returned once the trap
/// is in place: a child that ignores SIGTERM.
fn stubborn_child() -> Child {
    let mut child = command("sh", &["-c", "trap '' TERM; echo ready; exec sleep 10"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("sh runs");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("piped"))
        .read_line(&mut line)
        .expect("sh says ready");
    assert_eq!(line, "ready\n");
    child
}

// --- a missing program ---------------------------------------------------

#[test]
fn spawn_names_a_missing_program() {
    let err = spawn(&mut Command::new("no-such-program-xyz")).expect_err("it does not exist");
    assert_eq!(err.program(), "no-such-program-xyz");
    assert_eq!(err.kind(), std::io::ErrorKind::NotFound);
    assert_eq!(
        err.to_string(),
        "could not start `no-such-program-xyz`: not found (is it installed, and on PATH?)"
    );
}

#[test]
fn output_names_a_missing_program() {
    let err = subprocess::output(&mut Command::new("no-such-program-abc"))
        .expect_err("it does not exist");
    assert_eq!(err.program(), "no-such-program-abc");
}

#[test]
fn a_program_that_is_not_executable_is_named_too() {
    // A file with no execute bit, in a directory of this test's own.
    use std::os::unix::fs::PermissionsExt;
    let dir = std::env::temp_dir().join(format!("subprocess-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("the temp dir is writable");
    let file = dir.join("not-a-program");
    std::fs::write(&file, "echo hi\n").expect("the temp dir is writable");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).expect("chmod works");
    let err = spawn(&mut Command::new(&file)).expect_err("not executable");
    std::fs::remove_dir_all(&dir).expect("the temp dir is ours");
    assert_eq!(err.kind(), std::io::ErrorKind::PermissionDenied);
    assert_eq!(
        err.to_string(),
        format!(
            "could not start `{}`: permission denied (is it executable?)",
            file.display()
        )
    );
}

#[test]
fn a_missing_stage_mid_pipeline_is_named() {
    let result = Pipeline::new()
        .pipe(Command::new("cat"))
        .pipe(Command::new("no-such-stage"))
        .pipe(Command::new("cat"))
        .run(b"lost".to_vec());
    match result {
        Err(PipelineError::Spawn(err)) => assert_eq!(err.program(), "no-such-stage"),
        other => panic!("expected a spawn error naming the stage, got {other:?}"),
    }
}

// --- waiting with a deadline, terminating ---------------------------------

#[test]
fn wait_timeout_gives_up_after_the_timeout_and_sigterm_is_reported_as_signal_15() {
    let mut child = command("sleep", &["10"]).spawn().expect("sleep runs");
    let pid = subprocess::pid(&child);
    let timeout = Duration::from_millis(50);
    let started = Instant::now();
    let waited = subprocess::wait_timeout(&mut child, timeout).expect("try_wait works");
    assert_eq!(waited, None);
    assert!(started.elapsed() >= timeout, "returned before the timeout");

    let stopped = subprocess::terminate(&mut child, Duration::from_secs(5)).expect("signals work");
    let Stopped::Terminated(status) = stopped else {
        panic!("sleep dies of SIGTERM, got {stopped:?}");
    };
    assert_eq!(status.signal(), Some(15));
    assert_eq!(describe(status), "terminated by signal 15 (SIGTERM)");
    assert_eq!(python_returncode(status), -15);
    assert_reaped(pid);
}

#[test]
fn wait_timeout_returns_the_status_of_a_child_that_exits() {
    let mut child = command("sh", &["-c", "exit 7"]).spawn().expect("sh runs");
    let pid = subprocess::pid(&child);
    let status = subprocess::wait_timeout(&mut child, Duration::from_secs(10))
        .expect("try_wait works")
        .expect("sh exits long before ten seconds");
    assert_eq!(status.code(), Some(7));
    assert_eq!(describe(status), "exited with status 7");
    assert_reaped(pid);
}

#[test]
fn a_child_that_ignores_sigterm_is_killed_after_the_grace_period() {
    let mut child = stubborn_child();
    let pid = subprocess::pid(&child);
    let grace = Duration::from_millis(50);
    let started = Instant::now();
    let stopped = subprocess::terminate(&mut child, grace).expect("signals work");
    assert!(
        started.elapsed() >= grace,
        "SIGKILL came before the grace period ended"
    );
    let Stopped::Killed(status) = stopped else {
        panic!("the child ignores SIGTERM, so it must be killed, got {stopped:?}");
    };
    assert_eq!(status.signal(), Some(9));
    assert_eq!(describe(status), "terminated by signal 9 (SIGKILL)");
    assert_reaped(pid);
}

#[test]
fn terminate_leaves_an_exited_child_alone() {
    let mut child = command("sh", &["-c", "exit 4"]).spawn().expect("sh runs");
    let pid = subprocess::pid(&child);
    child.wait().expect("wait works");
    let stopped = subprocess::terminate(&mut child, Duration::from_secs(5)).expect("no signal");
    assert_eq!(stopped.status().code(), Some(4));
    assert!(matches!(stopped, Stopped::Exited(_)));
    assert_reaped(pid);
}

// --- ReapOnDrop ----------------------------------------------------------

#[test]
fn reap_on_drop_kills_and_reaps_a_running_child() {
    let guard = ReapOnDrop::new(command("sleep", &["10"]).spawn().expect("sleep runs"));
    let pid = subprocess::pid(&guard);
    let started = Instant::now();
    drop(guard);
    assert_reaped(pid);
    // Killed, not waited for: far less than the ten seconds it would sleep.
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn reap_on_drop_reaps_a_stubborn_child_during_a_panic() {
    let mut pid = None;
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let guard = ReapOnDrop::new(stubborn_child());
        pid = Some(subprocess::pid(&guard));
        panic!("something went wrong while the child ran");
    }));
    assert!(result.is_err());
    assert_reaped(pid.expect("the closure ran up to the panic"));
}

#[test]
fn into_inner_hands_the_child_back_unkilled() {
    let guard = ReapOnDrop::new(
        command("sh", &["-c", "sleep 0.05; echo done"])
            .stdout(Stdio::piped())
            .spawn()
            .expect("sh runs"),
    );
    let pid = subprocess::pid(&guard);
    let output = guard.into_inner().wait_with_output().expect("wait works");
    assert_eq!(output.stdout, b"done\n");
    assert!(output.status.success());
    assert_reaped(pid);
}

// --- pipelines -----------------------------------------------------------

/// Runs `script` with `sh -c`, its stdin fed with `input`: the reference the
/// hand-built chains must match.
fn shell(script: &str, input: &[u8]) -> Vec<u8> {
    let out = Pipeline::new()
        .pipe(command("sh", &["-c", script]))
        .run(input.to_vec())
        .expect("sh runs");
    assert!(out.success(), "`{script}`: {:?}", out.statuses);
    out.stdout
}

#[test]
fn a_three_child_chain_matches_the_shell_byte_for_byte() {
    let input = sample_text(MIB + 12_345);
    let out = Pipeline::new()
        .pipe(command("tr", &["a-z", "n-za-m"]))
        .pipe(command("gzip", &["-n", "-c"]))
        .pipe(command("base64", &[]))
        .run(input.clone())
        .expect("tr, gzip and base64 run");
    assert!(out.success(), "{:?}", out.statuses);
    assert_eq!(out.statuses.len(), 3);
    assert!(!out.timed_out);
    let expected = shell("tr a-z n-za-m | gzip -n -c | base64", &input);
    assert!(!expected.is_empty());
    assert!(
        out.stdout == expected,
        "the chain's output differs from the shell's"
    );
}

#[test]
fn a_two_child_chain_carries_a_mebibyte_unchanged() {
    // Both directions of the pipes carry the full mebibyte and more.
    let input = sample_text(MIB + 1);
    let out = Pipeline::new()
        .pipe(command("tr", &["a-z", "A-Z"]))
        .pipe(command("tr", &["A-Z", "a-z"]))
        .run(input.clone())
        .expect("tr runs");
    assert!(out.success());
    assert_eq!(out.stdout.len(), input.len());
    assert!(out.stdout == input, "the round trip changed the bytes");
}

#[test]
fn the_helper_encrypts_with_the_key_from_its_environment_and_round_trips() {
    let helper = || {
        let mut command = Command::new(env!("CARGO_BIN_EXE_subprocess"));
        command.arg(HELPER_ARG).env(KEY_VAR, "k3y");
        command
    };
    let input = sample_text(MIB);
    let encrypted = Pipeline::new()
        .pipe(helper())
        .run(input.clone())
        .expect("the helper runs");
    assert!(encrypted.success());
    let mut expected = Vec::new();
    subprocess::xor_stream(b"k3y", &input[..], &mut expected).expect("in memory");
    assert!(
        encrypted.stdout == expected,
        "the child did not use the key"
    );

    // Encrypt, compress, decompress, decrypt: four children, the input back.
    let round_trip = Pipeline::new()
        .pipe(helper())
        .pipe(command("gzip", &["-c"]))
        .pipe(command("gzip", &["-d", "-c"]))
        .pipe(helper())
        .run(input.clone())
        .expect("the chain runs");
    assert!(round_trip.success());
    assert!(
        round_trip.stdout == input,
        "the round trip changed the bytes"
    );
}

#[test]
fn the_helper_without_a_key_is_a_clear_error() {
    let out = subprocess::output(
        Command::new(env!("CARGO_BIN_EXE_subprocess"))
            .arg(HELPER_ARG)
            .env_remove(KEY_VAR)
            .stdin(Stdio::null()),
    )
    .expect("the lesson binary runs");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "--xor-helper: no key: set LESSON_KEY in the environment\n"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn a_stage_that_stops_reading_early_sends_sigpipe_upstream() {
    // `head` exits after three lines; the endless writer before it must then
    // die of SIGPIPE. If the parent kept its own copy of the pipe's read
    // end, the writer would write on for ever, and the timeout would end it
    // with SIGTERM instead.
    let out = Pipeline::new()
        .pipe(command("sh", &["-c", "while :; do echo y; done"]))
        .pipe(command("head", &["-n", "3"]))
        .timeout(Duration::from_secs(10))
        .run(Vec::new())
        .expect("sh and head run");
    assert_eq!(out.stdout, b"y\ny\ny\n");
    assert!(!out.timed_out);
    assert_eq!(
        out.statuses[0].signal(),
        Some(13),
        "{}",
        describe(out.statuses[0])
    );
    assert!(out.statuses[1].success());
    assert!(
        !out.success(),
        "like `set -o pipefail`, a killed stage is a failure"
    );
}

#[test]
fn a_stage_that_reads_only_part_of_a_large_input_is_not_an_error() {
    // `head` reads a little and exits; the writer thread's next write then
    // fails with "broken pipe", which is how a pipeline normally ends.
    let out = Pipeline::new()
        .pipe(command("head", &["-c", "10"]))
        .run(sample_text(MIB))
        .expect("a broken pipe to a finished stage is not an error");
    assert_eq!(out.stdout, b"line 00000");
    assert!(out.success());
}

#[test]
fn a_pipeline_past_its_timeout_is_terminated() {
    let timeout = Duration::from_millis(100);
    let started = Instant::now();
    let out = Pipeline::new()
        .pipe(Command::new("cat"))
        .pipe(command("sleep", &["10"]))
        .timeout(timeout)
        .run(b"hello".to_vec())
        .expect("cat and sleep run");
    assert!(started.elapsed() >= timeout);
    assert!(out.timed_out);
    // cat got its end-of-file and exited; sleep was still asleep.
    assert_eq!(out.statuses[0].code(), Some(0));
    assert_eq!(out.statuses[1].signal(), Some(15));
    assert!(out.stdout.is_empty());
}

#[test]
fn a_pipeline_that_finishes_in_time_is_not_marked_timed_out() {
    let out = Pipeline::new()
        .pipe(command("wc", &["-c"]))
        .timeout(Duration::from_secs(10))
        .run(vec![b'x'; 70_000])
        .expect("wc runs");
    assert!(!out.timed_out);
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "70000");
}

#[test]
fn a_failing_stage_shows_in_the_statuses() {
    let out = Pipeline::new()
        .pipe(Command::new("cat"))
        .pipe(command("sh", &["-c", "cat; exit 5"]))
        .run(b"abc".to_vec())
        .expect("cat and sh run");
    assert_eq!(out.stdout, b"abc");
    assert_eq!(out.statuses[0].code(), Some(0));
    assert_eq!(out.statuses[1].code(), Some(5));
    assert!(!out.success());
}

// --- the pipe buffer -----------------------------------------------------

#[test]
fn the_pipes_to_an_unread_cat_hold_less_than_a_mebibyte() {
    let mut cat = ReapOnDrop::new(
        Command::new("cat")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("cat runs"),
    );
    let pid = subprocess::pid(&cat);
    let stdin = cat.stdin.take().expect("piped");
    let accepted = subprocess::fill_until_blocked(&stdin, MIB).expect("writes work");
    assert!(accepted > 0);
    assert!(
        accepted < MIB,
        "{accepted} bytes went in with no one reading"
    );
    drop(stdin);
    let mut echoed = Vec::new();
    cat.stdout
        .take()
        .expect("piped")
        .read_to_end(&mut echoed)
        .expect("reads work");
    assert_eq!(echoed.len(), accepted);
    assert!(echoed.iter().all(|&b| b == 0));
    assert!(cat.wait().expect("wait works").success());
    drop(cat);
    assert_reaped(pid);
}

#[test]
fn fill_until_blocked_stops_at_its_limit() {
    let mut cat = ReapOnDrop::new(
        Command::new("cat")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("cat runs"),
    );
    let stdin = cat.stdin.take().expect("piped");
    assert_eq!(
        subprocess::fill_until_blocked(&stdin, 1000).expect("writes work"),
        1000
    );
    drop(stdin);
    assert!(cat.wait().expect("wait works").success());
}
