//! Poisoning, exactly as the chapter describes it: a thread that panics
//! while holding a `std::sync::Mutex` poisons it; `parking_lot` does not
//! poison; and the lesson's counters keep counting after such a panic.

use kit::panic_message;
use locks::Tally;
use std::sync::{Mutex, PoisonError, TryLockError};
use std::thread;

/// Two readings recorded, then a thread that counts a third and panics
/// before it stores the reading, as `a_panic_poisons_a_std_mutex` (in
/// `main.rs`) does.
fn half_update_then_panic(tally: &Mutex<Tally>) -> thread::Result<()> {
    let mut guard = tally.lock().expect("not poisoned yet");
    guard.record(20);
    guard.record(21);
    drop(guard);
    thread::scope(|scope| {
        scope
            .spawn(|| {
                let mut guard = tally.lock().expect("not poisoned yet");
                guard.count += 1;
                panic!("sensor 3 failed halfway through recording a reading");
            })
            .join()
    })
}

#[test]
fn a_panic_while_holding_a_std_mutex_poisons_it() {
    let tally = Mutex::new(Tally::default());
    assert!(!tally.is_poisoned());

    let payload = half_update_then_panic(&tally).expect_err("the thread panicked");
    assert_eq!(
        panic_message(&*payload),
        "sensor 3 failed halfway through recording a reading"
    );
    assert!(tally.is_poisoned());

    // The next lock() (and try_lock()) report the poison, and hand over the
    // data, half-updated, through into_inner().
    let poisoned = tally.lock().expect_err("the mutex is poisoned");
    let data = poisoned.into_inner();
    assert_eq!(
        *data,
        Tally {
            count: 3,
            readings: vec![20, 21]
        }
    );
    assert!(!data.is_consistent());
    drop(data);
    assert!(matches!(tally.try_lock(), Err(TryLockError::Poisoned(_))));

    // Poison stays until it is cleared, however many times the lock is taken.
    assert!(tally.lock().is_err());
    assert!(tally.lock().is_err());

    // Repair the data, clear the poison: the next lock() is Ok again.
    tally.lock().unwrap_or_else(PoisonError::into_inner).count = 2;
    tally.clear_poison();
    assert!(!tally.is_poisoned());
    let data = tally.lock().expect("the poison was cleared");
    assert!(data.is_consistent());
}

#[test]
fn a_poisoned_mutex_still_gives_up_its_value() {
    let tally = Mutex::new(Tally::default());
    let _ = half_update_then_panic(&tally);
    let data = tally
        .into_inner()
        .expect_err("into_inner reports the poison too")
        .into_inner();
    assert_eq!(data.count, 3);
    assert_eq!(data.readings, vec![20, 21]);
}

#[test]
fn parking_lot_releases_the_lock_on_panic_and_does_not_poison() {
    let tally = parking_lot::Mutex::new(Tally::default());
    tally.lock().record(20);
    tally.lock().record(21);
    let outcome = thread::scope(|scope| {
        scope
            .spawn(|| {
                let mut guard = tally.lock();
                guard.count += 1;
                panic!("sensor 3 failed halfway through recording a reading");
            })
            .join()
    });
    assert!(outcome.is_err());
    // Not locked, not poisoned: the next locker simply gets the guard, and
    // the broken data with no warning.
    assert!(!tally.is_locked());
    let data = tally.try_lock().expect("the lock was released on unwind");
    assert_eq!(data.count, 3);
    assert_eq!(data.readings, vec![20, 21]);
    assert!(!data.is_consistent());
}

/// An increment can only panic on overflow, and it panics before it
/// writes, so the counters take a poisoned lock and carry on.
#[cfg(debug_assertions)]
#[test]
fn the_mutex_counters_keep_counting_after_a_panic_poisoned_their_lock() {
    use locks::{Counter, SharedCounter, StdMutexCounter};

    let counter = StdMutexCounter::new();
    counter.increment(u64::MAX - 1);
    let overflowed = thread::scope(|scope| scope.spawn(|| counter.increment(5)).join());
    assert!(overflowed.is_err(), "u64::MAX - 1 + 5 overflows");
    assert_eq!(
        counter.count(),
        u64::MAX - 1,
        "the failed add wrote nothing"
    );
    counter.increment(1);
    assert_eq!(counter.count(), u64::MAX);

    let shared = SharedCounter::new(i64::MIN + 1);
    let overflowed = thread::scope(|scope| scope.spawn(|| shared.decr(2)).join());
    assert!(overflowed.is_err(), "i64::MIN + 1 - 2 overflows");
    assert_eq!(shared.value(), i64::MIN + 1);
    shared.incr(1);
    assert_eq!(shared.value(), i64::MIN + 2);
}

#[test]
fn tally_is_consistent_only_when_the_count_matches_the_readings() {
    let mut tally = Tally::default();
    assert!(tally.is_consistent());
    tally.record(20);
    tally.record(21);
    assert!(tally.is_consistent());
    assert_eq!(tally.to_string(), "count 2, readings [20, 21]");
    tally.count += 1;
    assert!(!tally.is_consistent());
}
