//! `subprocess-pipeline` under stress: four threads run pipelines at once,
//! many rounds, each with more input than a pipe holds; and a writer ended
//! by SIGPIPE in every round.

use std::os::unix::process::ExitStatusExt;
use std::process::Command;
use std::thread;

use subprocess_exercises::pipeline::pipe;

fn command(program: &str, args: &[&str]) -> Command {
    let mut command = Command::new(program);
    command.args(args);
    command
}

#[test]
fn pipelines_from_many_threads_deliver_every_byte() {
    thread::scope(|scope| {
        for t in 0..4u8 {
            scope.spawn(move || {
                for round in 0..6usize {
                    let input: Vec<u8> = (0..200_000usize)
                        .map(|i| b"abcdefghij\n"[(i + round + usize::from(t)) % 11])
                        .collect();
                    let piped =
                        pipe(command("cat", &[]), command("tr", &["a-z", "A-Z"]), &input).unwrap();
                    assert!(
                        piped.output == input.to_ascii_uppercase(),
                        "thread {t}, round {round}: the output is not the input in upper case"
                    );
                    let piped = pipe(
                        command("sh", &["-c", "while :; do echo y; done"]),
                        command("head", &["-n", "1"]),
                        b"",
                    )
                    .unwrap();
                    assert_eq!(piped.output, b"y\n");
                    assert_eq!(piped.first.signal(), Some(13), "round {round}");
                }
            });
        }
    });
}
