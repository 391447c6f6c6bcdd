//! `threads-countdown` under stress: many countdowns, each stopped by
//! another thread at a point it chose, in many rounds.

use std::sync::Barrier;
use std::thread;
use std::time::Duration;

use threads_exercises::countdown::{Countdown, Ended};

#[test]
fn every_stopped_countdown_ends_consistently() {
    const THREADS: usize = 8;
    const ROUNDS: usize = 150;
    for round in 0..ROUNDS {
        let countdowns: Vec<Countdown> = (0..THREADS).map(|_| Countdown::new()).collect();
        let start = Barrier::new(THREADS * 2);
        thread::scope(|scope| {
            let runners: Vec<_> = countdowns
                .iter()
                .map(|countdown| {
                    let start = &start;
                    scope.spawn(move || {
                        let mut shown = Vec::new();
                        start.wait();
                        let ended = countdown.run(10_000, Duration::ZERO, |n| shown.push(n));
                        (ended, shown)
                    })
                })
                .collect();
            for countdown in &countdowns {
                let start = &start;
                scope.spawn(move || {
                    start.wait();
                    countdown.stop();
                });
            }
            for runner in runners {
                let (ended, shown) = runner.join().expect("a countdown does not panic");
                let next = match ended {
                    Ended::ReachedZero => 0,
                    Ended::Stopped { remaining } => remaining,
                };
                let expected: Vec<u32> = (next + 1..=10_000).rev().collect();
                assert_eq!(
                    shown, expected,
                    "round {round}: shown and {ended:?} disagree"
                );
            }
        });
        // Every stopper has finished: a new run sees the stop at once.
        for countdown in &countdowns {
            assert_eq!(
                countdown.run(3, Duration::ZERO, |_| {}),
                Ended::Stopped { remaining: 3 },
                "round {round}: a stop() that returned was not seen"
            );
        }
    }
}
