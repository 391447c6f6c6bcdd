//! `subprocess-pipeline`: the behaviour, with exact expectations. A parent
//! that keeps a copy of a pipe end makes one of these hang: the checker stops
//! it at its time limit.

use std::io;
use std::os::unix::process::ExitStatusExt;
use std::process::Command;

use subprocess_exercises::pipeline::pipe;

fn command(program: &str, args: &[&str]) -> Command {
    let mut command = Command::new(program);
    command.args(args);
    command
}

/// `len` bytes of numbered lines of lower-case text.
fn text(len: usize) -> Vec<u8> {
    let mut text = Vec::with_capacity(len + 64);
    let mut line = 0;
    while text.len() < len {
        line += 1;
        text.extend_from_slice(format!("line {line:06}: the quick brown fox\n").as_bytes());
    }
    text.truncate(len);
    text
}

#[test]
fn data_flows_from_the_first_child_to_the_second() {
    let piped = pipe(
        command("cat", &[]),
        command("tr", &["a-z", "A-Z"]),
        b"hello pipes\n",
    )
    .unwrap();
    assert_eq!(String::from_utf8_lossy(&piped.output), "HELLO PIPES\n");
    assert!(piped.first.success(), "cat: {}", piped.first);
    assert!(piped.second.success(), "tr: {}", piped.second);
}

#[test]
fn end_of_file_reaches_the_second_child() {
    // `sort` prints nothing until its input ends: it needs the end-of-file
    // that `cat` sends only once *its* input has ended.
    let piped = pipe(
        command("cat", &[]),
        command("sort", &[]),
        b"pear\napple\nfig\n",
    )
    .unwrap();
    assert_eq!(String::from_utf8_lossy(&piped.output), "apple\nfig\npear\n");
}

#[test]
fn a_mebibyte_goes_through_without_the_pipes_filling_up() {
    let input = text(1 << 20);
    let piped = pipe(command("cat", &[]), command("tr", &["a-z", "A-Z"]), &input).unwrap();
    assert_eq!(piped.output.len(), input.len());
    assert!(
        piped.output == input.to_ascii_uppercase(),
        "the output is not the input in upper case"
    );
}

#[test]
fn a_second_child_that_quits_early_stops_the_first_with_sigpipe() {
    // An endless writer: it stops only when nobody can read its pipe any
    // more, which is when every copy of the read end is closed.
    let piped = pipe(
        command("sh", &["-c", "while :; do echo y; done"]),
        command("head", &["-n", "3"]),
        b"",
    )
    .unwrap();
    assert_eq!(String::from_utf8_lossy(&piped.output), "y\ny\ny\n");
    assert_eq!(
        piped.first.signal(),
        Some(13),
        "the writer should die of SIGPIPE: {}",
        piped.first
    );
    assert!(piped.second.success());
}

#[test]
fn a_second_child_that_cannot_start_is_an_error() {
    let err = pipe(
        command("cat", &[]),
        command("no-such-program-for-subprocess-pipeline", &[]),
        b"lost\n",
    )
    .unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::NotFound);
}
