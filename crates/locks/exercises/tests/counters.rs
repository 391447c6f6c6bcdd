//! `locks-counters`: the behaviour, with exact expectations.

use std::thread;

use locks_exercises::Counter;
use locks_exercises::counters::{AtomicCounter, ParkingLotCounter, StdMutexCounter};

/// Effective Python's experiment: five threads, each counting 100 000.
fn five_threads(counter: &impl Counter) -> u64 {
    thread::scope(|scope| {
        for _ in 0..5 {
            scope.spawn(|| {
                for _ in 0..100_000 {
                    counter.increment(1);
                }
            });
        }
    });
    counter.count()
}

fn assert_no_lost_update(name: &str, found: u64) {
    assert_eq!(
        found,
        500_000,
        "{name}: {found} of 500 000: {} lost updates (a read and a write with another \
         thread's write in between: make the increment one step)",
        500_000u64.saturating_sub(found)
    );
}

fn counts_in_one_thread(counter: &impl Counter) {
    assert_eq!(counter.count(), 0, "a new counter starts at 0");
    counter.increment(1);
    counter.increment(41);
    assert_eq!(counter.count(), 42);
}

#[test]
fn std_mutex_counter_counts() {
    counts_in_one_thread(&StdMutexCounter::new());
}

#[test]
fn parking_lot_counter_counts() {
    counts_in_one_thread(&ParkingLotCounter::new());
}

#[test]
fn atomic_counter_counts() {
    counts_in_one_thread(&AtomicCounter::new());
}

#[test]
fn std_mutex_counter_loses_no_update() {
    assert_no_lost_update("StdMutexCounter", five_threads(&StdMutexCounter::new()));
}

#[test]
fn parking_lot_counter_loses_no_update() {
    assert_no_lost_update("ParkingLotCounter", five_threads(&ParkingLotCounter::new()));
}

#[test]
fn atomic_counter_loses_no_update() {
    assert_no_lost_update("AtomicCounter", five_threads(&AtomicCounter::new()));
}
