//! `threads-countdown`: the behaviour, with exact expectations.

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use threads_exercises::countdown::{Countdown, Ended};

#[test]
fn with_nobody_stopping_it_counts_all_the_way_down() {
    let countdown = Countdown::new();
    let mut shown = Vec::new();
    let ended = countdown.run(5, Duration::ZERO, |n| shown.push(n));
    assert_eq!(shown, [5, 4, 3, 2, 1]);
    assert_eq!(ended, Ended::ReachedZero);
}

#[test]
fn a_stop_during_a_step_ends_the_run_before_the_next_step() {
    let countdown = Countdown::new();
    let mut shown = Vec::new();
    let ended = countdown.run(5, Duration::ZERO, |n| {
        shown.push(n);
        if n == 3 {
            countdown.stop();
        }
    });
    assert_eq!(shown, [5, 4, 3], "the step after stop() must not run");
    assert_eq!(ended, Ended::Stopped { remaining: 2 });
}

#[test]
fn a_stop_before_the_run_shows_nothing() {
    let countdown = Countdown::default();
    countdown.stop();
    let mut shown = Vec::new();
    let ended = countdown.run(3, Duration::ZERO, |n| shown.push(n));
    assert_eq!(shown, [] as [u32; 0]);
    assert_eq!(ended, Ended::Stopped { remaining: 3 });
}

#[test]
fn counting_down_from_zero_shows_nothing_and_reaches_zero() {
    let countdown = Countdown::new();
    let ended = countdown.run(0, Duration::ZERO, |n| panic!("showed {n}"));
    assert_eq!(ended, Ended::ReachedZero);
}

#[test]
fn another_thread_stops_it_in_the_middle() {
    // The countdown's first step waits until the main thread has called
    // stop(): so the stop lands during step 1000, every time, and the run
    // must end before step 999.
    let countdown = Countdown::new();
    let (shown_tx, shown_rx) = mpsc::channel();
    let (go_on_tx, go_on_rx) = mpsc::channel::<()>();
    let (ended, shown) = thread::scope(|scope| {
        let countdown = &countdown;
        let runner = scope.spawn(move || {
            let mut shown = Vec::new();
            let ended = countdown.run(1000, Duration::ZERO, |n| {
                shown.push(n);
                if n == 1000 {
                    shown_tx.send(n).expect("the main thread is listening");
                    go_on_rx.recv().expect("the main thread says go on");
                }
            });
            (ended, shown)
        });
        assert_eq!(shown_rx.recv().unwrap(), 1000);
        countdown.stop();
        go_on_tx.send(()).unwrap();
        runner.join().unwrap()
    });
    assert_eq!(
        ended,
        Ended::Stopped { remaining: 999 },
        "stop() was called during step 1000: the run must notice it before step 999 \
         (do you read the flag once, before the loop, instead of at every step?)"
    );
    assert_eq!(shown, [1000]);
}

#[test]
fn a_stop_ends_a_run_that_pauses() {
    // The runner pauses 20 ms between its 50 steps (a second in all); stopped
    // during its first step it must end long before its last.
    let countdown = Countdown::new();
    let (shown_tx, shown_rx) = mpsc::channel();
    let ended = thread::scope(|scope| {
        let countdown = &countdown;
        let runner = scope.spawn(move || {
            countdown.run(50, Duration::from_millis(20), |n| {
                let _ = shown_tx.send(n);
            })
        });
        assert_eq!(shown_rx.recv().unwrap(), 50);
        countdown.stop();
        runner.join().unwrap()
    });
    assert!(
        matches!(ended, Ended::Stopped { .. }),
        "the countdown never noticed the stop: {ended:?}"
    );
}
