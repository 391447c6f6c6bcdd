//! `actors-tagged`: the behaviour, with exact expectations.

use std::sync::mpsc;

use actors_exercises::tagged::{Command, Tagged, spawn_tagged};

#[test]
fn each_tag_runs_its_own_handler_with_its_payload() {
    let mut tagged = Tagged::default();
    tagged.handle(Command::A(1));
    tagged.handle(Command::B(2, 3));
    tagged.handle(Command::A(-4));
    assert_eq!(
        tagged.lines(),
        ["Running A 1", "Running B 2 3", "Running A -4"]
    );
}

#[test]
fn the_actor_handles_its_commands_in_order_and_returns_its_lines() {
    let actor = spawn_tagged();
    actor.send(Command::A(1)).unwrap();
    actor.send(Command::B(2, 3)).unwrap();
    assert_eq!(
        actor.join().expect("the tagged actor does not panic"),
        ["Running A 1", "Running B 2 3"]
    );
}

#[test]
fn the_actor_answers_handled() {
    let actor = spawn_tagged();
    let (reply, answer) = mpsc::channel();
    actor.send(Command::Handled(reply.clone())).unwrap();
    actor.send(Command::A(1)).unwrap();
    actor.send(Command::B(2, 3)).unwrap();
    actor.send(Command::Handled(reply)).unwrap();
    let first = answer
        .recv()
        .expect("the actor must answer Handled (a `_ => {}` arm swallows the question)");
    let second = answer
        .recv()
        .expect("the actor must answer Handled (a `_ => {}` arm swallows the question)");
    assert_eq!((first, second), (0, 2));
    assert_eq!(
        actor.join().unwrap(),
        ["Running A 1", "Running B 2 3"],
        "Handled writes no line"
    );
}

#[test]
fn a_closed_actor_refuses_commands() {
    let actor = spawn_tagged();
    actor.close();
    let refused = actor.send(Command::A(9));
    assert!(refused.is_err(), "a send after close is refused");
    assert_eq!(actor.join().unwrap(), [] as [String; 0]);
}
