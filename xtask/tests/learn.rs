//! Tests of `cargo xtask learn` on a tiny course (tests/fixtures/course: two
//! exercises, no dependencies), each test on its own copy of it. The time
//! limit is shortened to 3 s (`XTASK_LEARN_TIME_LIMIT`) so a hang costs 3 s.
// The helpers are test code too: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;
use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use common::{Course, text};
use nix::sys::termios::{LocalFlags, tcgetattr};

#[test]
fn an_unknown_exercise_lists_the_exercises_and_exits_2() {
    let course = Course::new("unknown");
    for args in [
        &["check", "no-such"][..],
        &["hint", "no-such"],
        &["solution"],
    ] {
        let output = course.learn(args);
        let stderr = text(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("demo-counter"), "{args:?}: {stderr}");
        assert!(stderr.contains("demo-event"), "{args:?}: {stderr}");
    }
    let stderr = text(&course.learn(&["check", "no-such"]).stderr);
    assert!(
        stderr.contains("there is no exercise `no-such`"),
        "{stderr}"
    );
}

#[test]
fn a_deadlocking_solution_is_reported_as_a_hang_within_the_limit() {
    let course = Course::new("deadlock");
    let wrong = course.wrong_answer("demo-event", "never_notifies", "event");
    assert!(!wrong.contains("notify_all"), "{wrong}");
    course.save("crates/demo/exercises/src/event.rs", &wrong);
    let output = course.learn(&["check", "demo-event"]);
    let stdout = text(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("did not finish in 3 s: a deadlock or a lost wake-up?"),
        "{stdout}"
    );
    // The exercise's own hint, and the test that never finished.
    assert!(stdout.contains("does set call it?"), "{stdout}");
    assert!(
        stdout.contains(
            "still running when it was stopped:\n  a_waiter_wakes_when_the_event_is_set\n"
        ),
        "{stdout}"
    );
}

#[test]
fn a_compile_error_shows_rustcs_errors_and_exits_1() {
    let course = Course::new("compile");
    course.save(
        "crates/demo/exercises/src/counter.rs",
        "// TODO\npub fn count_in_parallel(_: usize, _: u64) -> u64 { \"many\" }\n",
    );
    let output = course.learn(&["check", "demo-counter"]);
    let stdout = text(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("✗ demo-counter: it does not compile."),
        "{stdout}"
    );
    assert!(
        stdout.contains("error[E0308]: mismatched types"),
        "{stdout}"
    );
    assert!(
        stdout.contains("crates/demo/exercises/src/counter.rs:2:"),
        "{stdout}"
    );
}

#[test]
fn check_hint_list_and_solution_keep_progress() {
    let course = Course::new("progress");
    // The starter fails; its solution is not shown yet.
    let starter = course.learn(&["check", "demo-counter"]);
    assert_eq!(starter.status.code(), Some(1));
    assert!(text(&starter.stdout).contains("✗ demo-counter: the tests failed."));
    assert!(text(&starter.stdout).contains("not yet implemented"));
    assert_eq!(
        course.learn(&["solution", "demo-counter"]).status.code(),
        Some(1)
    );

    // One hint per call, then all of them.
    let first = text(&course.learn(&["hint", "demo-counter"]).stdout);
    assert_eq!(
        first,
        "Hint 1/2: Several threads need the same counter: share it.\n"
    );
    let second = text(&course.learn(&["hint", "demo-counter"]).stdout);
    assert!(second.starts_with("Hint 1/2: "), "{second}");
    assert!(second.contains("\nHint 2/2: An AtomicU64"), "{second}");
    assert!(second.contains("that was the last hint"), "{second}");

    // Solved: checked, listed, and the answer is shown.
    course.save(
        "crates/demo/exercises/src/counter.rs",
        &course.solution("counter"),
    );
    let solved = course.learn(&["check", "demo-counter"]);
    assert_eq!(solved.status.code(), Some(0), "{}", text(&solved.stdout));
    assert_eq!(
        text(&solved.stdout),
        "✓ demo-counter passes: it builds, its tests pass, the stress test passes.\n"
    );
    let list = text(&course.learn(&["list"]).stdout);
    assert!(list.contains("✓  1. demo-counter"), "{list}");
    assert!(list.contains("   2. demo-event"), "{list}");
    assert!(list.contains(" 1/2 done"), "{list}");
    let answer = course.learn(&["solution", "demo-counter"]);
    assert_eq!(answer.status.code(), Some(0));
    assert!(text(&answer.stdout).contains("counter.fetch_add(1, Ordering::Relaxed)"));

    // Checking everything: one still fails, so the exit code is 1.
    let all = course.learn(&["check"]);
    assert_eq!(all.status.code(), Some(1));
    assert!(text(&all.stderr).contains("not passing yet: demo-event"));

    // Progress is plain text; a name that is no exercise is kept.
    let progress = course.path(".learn-progress");
    let mut kept = fs::read_to_string(&progress).unwrap();
    assert!(kept.contains("\ndone demo-counter\n"), "{kept}");
    kept.push_str("done an-exercise-since-renamed\n");
    fs::write(&progress, &kept).unwrap();
    assert!(text(&course.learn(&["list"]).stdout).contains(" 1/2 done"));
    course.learn(&["hint", "demo-event"]);
    assert!(
        fs::read_to_string(&progress)
            .unwrap()
            .contains("done an-exercise-since-renamed\n")
    );
}

#[test]
fn reset_puts_back_gits_version_of_the_starter() {
    let course = Course::new("reset");
    let git = |args: &[&str]| {
        let status = Command::new("git")
            .current_dir(&course.root)
            .args(["-c", "user.name=test", "-c", "user.email=test@example.com"])
            .args(args)
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "git {args:?}");
    };
    git(&["init", "--quiet"]);
    git(&["add", "."]);
    git(&["commit", "--quiet", "-m", "course"]);
    let starter = fs::read_to_string(course.path("crates/demo/exercises/src/counter.rs")).unwrap();
    course.save("crates/demo/exercises/src/counter.rs", "my attempt");
    let output = course.learn(&["reset", "demo-counter"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(
        fs::read_to_string(course.path("crates/demo/exercises/src/counter.rs")).unwrap(),
        starter
    );
}

#[test]
fn verify_passes_the_fixture_course_and_catches_what_is_wrong_with_a_broken_one() {
    let course = Course::new("verify");
    let output = course.learn(&["--verify"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(
        text(&output.stderr).contains("never_notifies.patch: caught at the tests"),
        "{}",
        text(&output.stderr)
    );

    // Break it: a "wrong" answer that is right, one whose report does not
    // say what it expects, one that no longer applies to its solution, one
    // left as a whole file, a starter without its TODO, a chapter whose
    // Exercises section forgets an exercise, and a broken link.
    let wrong = course.path("crates/demo/exercises/wrong/demo-counter");
    fs::create_dir_all(&wrong).unwrap();
    let right = course.solution("counter");
    let counter = "crates/demo/exercises/solutions/counter.rs";
    let comment_only = diffy::DiffOptions::new()
        .set_original_filename(format!("a/{counter}"))
        .set_modified_filename(format!("b/{counter}"))
        .create_patch(&right, &format!("// Only a comment more.\n{right}"))
        .to_string();
    fs::write(
        wrong.join("actually_right.patch"),
        format!("expect: lost\n\nNot a bug at all.\n\n{comment_only}"),
    )
    .unwrap();
    let stale = comment_only
        .replace(
            "+// Only a comment more.",
            "-// A line the solution no longer has.",
        )
        .replace("@@ -1,3 +1,4 @@", "@@ -1,4 +1,3 @@");
    fs::write(
        wrong.join("stale.patch"),
        format!("expect: lost\n\n{stale}"),
    )
    .unwrap();
    fs::write(
        wrong.join("whole_file.rs"),
        format!("//! expect: lost\n{right}"),
    )
    .unwrap();
    let never_notifies = course.path("crates/demo/exercises/wrong/demo-event/never_notifies.patch");
    let body = fs::read_to_string(&never_notifies).unwrap();
    fs::write(
        &never_notifies,
        body.replace("did not finish in", "a data race"),
    )
    .unwrap();
    let starter = fs::read_to_string(course.path("crates/demo/exercises/src/event.rs")).unwrap();
    course.save(
        "crates/demo/exercises/src/event.rs",
        &starter.replace("// TODO", "//"),
    );
    let chapter = course.path("book/src/demo.md");
    let text_before = fs::read_to_string(&chapter).unwrap();
    fs::write(
        &chapter,
        text_before
            .replace("- `demo-event`: a one-shot event.\n", "")
            .replace("## A shared counter {#counter}", "## A shared counter"),
    )
    .unwrap();

    let output = course.learn(&["--verify"]);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    for problem in [
        "actually_right.patch: this wrong answer passes every check (it expected: lost)",
        "never_notifies.patch: rejected, but the report does not say `a data race`",
        "stale.patch: it no longer applies to crates/demo/exercises/solutions/counter.rs",
        "whole_file.rs: a wrong answer is a patch against the solution now: `whole_file.patch`",
        "demo-event: crates/demo/exercises/src/event.rs has no `// TODO`",
        "book/src/demo.md: its `## Exercises` section does not name `demo-event`",
        "demo-counter: section `counter` (book/src/demo.md#counter): book/src/demo.md has no heading with the id `counter` (written `{#counter}`)",
    ] {
        assert!(
            stderr.contains(problem),
            "missing `{problem}` in:\n{stderr}"
        );
    }
}

/// A child killed and reaped on drop, so a failed assertion leaves no
/// `learn` running.
struct Reaped(std::process::Child);

impl Drop for Reaped {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The loop in a pseudo-terminal: it starts on the first exercise, shows a
/// hint on `h`, stops a check of every exercise at a key, passes and moves
/// the progress bar when the solution is saved, and quits on `q` with the
/// terminal as it found it.
#[test]
fn the_watch_loop_rechecks_on_save_and_restores_the_terminal() {
    let course = Course::new("watch");
    let pty = nix::pty::openpty(None, None).unwrap();
    let before = tcgetattr(&pty.slave).unwrap();
    assert!(
        before
            .local_flags
            .contains(LocalFlags::ICANON | LocalFlags::ECHO)
    );

    let mut child = Reaped(
        course
            .command(&[])
            .stdin(Stdio::from(pty.slave.try_clone().unwrap()))
            .stdout(Stdio::from(pty.slave.try_clone().unwrap()))
            .stderr(Stdio::from(pty.slave.try_clone().unwrap()))
            .spawn()
            .unwrap(),
    );
    let screen = Arc::new(Mutex::new(String::new()));
    let mut master = fs::File::from(pty.master);
    let mut keys = master.try_clone().unwrap();
    thread::spawn({
        let screen = Arc::clone(&screen);
        move || {
            let mut buffer = [0u8; 4096];
            while let Ok(n @ 1..) = master.read(&mut buffer) {
                screen
                    .lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buffer[..n]));
            }
        }
    });
    // Waits until the screen, from `from` on, shows `wanted`; returns the
    // screen's length after it.
    let wait_for = |from: usize, wanted: &str| -> usize {
        let deadline = Instant::now() + Duration::from_secs(120);
        loop {
            {
                let screen = screen.lock().unwrap();
                if let Some(at) = screen[from..].find(wanted) {
                    return from + at + wanted.len();
                }
                assert!(
                    Instant::now() < deadline,
                    "no `{wanted}` on the screen:\n{}",
                    &screen[from..]
                );
            }
            thread::sleep(Duration::from_millis(50));
        }
    };

    // The screen: the last check, then at the bottom (in view however long
    // the report) the progress bar, the exercise and the keys.
    let at = wait_for(0, "✗ demo-counter: the tests failed.");
    let at = wait_for(at, "0/2 done");
    let at = wait_for(at, "▶ demo-counter (1 of 2)");
    let at = wait_for(at, "edit: crates/demo/exercises/src/counter.rs");
    let at = wait_for(at, "(re-checks when you save)");
    let during = tcgetattr(&pty.slave).unwrap();
    assert!(
        !during
            .local_flags
            .intersects(LocalFlags::ICANON | LocalFlags::ECHO),
        "single keys: no line buffering, no echo"
    );

    keys.write_all(b"h").unwrap();
    let at = wait_for(at, "Hint 1/2: Several threads need the same counter");
    // The hint is shown below the last check's report, which stays.
    let last_screen = |screen: &str| -> String {
        // crossterm's Clear(All) then MoveTo(0, 0).
        let start = screen.rfind("\x1b[2J\x1b[1;1H").unwrap();
        screen[start..].to_owned()
    };
    let shown = last_screen(&screen.lock().unwrap());
    assert!(
        shown.contains("✗ demo-counter: the tests failed."),
        "{shown}"
    );
    assert!(shown.contains("Hint 1/2: "), "{shown}");

    keys.write_all(b"l").unwrap();
    let at = wait_for(at, "The exercises (✓ passed):");
    let at = wait_for(at, "2. demo-event");

    // `c` checks every exercise; a key pressed while it runs stops it at
    // the end of the check under way, so the second is never reached.
    keys.write_all(b"c").unwrap();
    keys.write_all(b"x").unwrap();
    let at = wait_for(at, "Stopped after ");
    let at = wait_for(at, " of 2 exercises:");
    assert!(
        !screen.lock().unwrap()[..at].contains("checking demo-event (2 of 2"),
        "the second exercise was checked after the key"
    );

    course.save(
        "crates/demo/exercises/src/counter.rs",
        &course.solution("counter"),
    );
    let at = wait_for(at, "✓ demo-counter passes");
    let at = wait_for(at, "Press n for the next exercise");
    let at = wait_for(
        at,
        "cargo xtask learn  [###############---------------]  1/2 done",
    );

    keys.write_all(b"q").unwrap();
    wait_for(at, "Bye.");
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(status) = child.0.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "learn did not quit on `q`");
        thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "{status}");
    let after = tcgetattr(&pty.slave).unwrap();
    assert_eq!(
        after.local_flags & (LocalFlags::ICANON | LocalFlags::ECHO | LocalFlags::ISIG),
        before.local_flags & (LocalFlags::ICANON | LocalFlags::ECHO | LocalFlags::ISIG),
        "the terminal is restored"
    );
    assert!(
        fs::read_to_string(course.path(".learn-progress"))
            .unwrap()
            .contains("done demo-counter\n")
    );
}
