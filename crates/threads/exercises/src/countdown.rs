//! # Exercise `threads-countdown`: a countdown another thread can stop
//!
//! Read first, in book/src/threads.md (`cargo xtask learn` prints the link
//! to the section): "You ask a thread to stop; you never kill it".
//!
//! Rust cannot kill a thread. A long task *checks* a flag that anyone may
//! set, and stops at the next check. Build the Cookbook's `CountdownTask`:
//!
//! - [`Countdown::new`]: a countdown nobody has asked to stop;
//! - [`Countdown::stop`]: ask it to stop (any thread may call it, any time,
//!   before or during `run`);
//! - [`Countdown::run`]: for `n` from `from` down to 1, **check the flag**,
//!   then call `show(n)`, then pause (not after the last number). It returns
//!   [`Ended::ReachedZero`] if it showed every number, or
//!   [`Ended::Stopped`] with the numbers not yet shown.
//!
//! ```text
//! run(5): show(5) show(4) show(3) <stop() called> -> Stopped { remaining: 2 }
//! ```
//!
//! Check it: `cargo xtask learn check threads-countdown`.

use std::time::Duration;

use crate::sync::{AtomicBool, Ordering};

/// How a [`Countdown::run`] ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// It counted all the way down.
    ReachedZero,
    /// It was asked to stop, with `remaining` numbers not yet shown.
    Stopped { remaining: u32 },
}

/// A countdown that stops when asked.
#[derive(Debug)]
pub struct Countdown {
    // TODO: the flag: an `AtomicBool` (from `crate::sync`).
}

impl Countdown {
    /// A countdown nobody has asked to stop.
    pub fn new() -> Countdown {
        // TODO
        todo!("Countdown::new")
    }

    /// Asks the countdown to stop before its next step. Never blocks.
    pub fn stop(&self) {
        // TODO: set the flag. Which `Ordering` is enough for a flag that
        // publishes no other data?
        todo!("Countdown::stop")
    }

    /// Calls `show(n)` for `n` from `from` down to 1, pausing `pause` between
    /// steps, and checks the flag before each step.
    pub fn run(&self, from: u32, pause: Duration, mut show: impl FnMut(u32)) -> Ended {
        // TODO: a loop over `(1..=from).rev()`; read the flag at the top of
        // *every* step.
        todo!("Countdown::run")
    }
}

impl Default for Countdown {
    fn default() -> Countdown {
        Countdown::new()
    }
}
