//! `locks-counters` under stress: Effective Python's five threads of
//! 100 000 increments, twenty rounds per counter: exactly 500 000 every time.

use std::thread;

use locks_exercises::Counter;
use locks_exercises::counters::{AtomicCounter, ParkingLotCounter, StdMutexCounter};

fn rounds<C: Counter>(name: &str, new: impl Fn() -> C) {
    for round in 0..20 {
        let counter = new();
        thread::scope(|scope| {
            for _ in 0..5 {
                scope.spawn(|| {
                    for _ in 0..100_000 {
                        counter.increment(1);
                    }
                });
            }
        });
        let found = counter.count();
        assert_eq!(
            found,
            500_000,
            "{name}, round {round}: {} lost updates",
            500_000u64.saturating_sub(found)
        );
    }
}

#[test]
fn std_mutex_counter_is_exact_under_stress() {
    rounds("StdMutexCounter", StdMutexCounter::new);
}

#[test]
fn parking_lot_counter_is_exact_under_stress() {
    rounds("ParkingLotCounter", ParkingLotCounter::new);
}

#[test]
fn atomic_counter_is_exact_under_stress() {
    rounds("AtomicCounter", AtomicCounter::new);
}
