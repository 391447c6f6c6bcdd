//! Every interleaving of the hand-built counters, explored by loom.
//!
//! `RUSTFLAGS="--cfg loom" CARGO_TARGET_DIR=target/loom cargo test --release -p locks --test loom`
//!
//! A normal test can only show that the lossy counter *did* lose an update
//! on some run. loom runs every schedule of the model, so it can show both
//! halves of the lesson: there *exists* an interleaving in which the lossy
//! counter loses an update, and there is *none* in which the locked or atomic
//! counters do. (`ParkingLotCounter` is left out: loom can only schedule the
//! primitives it provides, and parking_lot's are its own.)
#![cfg(loom)]

use std::collections::BTreeSet;
use std::sync::Mutex as StdMutex;

use locks::{AtomicCounter, Counter, LossyCounter, SharedCounter, StdMutexCounter};
use loom::sync::Arc;
use loom::thread;

/// Two threads each increment once; returns every final count loom saw.
fn final_counts<C: Counter + Send + 'static>(new: fn() -> C) -> BTreeSet<u64> {
    let seen = std::sync::Arc::new(StdMutex::new(BTreeSet::new()));
    let record = std::sync::Arc::clone(&seen);
    loom::model(move || {
        let counter = Arc::new(new());
        let other = {
            let counter = Arc::clone(&counter);
            thread::spawn(move || counter.increment(1))
        };
        counter.increment(1);
        other.join().expect("increment does not panic");
        record
            .lock()
            .expect("the model does not panic while recording")
            .insert(counter.count());
    });
    seen.lock().expect("the model has finished").clone()
}

#[test]
fn the_lossy_counter_loses_an_update_in_some_interleaving() {
    // 2 when the increments take turns; 1 when both read 0 before either writes.
    assert_eq!(final_counts(LossyCounter::new), BTreeSet::from([1, 2]));
}

#[test]
fn the_std_mutex_counter_never_loses_an_update() {
    assert_eq!(final_counts(StdMutexCounter::new), BTreeSet::from([2]));
}

#[test]
fn the_atomic_counter_never_loses_an_update() {
    assert_eq!(final_counts(AtomicCounter::new), BTreeSet::from([2]));
}

#[test]
fn the_shared_counter_ends_at_zero_in_every_interleaving() {
    loom::model(|| {
        let counter = Arc::new(SharedCounter::new(0));
        let workers: Vec<_> = (0..2)
            .map(|_| {
                let counter = Arc::clone(&counter);
                thread::spawn(move || {
                    counter.incr(1);
                    counter.incr(1);
                    counter.decr(1);
                    counter.decr(1);
                })
            })
            .collect();
        for worker in workers {
            worker.join().expect("incr and decr do not panic");
        }
        assert_eq!(counter.value(), 0);
    });
}

#[test]
fn the_shared_counter_never_shows_a_value_no_schedule_could_produce() {
    // While the other thread runs incr(1) then decr(1), this thread can only
    // ever observe 0 or 1: never -1 or 2, which a lost update would allow.
    loom::model(|| {
        let counter = Arc::new(SharedCounter::new(0));
        let other = {
            let counter = Arc::clone(&counter);
            thread::spawn(move || {
                counter.incr(1);
                counter.decr(1);
            })
        };
        let seen = counter.value();
        assert!(seen == 0 || seen == 1, "saw {seen}");
        other.join().expect("incr and decr do not panic");
        assert_eq!(counter.value(), 0);
    });
}
