//! `threads-event` under loom: every interleaving of two waiters and a
//! setter. A lost wake-up shows up as loom's "deadlock".
#![cfg(loom)]

use loom::sync::Arc;
use threads_exercises::event::Event;

#[test]
fn every_waiter_wakes_when_the_event_is_set() {
    kit::schedule::model(|| {
        let event = Arc::new(Event::new());
        let waiters: Vec<_> = (0..2)
            .map(|_| {
                let event = Arc::clone(&event);
                loom::thread::spawn(move || {
                    event.wait();
                    assert!(event.is_set(), "wait() returned before the event was set");
                })
            })
            .collect();
        event.set();
        for waiter in waiters {
            waiter.join().unwrap();
        }
    });
}

#[test]
fn a_wait_racing_a_set_from_another_thread_returns() {
    kit::schedule::model(|| {
        let event = Arc::new(Event::new());
        let setter = loom::thread::spawn({
            let event = Arc::clone(&event);
            move || event.set()
        });
        event.wait();
        assert!(event.is_set());
        setter.join().unwrap();
    });
}
