//! Every worker process is reaped, on the way out of an error too. One test
//! in this file, so no other test's children are about while it looks.

#![cfg(target_os = "linux")]

use std::fs;
use std::io;
use std::process::Command;

use parallelism::{WORKER_ARG, gcds_in_processes, pairs};

/// The process ids of this process's children, running or zombie, from
/// `/proc/self/task/*/children`.
fn children() -> Vec<String> {
    let mut children = Vec::new();
    for task in fs::read_dir("/proc/self/task").expect("Linux lists a process's threads") {
        let path = task.expect("a thread's directory").path().join("children");
        children.extend(
            fs::read_to_string(path)
                .expect("Linux lists each thread's children")
                .split_whitespace()
                .map(str::to_owned),
        );
    }
    children
}

#[test]
fn no_worker_is_left_behind_after_a_run_or_an_error() {
    assert_eq!(children(), Vec::<String>::new());
    let input = pairs(7, 40, 1_000, 5_000);

    let run = gcds_in_processes(
        || {
            let mut command = Command::new(env!("CARGO_BIN_EXE_parallelism"));
            command.arg(WORKER_ARG);
            command
        },
        &input,
        4,
    )
    .unwrap();
    assert_eq!(run.statuses.len(), 4);
    assert_eq!(children(), Vec::<String>::new());

    // The first worker answers nonsense (`cat` echoes the pairs), so the run
    // returns an error before it has read from the other three: they must
    // still have been reaped, not left as zombies.
    let first = std::cell::Cell::new(true);
    let err = gcds_in_processes(
        || {
            if first.replace(false) {
                Command::new("cat")
            } else {
                let mut command = Command::new("sleep");
                command.arg("30");
                command
            }
        },
        &input,
        4,
    )
    .unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::InvalidData);
    assert_eq!(children(), Vec::<String>::new());
}
