//! `Event`: set, wait, wait with a timeout, is_set.

use std::sync::{Arc, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use threads::Event;

/// Long enough for a thread that should be blocked to have returned, were it
/// not blocked. The tests never rely on it for correctness.
const SETTLE: Duration = Duration::from_millis(20);

#[test]
fn a_new_event_is_not_set_and_set_sets_it_for_good() {
    let event = Event::new();
    assert!(!event.is_set());
    event.set();
    event.set(); // setting twice is fine
    assert!(event.is_set());
    event.wait(); // returns at once
    assert!(event.wait_timeout(Duration::ZERO));
}

#[test]
fn wait_blocks_until_another_thread_sets_the_event() {
    let event = Event::new();
    thread::scope(|s| {
        let waiter = s.spawn(|| {
            event.wait();
            event.is_set()
        });
        thread::sleep(SETTLE);
        assert!(
            !waiter.is_finished(),
            "wait returned before the event was set"
        );
        event.set();
        assert!(
            waiter.join().unwrap(),
            "wait returned but the event is not set"
        );
    });
}

#[test]
fn wait_timeout_returns_false_after_at_least_its_timeout_when_never_set() {
    let event = Event::new();
    for timeout in [Duration::from_millis(1), Duration::from_millis(30)] {
        let started = Instant::now();
        assert!(!event.wait_timeout(timeout));
        assert!(started.elapsed() >= timeout, "returned before its timeout");
    }
}

#[test]
fn wait_timeout_returns_true_when_set_before_the_timeout() {
    let event = Event::new();
    thread::scope(|s| {
        s.spawn(|| {
            thread::sleep(SETTLE);
            event.set();
        });
        // Ten seconds is "never" here; if the set were missed, the test
        // would fail with `false` after it, rather than hang.
        assert!(event.wait_timeout(Duration::from_secs(10)));
    });
}

#[test]
fn a_timeout_too_long_for_a_deadline_waits_without_one() {
    let event = Event::new();
    thread::scope(|s| {
        s.spawn(|| {
            thread::sleep(SETTLE);
            event.set();
        });
        // `Instant::now() + Duration::MAX` would panic; `wait_timeout` must not.
        assert!(event.wait_timeout(Duration::MAX));
    });
}

#[test]
fn set_wakes_every_waiter() {
    const WAITERS: usize = 8;
    let event = Arc::new(Event::new());
    let (woke_tx, woke_rx) = mpsc::channel();
    for id in 0..WAITERS {
        let (event, woke_tx) = (Arc::clone(&event), woke_tx.clone());
        // Not scoped: if `set` woke only some waiters, the others would block
        // forever, and the test must fail rather than wait for them.
        thread::spawn(move || {
            event.wait();
            woke_tx.send(id).unwrap();
        });
    }
    thread::sleep(SETTLE); // let the waiters get to `wait`
    event.set();
    let mut woke: Vec<usize> = (0..WAITERS)
        .map(|_| {
            woke_rx
                .recv_timeout(Duration::from_secs(10))
                .expect("a waiter was never woken")
        })
        .collect();
    woke.sort_unstable();
    assert_eq!(woke, (0..WAITERS).collect::<Vec<_>>());
}
