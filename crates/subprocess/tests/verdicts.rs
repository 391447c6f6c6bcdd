//! Controls: every verdict the lesson prints can come out the other way.
//! Each test, `verdict_<name>_can_fail`, runs the broken variant of a
//! section for real (children one after the other, a key passed in argv, a
//! child left unreaped, a stage that fails...), hands its evidence to the
//! function `subprocess::verdict::<name>` the lesson prints, and asserts the
//! answer opposite to the snapshot's. Where it costs little, a test also
//! runs the lesson's own variant and sees the snapshot's answer, so the check
//! tells the two apart.
//!
//! Tests here run on parallel threads of one process, so children are
//! checked by pid; the whole-process check, `no_child_left`, has its control
//! in a file of its own (`tests/no_child_left.rs`).

use std::io::Read;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use nix::sys::signal::{Signal, kill};
use nix::sys::wait::waitpid;
use subprocess::verdict::{
    Verdict, all_succeeded, byte_identical, each_decrypts_to_its_message, escalated_to_sigkill,
    every_byte_came_back, every_stage_succeeded, gives_back, key_in_every_environment,
    key_in_no_argv, ran_in_parallel, read_both, reaped, still_ours_to_reap, succeeded,
    waited_at_least, worked_while_child_ran, would_block_before,
};
use subprocess::{
    HELPER_ARG, KEY_VAR, Pipeline, ReapOnDrop, fill_until_blocked, sample_text, seen_from_outside,
    spawn,
};

const KEY: &str = "correct horse battery staple";

fn command(program: &str, args: &[&str]) -> Command {
    let mut command = Command::new(program);
    command.args(args);
    command
}

/// The lesson's own binary as the cipher helper, its key in the environment.
fn cipher(key: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_subprocess"));
    command.arg(HELPER_ARG).env(KEY_VAR, key);
    command
}

// --- run_and_capture -----------------------------------------------------

// `sh -c 'exit 3': ...; success: no`: the snapshot's answer is "no", so the
// control runs a child that succeeds and must hear "yes".
#[test]
fn verdict_succeeded_can_fail() {
    let out = subprocess::output(&mut command("sh", &["-c", "exit 0"])).expect("sh runs");
    assert_eq!(succeeded(out.status), Verdict::Yes);
    let out = subprocess::output(&mut command("sh", &["-c", "exit 3"])).expect("sh runs");
    assert_eq!(succeeded(out.status), Verdict::No);
}

// --- poll ----------------------------------------------------------------

// `the parent worked while the child ran: yes`. The mistake: a blocking
// `wait()` first, then the polling loop: the child is gone before it starts.
#[test]
fn verdict_worked_while_child_ran_can_fail() {
    let mut child = ReapOnDrop::new(
        spawn(command("sleep", &["0.1"]).stdin(Stdio::null())).expect("sleep runs"),
    );
    child.wait().expect("wait works");
    let mut rounds = 0;
    while child.try_wait().expect("try_wait works").is_none() {
        thread::sleep(Duration::from_millis(10));
        rounds += 1;
    }
    assert_eq!(worked_while_child_ran(rounds), Verdict::No);
}

// --- fan_out -------------------------------------------------------------

// `all ten exited with status 0: yes`: one of the ten fails.
#[test]
fn verdict_all_succeeded_can_fail() {
    let mut children: Vec<ReapOnDrop> = (0..10)
        .map(|n| {
            let script = if n == 7 { "exit 1" } else { "exit 0" };
            ReapOnDrop::new(spawn(&mut command("sh", &["-c", script])).expect("sh runs"))
        })
        .collect();
    let statuses: Vec<_> = children
        .iter_mut()
        .map(|child| child.wait().expect("wait works"))
        .collect();
    assert_eq!(all_succeeded(statuses), Verdict::No);
}

// `ten children took [time], ...: ran in parallel: yes`: started and waited
// for one at a time, they take ten naps, whatever the machine's load.
#[test]
fn verdict_ran_in_parallel_can_fail() {
    let nap = Duration::from_millis(50);
    let started = Instant::now();
    for _ in 0..10 {
        let mut child = ReapOnDrop::new(
            spawn(command("sleep", &["0.05"]).stdin(Stdio::null())).expect("sleep runs"),
        );
        assert!(child.wait().expect("wait works").success());
    }
    let took = started.elapsed();
    assert_eq!(ran_in_parallel(took, nap, 10), Verdict::No);
}

// --- stdin_and_env -------------------------------------------------------

/// Starts `command` with a piped stdin (so it waits for input), reads what
/// others see of it while it runs, then ends and reaps it.
fn seen_while_running(mut command: Command) -> subprocess::Seen {
    command.stdin(Stdio::piped()).stdout(Stdio::null());
    let mut child = ReapOnDrop::new(spawn(&mut command).expect("the child starts"));
    let seen = seen_from_outside(child.id()).expect("a running child can be read");
    drop(child.stdin.take());
    assert!(child.wait().expect("wait works").success());
    seen
}

// `the key was in no child's argv: yes`: the key passed as an argument, as
// `openssl enc -pass pass:KEY` would take it. (The helper ignores it.)
#[test]
fn verdict_key_in_no_argv_can_fail() {
    let mut leaky = cipher(KEY);
    leaky.arg(format!("pass:{KEY}"));
    let seen = [seen_while_running(cipher(KEY)), seen_while_running(leaky)];
    assert_eq!(key_in_no_argv(&seen[..1], KEY), Verdict::Yes);
    assert_eq!(key_in_no_argv(&seen, KEY), Verdict::No);
}

// `the key was in every child's environment: yes`: a child started without it.
#[cfg(target_os = "linux")]
#[test]
fn verdict_key_in_every_environment_can_fail() {
    let mut without = command("cat", &[]);
    without.env_remove(KEY_VAR);
    let seen = [seen_while_running(cipher(KEY)), seen_while_running(without)];
    assert_eq!(
        key_in_every_environment(&seen[..1], KEY_VAR, KEY),
        Verdict::Yes
    );
    assert_eq!(key_in_every_environment(&seen, KEY_VAR, KEY), Verdict::No);
}

/// Encrypts each message with the lesson's key, then decrypts it with
/// `key`, each step a helper child.
fn round_trips(messages: &[&str], key: &str) -> Vec<subprocess::PipelineOutput> {
    messages
        .iter()
        .map(|message| {
            let secret = Pipeline::new()
                .pipe(cipher(KEY))
                .run(message.as_bytes().to_vec())
                .expect("the helper runs");
            Pipeline::new()
                .pipe(cipher(key))
                .run(secret.stdout)
                .expect("the helper runs")
        })
        .collect()
}

// `each ciphertext decrypts to its message: yes`: decrypted with another key.
#[test]
fn verdict_each_decrypts_to_its_message_can_fail() {
    let messages = ["attack at dawn", "retreat at dusk"];
    let wrong_key = round_trips(&messages, "another key");
    assert!(wrong_key.iter().all(|out| out.success()));
    assert_eq!(
        each_decrypts_to_its_message(&wrong_key, &messages),
        Verdict::No
    );
    let right_key = round_trips(&messages, KEY);
    assert_eq!(
        each_decrypts_to_its_message(&right_key, &messages),
        Verdict::Yes
    );
}

// --- chain ---------------------------------------------------------------

// `every stage exited with status 0: yes`: the middle stage fails.
#[test]
fn verdict_every_stage_succeeded_can_fail() {
    let out = Pipeline::new()
        .pipe(Command::new("cat"))
        .pipe(command("sh", &["-c", "cat; exit 1"]))
        .pipe(Command::new("cat"))
        .run(b"data".to_vec())
        .expect("the stages run");
    assert_eq!(out.stdout, b"data");
    assert_eq!(every_stage_succeeded(&out), Verdict::No);
}

// `byte-identical to what sh wrote: yes`: a shell chain missing a stage.
#[test]
fn verdict_byte_identical_can_fail() {
    let input = sample_text(64 * 1024);
    let ours = Pipeline::new()
        .pipe(command("gzip", &["-n", "-c"]))
        .pipe(cipher(KEY))
        .pipe(Command::new("base64"))
        .run(input.clone())
        .expect("the stages run");
    let shell = Pipeline::new()
        .pipe(command("sh", &["-c", "gzip -n -c | base64"]))
        .run(input)
        .expect("sh runs");
    assert_eq!(byte_identical(&ours, &shell), Verdict::No);
}

// `base64 --decode | ... | gzip -d -c gives back all ... bytes: yes`:
// the way back without the decryption.
#[test]
fn verdict_gives_back_can_fail() {
    let input = sample_text(64 * 1024);
    let armoured = Pipeline::new()
        .pipe(command("gzip", &["-n", "-c"]))
        .pipe(cipher(KEY))
        .pipe(Command::new("base64"))
        .run(input.clone())
        .expect("the stages run");
    let mut gunzip = command("gzip", &["-d", "-c"]);
    gunzip.stderr(Stdio::null()); // "not in gzip format": expected here
    let back = Pipeline::new()
        .pipe(command("base64", &["--decode"]))
        .pipe(gunzip)
        .run(armoured.stdout)
        .expect("the stages run");
    assert_eq!(gives_back(&back, &input), Verdict::No);
}

// --- deadlock ------------------------------------------------------------

// `so writing 1024 KiB before reading would never finish: yes`: 4 KiB fit
// in any pipe's buffer, so writing them first finishes.
#[test]
fn verdict_would_block_before_can_fail() {
    let mut cat = command("cat", &[]);
    cat.stdin(Stdio::piped()).stdout(Stdio::piped());
    let mut cat = ReapOnDrop::new(spawn(&mut cat).expect("cat runs"));
    let stdin = cat.stdin.take().expect("piped");
    let small = 4096;
    let accepted = fill_until_blocked(&stdin, small).expect("the pipe takes writes");
    assert_eq!(accepted, small);
    assert_eq!(would_block_before(accepted, small), Verdict::No);
}

// `...; every byte came back: yes`: a child that swallows its input.
#[test]
fn verdict_every_byte_came_back_can_fail() {
    let mut swallow = command("sh", &["-c", "cat > /dev/null"]);
    swallow.stdin(Stdio::piped()).stdout(Stdio::piped());
    let mut swallow = ReapOnDrop::new(spawn(&mut swallow).expect("sh runs"));
    let stdin = swallow.stdin.take().expect("piped");
    let accepted = fill_until_blocked(&stdin, 64 * 1024).expect("the pipe takes writes");
    drop(stdin);
    let mut echoed = Vec::new();
    swallow
        .stdout
        .take()
        .expect("piped")
        .read_to_end(&mut echoed)
        .expect("reading works");
    assert!(swallow.wait().expect("wait works").success());
    assert!(accepted > 0);
    assert_eq!(every_byte_came_back(echoed.len(), accepted), Verdict::No);
}

// `safe way 1, a writer thread: ... all back: yes`: a stage that keeps
// only the first kilobyte. (A second broken variant for `gives_back`: the
// one above breaks the chain, this one the safe way through `cat`.)
#[test]
fn gives_back_says_no_for_a_stage_that_keeps_a_kilobyte() {
    let input = sample_text(1024 * 1024);
    let out = Pipeline::new()
        .pipe(command("head", &["-c", "1024"]))
        .run(input.clone())
        .expect("head runs");
    assert_eq!(out.stdout.len(), 1024);
    assert_eq!(gives_back(&out, &input), Verdict::No);
}

// `safe way 2, output(): ... all read: yes`: stderr not captured.
#[test]
fn verdict_read_both_can_fail() {
    let len = 64 * 1024;
    let script = format!("head -c {len} /dev/zero; head -c {len} /dev/zero >&2");
    let mut command = command("sh", &["-c", &script]);
    command.stderr(Stdio::null());
    let out = subprocess::output(&mut command).expect("sh runs");
    assert_eq!(out.stdout.len(), len);
    assert_eq!(read_both(&out, len), Verdict::No);
}

// --- timeout -------------------------------------------------------------

// `waited at least the timeout: yes`: one `try_wait` (Python's `poll()`)
// does not wait at all.
#[test]
fn verdict_waited_at_least_can_fail() {
    let timeout = Duration::from_secs(1);
    let mut child =
        ReapOnDrop::new(spawn(command("sleep", &["10"]).stdin(Stdio::null())).expect("sleep runs"));
    let started = Instant::now();
    assert!(child.try_wait().expect("try_wait works").is_none());
    let waited = started.elapsed();
    assert_eq!(waited_at_least(waited, timeout), Verdict::No);
}

// `escalated to SIGKILL: yes`: a child that obeys SIGTERM is not killed.
#[test]
fn verdict_escalated_to_sigkill_can_fail() {
    let mut child =
        ReapOnDrop::new(spawn(command("sleep", &["10"]).stdin(Stdio::null())).expect("sleep runs"));
    let stopped = subprocess::terminate(&mut child, Duration::from_secs(5)).expect("signals work");
    assert_eq!(escalated_to_sigkill(stopped), Verdict::No);
}

// --- reaped --------------------------------------------------------------

// `a dropped Child is not reaped: ... still ours to reap: yes`: a child
// waited for before it was dropped is reaped already.
#[test]
fn verdict_still_ours_to_reap_can_fail() {
    let mut child = spawn(&mut Command::new("true")).expect("true runs");
    let pid = subprocess::pid(&child);
    child.wait().expect("wait works");
    drop(child);
    assert_eq!(still_ours_to_reap(waitpid(pid, None), pid), Verdict::No);
}

// `a dropped ReapOnDrop(sleep 10) is killed and reaped: yes`: a plain
// `Child`, dropped, is neither.
#[test]
fn verdict_reaped_can_fail() {
    let child = spawn(command("sleep", &["10"]).stdin(Stdio::null())).expect("sleep runs");
    let pid = subprocess::pid(&child);
    drop(child);
    assert_eq!(reaped(pid), Verdict::No);
    // Clean up by hand what the guard would have done.
    kill(pid, Signal::SIGKILL).expect("it is still our child");
    waitpid(pid, None).expect("and we reap it");
    assert_eq!(reaped(pid), Verdict::Yes);
}
