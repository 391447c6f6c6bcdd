//! No child is left behind, on any path: checked with `waitpid(-1, WNOHANG)`,
//! which answers ECHILD only when this process has no child at all, running
//! or zombie.
//!
//! That question is about the whole process, so this file holds exactly one
//! test: with a second test running on another thread, its children would be
//! counted too. (`tests/children.rs` checks each child by its pid instead.)

use std::process::Command;
use std::time::Duration;

use subprocess::verdict::no_child_left;
use subprocess::{Pipeline, PipelineError, ReapOnDrop, sample_text};

/// The lesson's own check (its last verdict); `tests/no_child_left.rs`
/// shows it can fail.
#[track_caller]
fn assert_no_child_left(after: &str) {
    assert!(
        no_child_left().is_yes(),
        "a child was left behind after {after}"
    );
}

fn command(program: &str, args: &[&str]) -> Command {
    let mut command = Command::new(program);
    command.args(args);
    command
}

#[test]
fn no_child_is_left_behind_on_any_path() {
    assert_no_child_left("nothing (the test starts with none)");

    let out = Pipeline::new()
        .pipe(Command::new("cat"))
        .pipe(command("gzip", &["-c"]))
        .run(sample_text(1024 * 1024))
        .expect("cat and gzip run");
    assert!(out.success());
    assert_no_child_left("a successful pipeline");

    // Two stages start, the third cannot: both must be killed and reaped.
    let err = Pipeline::new()
        .pipe(command("sleep", &["10"]))
        .pipe(Command::new("cat"))
        .pipe(Command::new("no-such-program"))
        .run(Vec::new())
        .expect_err("the third stage does not exist");
    assert!(matches!(err, PipelineError::Spawn(_)));
    assert_no_child_left("a pipeline whose third stage is missing");

    let out = Pipeline::new()
        .pipe(command("sleep", &["10"]))
        .pipe(Command::new("cat"))
        .timeout(Duration::from_millis(50))
        .run(Vec::new())
        .expect("sleep and cat run");
    assert!(out.timed_out);
    assert_no_child_left("a pipeline that timed out");

    let out = Pipeline::new()
        .pipe(command("sh", &["-c", "while :; do echo y; done"]))
        .pipe(command("head", &["-n", "1"]))
        .run(Vec::new())
        .expect("sh and head run");
    assert_eq!(out.stdout, b"y\n");
    assert_no_child_left("a pipeline whose writer died of SIGPIPE");

    let mut child = command("sleep", &["10"]).spawn().expect("sleep runs");
    subprocess::terminate(&mut child, Duration::from_secs(5)).expect("signals work");
    assert_no_child_left("terminate");

    let panicked = std::panic::catch_unwind(|| {
        let _children: Vec<ReapOnDrop> = (0..3)
            .map(|_| ReapOnDrop::new(command("sleep", &["10"]).spawn().expect("sleep runs")))
            .collect();
        panic!("a panic while three children run");
    });
    assert!(panicked.is_err());
    assert_no_child_left("a panic with three guarded children");
}
