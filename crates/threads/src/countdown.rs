//! [`Countdown`]: a task that another thread can ask to stop.

use std::time::Duration;

use crate::sync::{AtomicBool, Ordering};

// ANCHOR: countdown
/// Counts down from a number, one step per pause, until it reaches zero or
/// someone calls [`stop`](Countdown::stop): the Cookbook's `CountdownTask`.
///
/// Rust has no way to kill a thread from outside, and that is on purpose: a
/// thread killed mid-step could leave a lock held or data half-written. You
/// *ask* it to stop, and it stops at the next point where it checks.
///
/// ```
/// use std::time::Duration;
/// use threads::{Countdown, Ended};
///
/// let countdown = Countdown::new();
/// let mut shown = Vec::new();
/// let ended = countdown.run(5, Duration::ZERO, |n| {
///     shown.push(n);
///     if n == 3 {
///         countdown.stop(); // any thread may call this; here, the task itself
///     }
/// });
/// assert_eq!(shown, [5, 4, 3]);
/// assert_eq!(ended, Ended::Stopped { remaining: 2 });
/// ```
#[derive(Debug)]
pub struct Countdown {
    stop: AtomicBool,
}

/// How a [`Countdown::run`] ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// It counted all the way down.
    ReachedZero,
    /// It was asked to stop, with `remaining` numbers not yet shown.
    Stopped { remaining: u32 },
}

impl Countdown {
    /// A countdown nobody has asked to stop.
    pub fn new() -> Self {
        Self {
            stop: AtomicBool::new(false),
        }
    }

    /// Asks the countdown to stop; it does so before its next step.
    pub fn stop(&self) {
        // `Relaxed` is enough: the flag is the whole message, it publishes no
        // other data. (A flag that says "the results are ready" would need
        // `Release` here and `Acquire` in the reader.)
        self.stop.store(true, Ordering::Relaxed);
    }

    /// Calls `show(n)` for `n` from `from` down to 1, pausing between steps,
    /// and checks the stop flag before each step.
    pub fn run(&self, from: u32, pause: Duration, mut show: impl FnMut(u32)) -> Ended {
        for n in (1..=from).rev() {
            if self.stop.load(Ordering::Relaxed) {
                return Ended::Stopped { remaining: n };
            }
            show(n);
            if n > 1 {
                // A stop asked for during this pause is noticed when it ends:
                // keep pauses short, or wait on an `Event` with a timeout as
                // `PeriodicTimer` does.
                std::thread::sleep(pause);
            }
        }
        Ended::ReachedZero
    }
}
// ANCHOR_END: countdown

impl Default for Countdown {
    fn default() -> Self {
        Self::new()
    }
}
