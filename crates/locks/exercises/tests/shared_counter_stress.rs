//! `locks-shared-counter` under stress: the Cookbook's full size (three
//! threads, a million increments and a million decrements each), then eight
//! threads mixing deltas; the counter ends where it started.

use std::thread;

use locks_exercises::shared_counter::SharedCounter;

#[test]
fn a_million_up_and_down_in_three_threads_ends_at_zero() {
    const TIMES: i64 = 1_000_000;
    let counter = SharedCounter::new(0);
    thread::scope(|scope| {
        for _ in 0..3 {
            scope.spawn(|| {
                for _ in 0..TIMES {
                    counter.incr(1);
                }
                for _ in 0..TIMES {
                    counter.decr(1);
                }
            });
        }
    });
    assert_eq!(counter.value(), 0, "a lost update");
}

#[test]
fn eight_threads_interleaving_incr_and_decr_end_where_they_started() {
    let counter = SharedCounter::new(-7);
    thread::scope(|scope| {
        for t in 1..=8 {
            let counter = &counter;
            scope.spawn(move || {
                for _ in 0..100_000 {
                    counter.incr(t);
                    counter.decr(t);
                }
            });
        }
    });
    assert_eq!(counter.value(), -7, "a lost update");
}
