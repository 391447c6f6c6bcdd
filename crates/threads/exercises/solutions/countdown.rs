//! The answer to `threads-countdown`: a countdown another thread can stop.
//! (The exercise and its task: crates/threads/exercises/src/countdown.rs.)

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
    stop: AtomicBool,
}

impl Countdown {
    /// A countdown nobody has asked to stop.
    pub fn new() -> Countdown {
        Countdown {
            stop: AtomicBool::new(false),
        }
    }

    /// Asks the countdown to stop before its next step. Never blocks.
    pub fn stop(&self) {
        // `Relaxed`: the flag is the whole message; it publishes no other
        // data that the reader must then see.
        self.stop.store(true, Ordering::Relaxed);
    }

    /// Calls `show(n)` for `n` from `from` down to 1, pausing `pause` between
    /// steps, and checks the flag before each step.
    pub fn run(&self, from: u32, pause: Duration, mut show: impl FnMut(u32)) -> Ended {
        for n in (1..=from).rev() {
            // Read the flag at every step: a copy taken once, before the
            // loop, would never see a stop asked for later.
            if self.stop.load(Ordering::Relaxed) {
                return Ended::Stopped { remaining: n };
            }
            show(n);
            if n > 1 {
                std::thread::sleep(pause);
            }
        }
        Ended::ReachedZero
    }
}

impl Default for Countdown {
    fn default() -> Countdown {
        Countdown::new()
    }
}
