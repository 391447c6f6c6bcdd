//! `locks-counters` under loom: two threads, two increments each, every
//! interleaving: the std-Mutex and the atomic counter end at exactly 4.
//! (parking_lot has no loom version; the tests and the stress test cover it.)
#![cfg(loom)]

use locks_exercises::Counter;
use locks_exercises::counters::{AtomicCounter, StdMutexCounter};
use loom::sync::Arc;

fn two_threads_two_increments<C: Counter + Send + 'static>(counter: C) {
    let counter = Arc::new(counter);
    let threads: Vec<_> = (0..2)
        .map(|_| {
            let counter = Arc::clone(&counter);
            loom::thread::spawn(move || {
                counter.increment(1);
                counter.increment(1);
            })
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
    assert_eq!(counter.count(), 4, "a lost update");
}

#[test]
fn the_std_mutex_counter_loses_no_update() {
    kit::schedule::model(|| two_threads_two_increments(StdMutexCounter::new()));
}

#[test]
fn the_atomic_counter_loses_no_update() {
    kit::schedule::model(|| two_threads_two_increments(AtomicCounter::new()));
}
