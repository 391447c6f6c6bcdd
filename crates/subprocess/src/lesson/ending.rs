//! End every child, whatever happens: the last three sections. A child that
//! never finishes gets a deadline, then SIGTERM, then SIGKILL; a program that
//! does not exist is an error that names it, and leaves nothing running; and
//! every child is reaped, which the last line checks for the whole lesson.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use nix::sys::wait::waitpid;
use subprocess::verdict::{
    escalated_to_sigkill, no_child_left, reaped, still_ours_to_reap, waited_at_least,
};
use subprocess::{Pipeline, ReapOnDrop, describe, python_returncode, spawn};

use crate::Result;

// ANCHOR: timeout
pub(crate) fn a_child_that_never_finishes_is_terminated() -> Result {
    println!("\n== 7. A child that never finishes: a deadline, then SIGTERM ==");
    let timeout = Duration::from_millis(100);
    let mut child = ReapOnDrop::new(spawn(Command::new("sleep").arg("10"))?);
    let started = Instant::now();
    // Python: `proc.communicate(timeout=0.1)` raising `TimeoutExpired`.
    if subprocess::wait_timeout(&mut child, timeout)?.is_none() {
        let waited = started.elapsed();
        println!(
            "sleep 10: still running after {waited:.1?}; waited at least the timeout: {}",
            waited_at_least(waited, timeout)
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
        escalated_to_sigkill(stopped)
    );
    Ok(())
}
// ANCHOR_END: timeout

// ANCHOR: missing_program
pub(crate) fn a_missing_program_is_a_clear_error() -> Result {
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
pub(crate) fn every_child_is_reaped() -> Result {
    println!("\n== 9. Every child is reaped ==");
    // std's `Child` does not wait when dropped: the exited child stays a
    // zombie, its status kept for a parent that may yet ask.
    let child = spawn(&mut Command::new("true"))?;
    let pid = subprocess::pid(&child);
    drop(child);
    let found = waitpid(pid, None); // blocks until it has exited, then reaps it
    println!(
        "a dropped Child is not reaped: waitpid found it, still ours to reap: {}",
        still_ours_to_reap(found, pid)
    );

    // `ReapOnDrop` kills (if need be) and reaps when dropped.
    let guarded = ReapOnDrop::new(spawn(Command::new("sleep").arg("10"))?);
    let pid = subprocess::pid(&guarded);
    drop(guarded);
    println!(
        "a dropped ReapOnDrop(sleep 10) is killed and reaped: {}",
        reaped(pid)
    );

    // Every section above, errors and timeouts included: no child of this
    // process is left, running or zombie (ECHILD: "no children").
    println!(
        "waitpid(-1, WNOHANG): no child left after every section: {}",
        no_child_left()
    );
    Ok(())
}
// ANCHOR_END: reaped
