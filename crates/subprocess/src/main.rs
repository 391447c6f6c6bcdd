//! Lesson `subprocess`: child processes, after Effective Python Item 52.
//!
//! Run it with `cargo run -p subprocess`. Each section makes one point; the
//! pieces std lacks (a wait with a deadline, SIGTERM then SIGKILL, a guard
//! that reaps, a pipeline builder) are in the library, one module per step
//! (`src/lib.rs` lists them).
//!
//! The binary is also its own helper: started as `subprocess --xor-helper`
//! it is a filter that encrypts stdin to stdout with a key from its
//! environment, the part `openssl enc` plays in the Python notes (that side
//! is `subprocess::xor_helper`, in `src/cipher.rs`).
//!
//! Why over 400 lines: this file is the nine sections, one function each,
//! in the order they print, and nothing else (what is not a section is in
//! the library). Split further, one run of the lesson would no longer read
//! top to bottom in one file.

use std::env;
use std::error::Error;
use std::ffi::OsStr;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, ExitCode, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use nix::sys::wait::waitpid;
use subprocess::verdict::{
    all_succeeded, byte_identical, escalated_to_sigkill, every_byte_came_back,
    every_stage_succeeded, gives_back, key_in_every_environment, key_in_no_argv, no_child_left,
    ran_in_parallel, read_both, reaped, still_ours_to_reap, succeeded, waited_at_least,
    worked_while_child_ran, would_block_before, yes_no,
};
use subprocess::{
    HELPER_ARG, KEY_VAR, Pipeline, ReapOnDrop, SEEN_FROM, describe, python_returncode, sample_text,
    seen_from_outside, spawn,
};

type Result<T = (), E = Box<dyn Error>> = std::result::Result<T, E>;

/// One mebibyte: the size of the "large" data in sections 5 and 6.
const MIB: usize = 1024 * 1024;

fn main() -> ExitCode {
    // Started by sections 4 and 5 as a child: be the helper, nothing else.
    if env::args_os().nth(1).as_deref() == Some(OsStr::new(HELPER_ARG)) {
        return subprocess::xor_helper();
    }
    match lesson() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

fn lesson() -> Result {
    // The lesson's own binary, re-run as a helper child in sections 4 and 5.
    let me = env::current_exe()?;
    a_child_reports_its_output_and_status()?;
    poll_while_doing_other_work()?;
    ten_children_sleep_in_parallel()?;
    stdin_in_stdout_out_secret_in_the_environment(&me)?;
    children_chain_like_a_shell_pipeline(&me)?;
    a_full_pipe_blocks_its_writer()?;
    a_child_that_never_finishes_is_terminated()?;
    a_missing_program_is_a_clear_error()?;
    every_child_is_reaped()
}

// ANCHOR: run_and_capture
fn a_child_reports_its_output_and_status() -> Result {
    println!("== 1. Run a child, capture its output, check its status ==");
    // `output()` runs the child to the end and captures stdout and stderr:
    // `subprocess.run(..., capture_output=True)`.
    let echo = subprocess::output(Command::new("echo").arg("grüße from a child process"))?;
    // The status first (Python's `check_returncode()`), then the bytes as
    // UTF-8 text (`encoding='utf-8'`): `from_utf8` fails rather than guess.
    let text = String::from_utf8(echo.stdout)?;
    println!("echo: {}; stdout: {:?}", describe(echo.status), text);

    let failing = subprocess::output(Command::new("sh").args(["-c", "exit 3"]))?;
    println!(
        "sh -c 'exit 3': {}; success: {}",
        describe(failing.status),
        yes_no(succeeded(failing.status))
    );

    // A child's output is bytes, and need not be UTF-8: "grüße" in Latin-1.
    let latin1 = subprocess::output(Command::new("sh").args(["-c", r"printf 'gr\374\337e'"]))?;
    match String::from_utf8(latin1.stdout) {
        Ok(text) => println!("Latin-1 output decoded as UTF-8?! {text:?}"),
        Err(err) => println!(
            "Latin-1 output: not UTF-8 ({}); lossily: {:?}",
            err.utf8_error(),
            String::from_utf8_lossy(err.as_bytes())
        ),
    }
    Ok(())
}
// ANCHOR_END: run_and_capture

// ANCHOR: poll
fn poll_while_doing_other_work() -> Result {
    println!("\n== 2. Spawn, then poll while doing other work ==");
    // `spawn` returns at once, with the child running: `subprocess.Popen`.
    // The guard reaps it on every way out of this function (section 9).
    let mut child = ReapOnDrop::new(spawn(Command::new("sleep").arg("0.2"))?);
    let mut rounds = 0;
    let status = loop {
        // `try_wait` never blocks: `None` while the child runs, its status
        // once it has exited (and then it is reaped). Python's `poll()`.
        if let Some(status) = child.try_wait()? {
            break status;
        }
        thread::sleep(Duration::from_millis(10)); // stands in for real work
        rounds += 1;
    };
    println!("sleep 0.2: the parent did ~{rounds} rounds of its own work between polls");
    println!(
        "the parent worked while the child ran: {}",
        yes_no(worked_while_child_ran(rounds))
    );
    println!(
        "try_wait: {}; Python's poll() would say {}",
        describe(status),
        python_returncode(status)
    );
    Ok(())
}
// ANCHOR_END: poll

// ANCHOR: fan_out
fn ten_children_sleep_in_parallel() -> Result {
    println!("\n== 3. Ten children run in parallel ==");
    let nap = Duration::from_millis(100);
    let started = Instant::now();
    // Start all ten, then wait for each. Started and waited one at a time,
    // they would take ten naps.
    let mut children = Vec::new();
    for _ in 0..10 {
        children.push(ReapOnDrop::new(spawn(Command::new("sleep").arg("0.1"))?));
    }
    let mut statuses = Vec::new();
    for child in &mut children {
        statuses.push(child.wait()?);
    }
    let took = started.elapsed();
    println!(
        "all ten exited with status 0: {}",
        yes_no(all_succeeded(statuses))
    );
    // In sequence they would need 10 naps; "parallel" is anything under 5.
    println!(
        "ten children took {took:.1?}, one child sleeps {nap:.1?}: ran in parallel: {}",
        yes_no(ran_in_parallel(took, nap, 10))
    );
    Ok(())
}
// ANCHOR_END: fan_out

/// The key the helper children get through their environment.
const KEY: &str = "correct horse battery staple";

/// The lesson's own binary as a cipher child, with the key in its
/// environment (`env=` in Python), never in its arguments.
fn cipher(me: &Path) -> Command {
    let mut command = Command::new(me);
    command.arg(HELPER_ARG).env(KEY_VAR, KEY);
    command
}

// ANCHOR: stdin_and_env
fn stdin_in_stdout_out_secret_in_the_environment(me: &Path) -> Result {
    println!("\n== 4. Data through stdin and stdout, the secret through the environment ==");
    let messages = ["attack at dawn", "retreat at dusk", "hold the bridge"];
    let mut seen = Vec::new();
    let mut children = Vec::new();
    for message in messages {
        let mut command = cipher(me);
        command.stdin(Stdio::piped()).stdout(Stdio::piped());
        let mut child = ReapOnDrop::new(spawn(&mut command)?);
        // While it runs (it waits for our input), read what every other
        // process can read of it, as `ps` does.
        seen.push(seen_from_outside(child.id())?);
        let mut stdin = child.stdin.take().expect("spawned with a piped stdin");
        // Writing everything before reading anything is safe only because a
        // few bytes fit in the pipe's buffer. Section 6: when they do not.
        stdin.write_all(message.as_bytes())?;
        drop(stdin); // end-of-file: the helper finishes its work and exits
        children.push(child);
    }
    // All three ran at once; now collect each one's output and status:
    // `wait_with_output` is Python's `communicate()` with no input.
    let mut round_trips = true;
    for (message, child) in messages.into_iter().zip(children) {
        let out = child.into_inner().wait_with_output()?;
        let hex: String = out.stdout.iter().map(|b| format!("{b:02x}")).collect();
        let quoted = format!("{message:?}");
        println!("{quoted:<17} -> {hex} ({})", describe(out.status));
        let back = Pipeline::new().pipe(cipher(me)).run(out.stdout)?;
        round_trips &= gives_back(&back, message.as_bytes());
    }
    println!("while they ran, the OS showed {SEEN_FROM}");
    println!(
        "the key was in no child's argv: {}",
        yes_no(key_in_no_argv(&seen, KEY))
    );
    println!(
        "the key was in every child's environment: {}",
        key_in_every_environment(&seen, KEY_VAR, KEY).map_or("not readable here", yes_no)
    );
    println!(
        "each ciphertext decrypts to its message: {}",
        yes_no(round_trips)
    );
    Ok(())
}
// ANCHOR_END: stdin_and_env

// ANCHOR: chain
fn children_chain_like_a_shell_pipeline(me: &Path) -> Result {
    println!("\n== 5. Children chained like a shell pipeline ==");
    let input = sample_text(MIB);
    // Compress, encrypt, armour as text: three children, each one's stdout
    // the next one's stdin. `Pipeline` (src/pipeline.rs) wires them up,
    // drops the parent's copies of the pipe ends, feeds stdin from a thread.
    let mut gzip = Command::new("gzip");
    gzip.args(["-n", "-c"]); // -n: no name or time stamp, the same bytes every run
    let chain = Pipeline::new()
        .pipe(gzip)
        .pipe(cipher(me))
        .pipe(Command::new("base64"))
        .run(input.clone())?;
    println!(
        "gzip -n -c | subprocess {HELPER_ARG} | base64, fed {} bytes:",
        input.len()
    );
    println!(
        "  every stage exited with status 0: {}",
        yes_no(every_stage_succeeded(&chain))
    );

    // The same chain, built by the shell. "$0" is the lesson binary.
    let script = format!("gzip -n -c | \"$0\" {HELPER_ARG} | base64");
    let mut shell = Command::new("sh");
    shell.arg("-c").arg(&script).arg(me).env(KEY_VAR, KEY);
    let by_shell = Pipeline::new().pipe(shell).run(input.clone())?;
    println!(
        "  byte-identical to what `sh -c '{script}'` wrote: {}",
        yes_no(byte_identical(&chain, &by_shell))
    );

    // And back: decode, decrypt, decompress.
    let mut decode = Command::new("base64");
    decode.arg("--decode");
    let mut gunzip = Command::new("gzip");
    gunzip.args(["-d", "-c"]);
    let back = Pipeline::new()
        .pipe(decode)
        .pipe(cipher(me))
        .pipe(gunzip)
        .run(chain.stdout)?;
    println!(
        "base64 --decode | subprocess {HELPER_ARG} | gzip -d -c gives back all {} bytes: {}",
        input.len(),
        yes_no(gives_back(&back, &input))
    );
    Ok(())
}
// ANCHOR_END: chain

// ANCHOR: deadlock
fn a_full_pipe_blocks_its_writer() -> Result {
    println!("\n== 6. The pipe-buffer deadlock, and the safe ways ==");
    // The trap: write all the input, *then* read the output. `cat` echoes
    // what it reads; once its stdout pipe is full and no one reads it, cat
    // stops reading; once its stdin pipe is full too, our write blocks, for
    // ever. We probe that with non-blocking writes instead of falling in.
    let mut cat = Command::new("cat");
    cat.stdin(Stdio::piped()).stdout(Stdio::piped());
    let mut cat = ReapOnDrop::new(spawn(&mut cat)?);
    let stdin = cat.stdin.take().expect("spawned with a piped stdin");
    let accepted = subprocess::fill_until_blocked(&stdin, MIB)?;
    println!(
        "writing to cat without reading it: the pipes took ~{} KiB, then a write would block",
        accepted / 1024
    );
    println!(
        "so writing {} KiB before reading would never finish: {}",
        MIB / 1024,
        yes_no(would_block_before(accepted, MIB))
    );
    drop(stdin); // end-of-file for cat...
    let mut echoed = Vec::new(); // ...and someone reading: cat can finish
    cat.stdout
        .take()
        .expect("spawned with a piped stdout")
        .read_to_end(&mut echoed)?;
    let status = cat.wait()?;
    println!(
        "reading its output unblocked cat, which {}; every byte came back: {}",
        describe(status),
        yes_no(every_byte_came_back(echoed.len(), accepted))
    );

    // Safe way 1: a writer thread feeds stdin while this thread reads.
    let input = sample_text(MIB);
    let through_cat = Pipeline::new()
        .pipe(Command::new("cat"))
        .run(input.clone())?;
    println!(
        "safe way 1, a writer thread: {} bytes through cat, all back: {}",
        input.len(),
        yes_no(gives_back(&through_cat, &input))
    );

    // Safe way 2: `output()` reads stdout and stderr at the same time, so a
    // child that fills one while we wait on the other cannot block.
    let script = format!("head -c {MIB} /dev/zero; head -c {MIB} /dev/zero >&2");
    let both = subprocess::output(Command::new("sh").args(["-c", &script]))?;
    println!(
        "safe way 2, output(): {} bytes on stdout, then {} on stderr, all read: {}",
        MIB,
        MIB,
        yes_no(read_both(&both, MIB))
    );
    Ok(())
}
// ANCHOR_END: deadlock

// ANCHOR: timeout
fn a_child_that_never_finishes_is_terminated() -> Result {
    println!("\n== 7. A child that never finishes: a deadline, then SIGTERM ==");
    let timeout = Duration::from_millis(100);
    let mut child = ReapOnDrop::new(spawn(Command::new("sleep").arg("10"))?);
    let started = Instant::now();
    // Python: `proc.communicate(timeout=0.1)` raising `TimeoutExpired`.
    if subprocess::wait_timeout(&mut child, timeout)?.is_none() {
        let waited = started.elapsed();
        println!(
            "sleep 10: still running after {waited:.1?}; waited at least the timeout: {}",
            yes_no(waited_at_least(waited, timeout))
        );
    }
    // Python: `proc.terminate()`, `proc.wait()`.
    let stopped = subprocess::terminate(&mut child, Duration::from_secs(1))?;
    println!(
        "SIGTERM, then reaped: {}; Python's returncode: {}",
        describe(stopped.status()),
        python_returncode(stopped.status())
    );

    // A child that ignores SIGTERM (`trap '' TERM` survives `exec`). It says
    // "ready" once the trap is set: a SIGTERM sent before would still kill it.
    let mut stubborn = Command::new("sh");
    stubborn
        .args(["-c", "trap '' TERM; echo ready; exec sleep 10"])
        .stdout(Stdio::piped());
    let mut stubborn = ReapOnDrop::new(spawn(&mut stubborn)?);
    let mut ready = String::new();
    BufReader::new(stubborn.stdout.take().expect("spawned with a piped stdout"))
        .read_line(&mut ready)?;
    let stopped = subprocess::terminate(&mut stubborn, Duration::from_millis(100))?;
    println!(
        "a child that ignores SIGTERM: {}; escalated to SIGKILL: {}",
        describe(stopped.status()),
        yes_no(escalated_to_sigkill(stopped))
    );
    Ok(())
}
// ANCHOR_END: timeout

// ANCHOR: missing_program
fn a_missing_program_is_a_clear_error() -> Result {
    println!("\n== 8. A program that does not exist ==");
    let missing = "no-such-program";
    // Python raises `FileNotFoundError`; Rust returns an `Err` to handle.
    match spawn(&mut Command::new(missing)) {
        Err(err) => println!("{err}"),
        Ok(child) => println!(
            "`{missing}` exists here?! pid {}",
            ReapOnDrop::new(child).id()
        ),
    }
    // Mid-pipeline, the stage already started must not be left behind:
    // `Pipeline` kills and reaps it before it returns the error.
    let result = Pipeline::new()
        .pipe(Command::new("cat"))
        .pipe(Command::new(missing))
        .run(b"for no one".to_vec());
    match result {
        Err(err) => println!("cat | {missing}: {err}"),
        Ok(_) => println!("cat | {missing}: ran?!"),
    }
    Ok(())
}
// ANCHOR_END: missing_program

// ANCHOR: reaped
fn every_child_is_reaped() -> Result {
    println!("\n== 9. Every child is reaped ==");
    // std's `Child` does not wait when dropped: the exited child stays a
    // zombie, its status kept for a parent that may yet ask.
    let child = spawn(&mut Command::new("true"))?;
    let pid = subprocess::pid(&child);
    drop(child);
    let found = waitpid(pid, None); // blocks until it has exited, then reaps it
    println!(
        "a dropped Child is not reaped: waitpid found it, still ours to reap: {}",
        yes_no(still_ours_to_reap(found, pid))
    );

    // `ReapOnDrop` kills (if need be) and reaps when dropped.
    let guarded = ReapOnDrop::new(spawn(Command::new("sleep").arg("10"))?);
    let pid = subprocess::pid(&guarded);
    drop(guarded);
    println!(
        "a dropped ReapOnDrop(sleep 10) is killed and reaped: {}",
        yes_no(reaped(pid))
    );

    // Every section above, errors and timeouts included: no child of this
    // process is left, running or zombie (ECHILD: "no children").
    println!(
        "waitpid(-1, WNOHANG): no child left after sections 1-9: {}",
        yes_no(no_child_left())
    );
    Ok(())
}
// ANCHOR_END: reaped
