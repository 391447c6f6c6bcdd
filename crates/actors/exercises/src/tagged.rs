//! # Exercise `actors-tagged`: a tagged actor is an enum and a match
//!
//! Read first, in book/src/actors.md (`cargo xtask learn` prints the link to
//! the section): "A tagged actor is an enum and a match".
//!
//! Python's tagged actor receives tuples like `('A', 1)` and calls
//! `getattr(self, 'do_' + tag)(*payload)`: an unknown tag or a wrong payload
//! is found at run time, in the actor's thread. In Rust the tags are an enum
//! (given below) and the dispatch is a `match`:
//!
//! - `Tagged::handle(command)`: `A(x)` calls `do_a(x)`, `B(x, y)` calls
//!   `do_b(x, y)`, and `Handled(reply)` sends back how many `A` and `B`
//!   commands have been handled so far. One arm per variant, no `_ => {}`:
//!   a catch-all arm would swallow a command as silently as Python's
//!   missing `do_C`;
//! - `do_a(x)` writes `Running A x`; `do_b(x, y)` writes `Running B x y`;
//! - `spawn_tagged()`: start an [`Actor`] (written for you, in
//!   `src/support.rs`) whose function handles every command from its inbox
//!   and then returns the lines.
//!
//! Check it: `cargo xtask learn check actors-tagged`.

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
    /// One arm per variant.
    pub fn handle(&mut self, command: Command) {
        // TODO: `match command { Command::A(x) => ..., ... }`.
        todo!("Tagged::handle")
    }

    /// Writes `Running A x`.
    pub fn do_a(&mut self, x: i32) {
        // TODO
        todo!("Tagged::do_a")
    }

    /// Writes `Running B x y`.
    pub fn do_b(&mut self, x: i32, y: i32) {
        // TODO
        todo!("Tagged::do_b")
    }

    /// What it has written so far.
    pub fn lines(&self) -> &[String] {
        &self.lines
    }
}

/// Starts the tagged actor: it handles each command in turn, and when its
/// mailbox is closed and empty it returns what it wrote.
pub fn spawn_tagged() -> Actor<Command, Vec<String>> {
    // TODO: `Actor::spawn(|inbox| { ... })`: the state is a local of the
    // closure; `for command in inbox` ends when the mailbox is closed and
    // empty.
    todo!("spawn_tagged")
}
