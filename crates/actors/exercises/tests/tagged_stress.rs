//! `actors-tagged` under stress: four threads send through the actor's
//! address at once, asking `Handled` now and then. Every command is handled
//! once, each sender's in its order, and the answers only grow.

use std::sync::mpsc;
use std::thread;

use actors_exercises::tagged::{Command, spawn_tagged};

#[test]
fn every_command_handled_once_in_each_senders_order() {
    const SENDERS: i32 = 4;
    const EACH: i32 = 5_000;
    for round in 0..5 {
        let actor = spawn_tagged();
        let senders: Vec<_> = (0..SENDERS)
            .map(|s| {
                let address = actor.address();
                thread::spawn(move || {
                    let (reply, answer) = mpsc::channel();
                    let mut last = 0;
                    for i in 0..EACH {
                        let command = if i % 2 == 0 {
                            Command::A(s * EACH + i)
                        } else {
                            Command::B(s, i)
                        };
                        address.send(command).unwrap();
                        if i % 500 == 499 {
                            address.send(Command::Handled(reply.clone())).unwrap();
                            let handled = answer.recv().expect("Handled is answered");
                            assert!(handled > last, "round {round}: answers only grow");
                            assert!(handled >= (i + 1) as usize, "my own commands came first");
                            last = handled;
                        }
                    }
                })
            })
            .collect();
        for sender in senders {
            sender.join().unwrap();
        }
        let lines = actor.join().expect("the tagged actor does not panic");
        assert_eq!(lines.len(), (SENDERS * EACH) as usize, "round {round}");
        for s in 0..SENDERS {
            let mine: Vec<&String> = lines
                .iter()
                .filter(|line| {
                    let a = line
                        .strip_prefix("Running A ")
                        .and_then(|n| n.parse::<i32>().ok())
                        .is_some_and(|n| n / EACH == s);
                    let b = line.starts_with(&format!("Running B {s} "));
                    a || b
                })
                .collect();
            let expected: Vec<String> = (0..EACH)
                .map(|i| {
                    if i % 2 == 0 {
                        format!("Running A {}", s * EACH + i)
                    } else {
                        format!("Running B {s} {i}")
                    }
                })
                .collect();
            assert!(
                mine.iter()
                    .map(|l| l.as_str())
                    .eq(expected.iter().map(|l| l.as_str())),
                "round {round}, sender {s}: every command once, in order"
            );
        }
    }
}
