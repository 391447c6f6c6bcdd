//! `subprocess-run`: the behaviour, with exact expectations.

use std::panic;

use subprocess_exercises::run::{RunError, run};

#[test]
fn a_child_that_succeeds_gives_its_stdout_as_text() {
    assert_eq!(run("echo", &["hello", "world"]).unwrap(), "hello world\n");
    // Arguments are passed one by one, as they are: no shell splits them.
    assert_eq!(run("echo", &["one two", "*"]).unwrap(), "one two *\n");
    assert_eq!(run("sh", &["-c", "printf 'grüße\\n'"]).unwrap(), "grüße\n");
}

#[test]
fn a_child_gets_an_empty_stdin_and_does_not_wait_for_input() {
    // With stdin inherited, `cat` would wait for a terminal.
    assert_eq!(run("cat", &[]).unwrap(), "");
}

#[test]
fn a_missing_program_is_an_error_that_names_it_not_a_panic() {
    let program = "no-such-program-for-subprocess-run";
    let result = panic::catch_unwind(|| run(program, &["--version"]));
    let Ok(result) = result else {
        panic!("run panicked for a missing program: return Err(RunError::NotFound), not a panic");
    };
    match result {
        Err(RunError::NotFound { program: named }) => assert_eq!(named, program),
        other => panic!("a missing program must be Err(RunError::NotFound), got {other:?}"),
    }
    let message = run(program, &[]).unwrap_err().to_string();
    assert!(
        message.contains(program),
        "the error must name the program: {message}"
    );
}

#[test]
fn a_non_zero_exit_is_an_error_with_its_code_and_stderr() {
    let result = run("sh", &["-c", "echo partial; echo oops >&2; exit 3"]);
    match result {
        Err(RunError::Failed {
            program,
            code,
            stderr,
        }) => {
            assert_eq!(program, "sh");
            assert_eq!(code, Some(3));
            assert_eq!(stderr, "oops\n");
        }
        other => panic!(
            "a child that exited with code 3 must be Err(RunError::Failed): check its exit status \
             before using its output; got {other:?}"
        ),
    }
}

#[test]
fn a_child_ended_by_a_signal_is_an_error_without_a_code() {
    match run("sh", &["-c", "kill -TERM $$"]) {
        Err(RunError::Failed { code, .. }) => assert_eq!(code, None),
        other => panic!(
            "a child killed by SIGTERM must be Err(RunError::Failed {{ code: None, .. }}): check \
             its exit status; got {other:?}"
        ),
    }
}

#[test]
fn output_that_is_not_utf8_is_an_error_not_replacement_characters() {
    // "grüße" in Latin-1: ü is byte 0xFC, ß is 0xDF.
    match run("sh", &["-c", "printf 'gr\\374\\337e\\n'"]) {
        Err(RunError::NotText { program }) => assert_eq!(program, "sh"),
        other => panic!(
            "stdout that is not UTF-8 must be Err(RunError::NotText), not decoded lossily; got \
             {other:?}"
        ),
    }
}
