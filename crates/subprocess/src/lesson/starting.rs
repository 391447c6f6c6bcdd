//! Start a child and wait for it: the first three sections. Run one to the
//! end and capture what it printed; start one and poll it while the parent
//! works; start ten at once and wait for them all.

use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use subprocess::verdict::{all_succeeded, ran_in_parallel, succeeded, worked_while_child_ran};
use subprocess::{ReapOnDrop, describe, python_returncode, spawn};

use crate::Result;

// ANCHOR: run_and_capture
pub(crate) fn a_child_reports_its_output_and_status() -> Result {
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
        succeeded(failing.status)
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
pub(crate) fn poll_while_doing_other_work() -> Result {
    println!("\n== 2. Spawn, then poll while doing other work ==");
    // `spawn` returns at once, with the child running: `subprocess.Popen`.
    // The guard reaps it on every way out of this function (the last
    // section, `every_child_is_reaped`, shows why that matters).
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
        worked_while_child_ran(rounds)
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
pub(crate) fn ten_children_sleep_in_parallel() -> Result {
    println!("\n== 3. Ten children run in parallel ==");
    let nap = Duration::from_millis(100);
    let pictured = trace::region("ten children"); // what the chapter's picture shows
    let started = Instant::now();
    // Start all ten, then wait for each. Started and waited one at a time,
    // they would take ten naps.
    let mut children = Vec::new();
    for n in 1..=10 {
        let child = ReapOnDrop::new(spawn(Command::new("sleep").arg("0.1"))?);
        // For the chapter's picture: a lane for the child, until it is reaped.
        let lane = trace::child(format!("child {n}"), trace::Wait::Sleep, "sleep 0.1");
        children.push((child, lane));
    }
    let mut statuses = Vec::new();
    for (mut child, lane) in children {
        let _waiting = trace::waiting(trace::Wait::Join, "wait");
        statuses.push(child.wait()?);
        lane.end(); // reaped
    }
    let took = started.elapsed();
    drop(pictured);
    println!("all ten exited with status 0: {}", all_succeeded(statuses));
    // In sequence they would need 10 naps; "parallel" is anything under 5.
    println!(
        "ten children took {took:.1?}, one child sleeps {nap:.1?}: ran in parallel: {}",
        ran_in_parallel(took, nap, 10)
    );
    Ok(())
}
// ANCHOR_END: fan_out
