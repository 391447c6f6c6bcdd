//! `Countdown`: runs to zero, or stops before its next step once asked.

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use threads::{Countdown, Ended};

#[test]
fn counts_all_the_way_down_when_nobody_asks_it_to_stop() {
    let mut shown = Vec::new();
    let ended = Countdown::new().run(5, Duration::ZERO, |n| shown.push(n));
    assert_eq!(shown, [5, 4, 3, 2, 1]);
    assert_eq!(ended, Ended::ReachedZero);
}

#[test]
fn from_zero_shows_nothing() {
    let mut shown = Vec::new();
    let ended = Countdown::new().run(0, Duration::ZERO, |n| shown.push(n));
    assert!(shown.is_empty());
    assert_eq!(ended, Ended::ReachedZero);
}

#[test]
fn stopped_before_it_runs_it_shows_nothing() {
    let countdown = Countdown::new();
    countdown.stop();
    let mut shown = Vec::new();
    let ended = countdown.run(3, Duration::ZERO, |n| shown.push(n));
    assert!(shown.is_empty());
    assert_eq!(ended, Ended::Stopped { remaining: 3 });
}

#[test]
fn stops_before_its_next_step_when_another_thread_asks() {
    let countdown = Countdown::new();
    let (at_tx, at_rx) = mpsc::channel();
    let (stopped_tx, stopped_rx) = mpsc::channel();
    let (shown, ended) = thread::scope(|s| {
        let countdown = &countdown;
        // `move`: the thread owns its ends of the channels, and borrows the countdown.
        let task = s.spawn(move || {
            let mut shown = Vec::new();
            // It must stop right after the step during which main asks,
            // however fast or slowly either thread runs: at 997 it tells
            // main, and waits until main has asked.
            let ended = countdown.run(1000, Duration::from_millis(1), |n| {
                shown.push(n);
                if n == 997 {
                    at_tx.send(()).unwrap();
                    stopped_rx.recv().unwrap();
                }
            });
            (shown, ended)
        });
        at_rx.recv().unwrap();
        countdown.stop();
        stopped_tx.send(()).unwrap();
        task.join().unwrap()
    });
    assert_eq!(shown, [1000, 999, 998, 997]);
    assert_eq!(ended, Ended::Stopped { remaining: 996 });
}
