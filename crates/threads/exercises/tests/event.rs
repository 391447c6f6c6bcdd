//! `threads-event`: the behaviour, with exact expectations.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use threads_exercises::event::Event;

#[test]
fn a_new_event_is_not_set_and_set_sets_it() {
    let event = Event::new();
    assert!(!event.is_set());
    event.set();
    assert!(event.is_set());
    event.set(); // setting twice is harmless
    assert!(event.is_set());
}

#[test]
fn a_wait_after_set_returns_at_once() {
    let event = Event::new();
    event.set();
    event.wait();
    event.wait();
}

#[test]
fn every_waiter_wakes_when_the_event_is_set() {
    let event = Event::new();
    let woke = AtomicUsize::new(0);
    thread::scope(|scope| {
        for _ in 0..3 {
            scope.spawn(|| {
                event.wait();
                woke.fetch_add(1, Ordering::SeqCst);
            });
        }
        // Give the waiters time to fall asleep (not needed for the answer to
        // be right: it makes a forgotten notify hang here, every time).
        thread::sleep(Duration::from_millis(50));
        assert_eq!(
            woke.load(Ordering::SeqCst),
            0,
            "a waiter returned before set()"
        );
        event.set();
    });
    assert_eq!(woke.load(Ordering::SeqCst), 3);
}

#[test]
fn a_waiter_sees_what_was_written_before_set() {
    // The Event's lock orders the write before set() before the read after
    // wait(): the classic "is the data ready?" hand-off.
    let event = Event::new();
    let data = std::sync::Mutex::new(None);
    thread::scope(|scope| {
        let reader = scope.spawn(|| {
            event.wait();
            *data.lock().unwrap()
        });
        *data.lock().unwrap() = Some(42);
        event.set();
        assert_eq!(reader.join().unwrap(), Some(42));
    });
}
