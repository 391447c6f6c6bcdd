//! `threads-event` under stress: in each round, many waiters and one setter
//! start together; every waiter returns, and only after the set.

use std::sync::Barrier;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

use threads_exercises::event::Event;

#[test]
fn every_waiter_returns_after_the_set_in_every_round() {
    const WAITERS: usize = 8;
    const ROUNDS: usize = 300;
    for round in 0..ROUNDS {
        let event = Event::new();
        let written = AtomicBool::new(false);
        let start = Barrier::new(WAITERS + 1);
        thread::scope(|scope| {
            for _ in 0..WAITERS {
                scope.spawn(|| {
                    start.wait();
                    event.wait();
                    assert!(
                        written.load(Ordering::SeqCst),
                        "round {round}: wait() returned before set()"
                    );
                });
            }
            start.wait();
            written.store(true, Ordering::SeqCst);
            event.set();
        });
    }
}
