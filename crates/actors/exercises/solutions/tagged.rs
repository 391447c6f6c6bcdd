//! The answer to `actors-tagged`: a tagged actor is an enum and a match.
//! (The exercise and its task: crates/actors/exercises/src/tagged.rs.)

use std::sync::mpsc::Sender;

use crate::support::Actor;

/// The messages the tagged actor understands, each with its payload.
#[derive(Debug)]
pub enum Command {
    /// Python's `('A', x)`: `do_a(x)`.
    A(i32),
    /// Python's `('B', x, y)`: `do_b(x, y)`.
    B(i32, i32),
    /// A question: how many `A` and `B` commands have been handled so far?
    /// The answer goes back down the channel.
    Handled(Sender<usize>),
}

/// The tagged actor's state, and one method per kind of message.
#[derive(Debug, Default)]
pub struct Tagged {
    lines: Vec<String>,
}

impl Tagged {
    /// Python: `getattr(self, "do_" + tag)(*payload)`; Rust: a `match`, one
    /// arm per variant, no `_`: a new variant without an arm does not
    /// compile.
    pub fn handle(&mut self, command: Command) {
        match command {
            Command::A(x) => self.do_a(x),
            Command::B(x, y) => self.do_b(x, y),
            Command::Handled(reply) => {
                // The asker may have given up: that is not the actor's problem.
                let _ = reply.send(self.lines.len());
            }
        }
    }

    /// Writes `Running A x`.
    pub fn do_a(&mut self, x: i32) {
        self.lines.push(format!("Running A {x}"));
    }

    /// Writes `Running B x y`.
    pub fn do_b(&mut self, x: i32, y: i32) {
        self.lines.push(format!("Running B {x} {y}"));
    }

    /// What it has written so far.
    pub fn lines(&self) -> &[String] {
        &self.lines
    }
}

/// Starts the tagged actor: it handles each command in turn, and when its
/// mailbox is closed and empty it returns what it wrote.
pub fn spawn_tagged() -> Actor<Command, Vec<String>> {
    Actor::spawn(|inbox| {
        let mut tagged = Tagged::default();
        for command in inbox {
            tagged.handle(command);
        }
        tagged.lines
    })
}
