//! Worker processes: the protocol, the lesson's binary as a worker, and
//! workers that fail.

use std::io::{self, Write};
use std::process::{Command, Stdio};

use parallelism::{WORKER_ARG, encode, gcd, gcds_in_processes, pairs, serve};

const LESSON: &str = env!("CARGO_BIN_EXE_parallelism");

fn worker() -> Command {
    let mut command = Command::new(LESSON);
    command.arg(WORKER_ARG);
    command
}

fn small_input() -> Vec<(u64, u64)> {
    pairs(7, 13, 1_000, 5_000)
}

#[test]
fn serve_answers_a_line_per_pair_in_order() {
    let mut output = Vec::new();
    let answered = serve(&b"12 18\n9 28\n  14   21  \n"[..], &mut output).unwrap();
    assert_eq!(answered, 3);
    assert_eq!(String::from_utf8(output).unwrap(), "6\n1\n7\n");
}

#[test]
fn serve_with_no_input_answers_nothing() {
    let mut output = Vec::new();
    assert_eq!(serve(&b""[..], &mut output).unwrap(), 0);
    assert!(output.is_empty());
}

#[test]
fn serve_stops_at_a_bad_line_keeping_the_answers_before_it() {
    for bad in ["12\n", "12 18 24\n", "12 x\n", "0 5\n", "-3 9\n"] {
        let input = format!("12 18\n{bad}9 28\n");
        let mut output = Vec::new();
        let err = serve(input.as_bytes(), &mut output).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidData, "for {bad:?}");
        assert_eq!(output, b"6\n", "for {bad:?}");
    }
}

#[test]
fn encode_writes_one_line_per_pair() {
    assert_eq!(encode(&[]), b"");
    assert_eq!(encode(&[(1, 2), (30, 40)]), b"1 2\n30 40\n");
}

#[test]
fn the_binary_as_a_worker_writes_only_its_answers() {
    let mut child = worker()
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"12 18\n9 28\n")
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    assert_eq!(output.stdout, b"6\n1\n");
    assert!(output.stderr.is_empty());
}

#[test]
fn the_binary_as_a_worker_fails_on_bad_input_with_exit_status_1() {
    let mut child = worker()
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"12 18\nhello\n")
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(output.stdout, b"6\n");
    assert!(String::from_utf8_lossy(&output.stderr).contains("not a pair"));
}

#[test]
fn the_binary_refuses_other_arguments_and_prints_nothing_on_stdout() {
    let output = Command::new(LESSON).arg("--gcd").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
}

#[test]
fn workers_give_the_answers_in_input_order_and_count_the_bytes() {
    let input = small_input();
    let expected: Vec<u64> = input.iter().map(|&pair| gcd(pair)).collect();
    for workers in [1, 3, 4, 20] {
        let run = gcds_in_processes(worker, &input, workers).unwrap();
        assert_eq!(run.answers, expected, "with {workers} workers");
        assert_eq!(run.bytes_sent, encode(&input).len());
        let answer_bytes: usize = expected.iter().map(|g| g.to_string().len() + 1).sum();
        assert_eq!(run.bytes_received, answer_bytes);
        assert_eq!(run.statuses.len(), workers.min(input.len()));
        assert!(run.statuses.iter().all(|status| status.success()));
    }
}

#[test]
fn a_worker_that_cannot_start_is_an_error() {
    let err = gcds_in_processes(
        || Command::new("/nonexistent/gcd-worker"),
        &small_input(),
        2,
    )
    .unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::NotFound);
}

#[test]
fn a_worker_that_answers_nonsense_is_an_error() {
    // `cat` echoes the pairs back: "1234 5678" is not a gcd.
    let err = gcds_in_processes(|| Command::new("cat"), &small_input(), 2).unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::InvalidData);
}

#[test]
fn a_worker_that_exits_without_answering_leaves_its_answers_missing() {
    // `true` exits at once, without reading: its pairs are never answered,
    // and the run returns what it got (the lesson's check of the answers
    // says "no") instead of failing on the broken pipe.
    let input = small_input();
    let run = gcds_in_processes(|| Command::new("true"), &input, 2).unwrap();
    assert!(run.answers.is_empty());
    assert_eq!(run.statuses.len(), 2);
    assert!(run.statuses.iter().all(|status| status.success()));
}
