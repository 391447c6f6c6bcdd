//! `locks-shared-counter`: the behaviour, with exact expectations.

use std::sync::Barrier;
use std::thread;

use locks_exercises::shared_counter::SharedCounter;

#[test]
fn incr_and_decr_in_one_thread() {
    let counter = SharedCounter::new(10);
    assert_eq!(counter.value(), 10);
    counter.incr(5);
    counter.decr(7);
    counter.decr(20);
    assert_eq!(counter.value(), -12);
}

#[test]
fn three_threads_end_at_zero_and_read_exactly_halfway() {
    // The Cookbook's test: each thread increments, then decrements. A barrier
    // after the increments lets the main thread read the value when every
    // increment is done and no decrement has started.
    const TIMES: i64 = 100_000;
    let counter = SharedCounter::new(0);
    let halfway = Barrier::new(4);
    let read = Barrier::new(4);
    let at_halfway = thread::scope(|scope| {
        for _ in 0..3 {
            scope.spawn(|| {
                for _ in 0..TIMES {
                    counter.incr(1);
                }
                halfway.wait();
                read.wait();
                for _ in 0..TIMES {
                    counter.decr(1);
                }
            });
        }
        halfway.wait();
        let value = counter.value();
        read.wait();
        value
    });
    assert_eq!(
        at_halfway,
        3 * TIMES,
        "after every increment: {} lost updates",
        3 * TIMES - at_halfway
    );
    assert_eq!(
        counter.value(),
        0,
        "after every decrement: a lost update (an incr or decr erased by another thread's)"
    );
}
