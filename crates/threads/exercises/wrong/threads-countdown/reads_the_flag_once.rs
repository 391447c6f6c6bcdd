//! expect: do you read the flag once
//! A common mistake: the flag is read once, before the loop, so a stop
//! asked for during the run is never seen. (Caught by the tests:
//! `another_thread_stops_it_in_the_middle`.)

use std::time::Duration;

use crate::sync::{AtomicBool, Ordering};

/// How a [`Countdown::run`] ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    ReachedZero,
    Stopped { remaining: u32 },
}

#[derive(Debug)]
pub struct Countdown {
    stop: AtomicBool,
}

impl Countdown {
    pub fn new() -> Countdown {
        Countdown {
            stop: AtomicBool::new(false),
        }
    }

    pub fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
    }

    pub fn run(&self, from: u32, pause: Duration, mut show: impl FnMut(u32)) -> Ended {
        let stopped = self.stop.load(Ordering::Relaxed); // read once: the bug
        for n in (1..=from).rev() {
            if stopped {
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
