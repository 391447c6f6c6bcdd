//! `Ticks` and `PeriodicTimer`: waiters see every tick; the timer stops and
//! joins its thread when dropped.

use std::sync::{Arc, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use threads::{PeriodicTimer, Ticks};

const SETTLE: Duration = Duration::from_millis(20);

#[test]
fn wait_for_returns_only_once_that_tick_has_happened() {
    let ticks = Ticks::new();
    thread::scope(|s| {
        let waiter = s.spawn(|| ticks.wait_for(3));
        thread::sleep(SETTLE); // let the waiter get to its wait
        ticks.tick();
        ticks.tick();
        thread::sleep(SETTLE);
        assert!(!waiter.is_finished(), "returned after 2 of 3 ticks");
        ticks.tick();
        assert_eq!(waiter.join().unwrap(), 3);
    });
}

#[test]
fn a_late_waiter_gets_a_past_tick_at_once() {
    let ticks = Ticks::new();
    for _ in 0..3 {
        ticks.tick();
    }
    assert_eq!(ticks.wait_for(1), 3);
    assert_eq!(ticks.wait_for(3), 3);
    assert_eq!(ticks.wait_for(0), 3);
    assert_eq!(ticks.count(), 3);
}

#[test]
fn one_tick_wakes_every_waiter() {
    const WAITERS: usize = 6;
    let ticks = Arc::new(Ticks::new());
    let (woke_tx, woke_rx) = mpsc::channel();
    for _ in 0..WAITERS {
        let (ticks, woke_tx) = (Arc::clone(&ticks), woke_tx.clone());
        // Not scoped: a waiter left asleep must fail the test, not hang it.
        thread::spawn(move || woke_tx.send(ticks.wait_for(1)).unwrap());
    }
    thread::sleep(SETTLE);
    ticks.tick();
    for _ in 0..WAITERS {
        let seen = woke_rx
            .recv_timeout(Duration::from_secs(10))
            .expect("a waiter slept through the tick");
        assert_eq!(seen, 1);
    }
}

#[test]
fn timer_waiters_see_every_tick_even_when_slow() {
    const TICKS: u64 = 20;
    let timer = PeriodicTimer::start(Duration::from_millis(1));
    let seen: Vec<Vec<(u64, u64)>> = thread::scope(|s| {
        let waiters: Vec<_> = [Duration::ZERO, Duration::from_millis(3)]
            .into_iter()
            .map(|busy| {
                let timer = &timer;
                s.spawn(move || {
                    (1..=TICKS)
                        .map(|tick| {
                            let count = timer.wait_for_tick(tick);
                            thread::sleep(busy); // the slow waiter misses ticks while busy
                            (tick, count)
                        })
                        .collect()
                })
            })
            .collect();
        waiters.into_iter().map(|w| w.join().unwrap()).collect()
    });
    for waiter in seen {
        assert_eq!(waiter.len(), TICKS as usize);
        for (tick, count) in waiter {
            assert!(
                count >= tick,
                "returned at count {count}, before tick {tick}"
            );
        }
    }
    assert!(timer.ticks() >= TICKS);
}

#[test]
fn ticks_come_no_faster_than_the_interval() {
    let interval = Duration::from_millis(5);
    let started = Instant::now();
    let timer = PeriodicTimer::start(interval);
    timer.wait_for_tick(4);
    assert!(started.elapsed() >= interval * 4);
}

#[test]
fn dropping_the_timer_stops_its_thread_without_waiting_out_the_interval() {
    let (dropped_tx, dropped_rx) = mpsc::channel();
    thread::spawn(move || {
        let timer = PeriodicTimer::start(Duration::from_secs(3600));
        assert_eq!(timer.ticks(), 0, "ticked before one interval passed");
        drop(timer); // must wake the ticker and join it, not sleep an hour
        dropped_tx.send(()).unwrap();
    });
    dropped_rx
        .recv_timeout(Duration::from_secs(10))
        .expect("dropping the timer waited for its interval");
}
