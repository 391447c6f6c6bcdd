//! Controls: every verdict the lesson prints can come out the other way.
//! Each `verdict_<name>_can_fail` runs the broken variant of its section for
//! real (threads that take turns, a lock taken once for the read and again
//! for the write, a panic that comes only after the whole update, a poison
//! never cleared, a lock held for the work...), hands its evidence to the
//! function `locks::verdict::<name>` that `main.rs` prints, and asserts the
//! answer opposite to the snapshot's: "no" where the snapshot says "yes",
//! and "yes" for the two "consistent: no" lines.
//!
//! `no_update_lost` serves four sections whose broken variants differ, so
//! it has a control for each: besides its own, the three `no_update_lost_*`
//! tests below.
#![cfg(not(loom))]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Barrier, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use locks::verdict::{self, Verdict};
use locks::{
    Counter, LossyCounter, LossyRace, Tally, count_in_threads, count_locally, race_lossy_counter,
    worker,
};

/// The lesson's sizes: five threads, 100 000 increments each.
const THREADS: usize = 5;
const HOW_MANY: u64 = 100_000;
const EXPECTED: u64 = THREADS as u64 * HOW_MANY;

/// `lossy`'s experiment without the overlap: the same split counter and the
/// same increments, but each thread is joined before the next one starts,
/// so the threads take turns.
fn take_turns(threads: usize, how_many: u64) -> LossyRace {
    let counter = LossyCounter::new();
    let first_reads = (0..threads)
        .map(|_| {
            thread::scope(|s| {
                s.spawn(|| {
                    let first_read = counter.increment_pausing(1, || {});
                    worker(&counter, how_many - 1);
                    first_read
                })
                .join()
                .expect("the workers do not panic")
            })
        })
        .collect();
    LossyRace {
        expected: threads as u64 * how_many,
        found: counter.count(),
        first_reads,
    }
}

/// Threads that take turns read 0, then 100 000, 200 000...: only the
/// first of them reads 0.
#[test]
fn verdict_every_thread_read_zero_can_fail() {
    let race = take_turns(THREADS, HOW_MANY);
    assert_eq!(race.first_reads, [0, 100_000, 200_000, 300_000, 400_000]);
    assert_eq!(verdict::every_thread_read_zero(&race, THREADS), Verdict::No);
}

/// Threads that take turns lose nothing, split increment or not.
#[test]
fn verdict_updates_were_lost_can_fail() {
    let race = take_turns(THREADS, HOW_MANY);
    assert_eq!((race.expected, race.found), (EXPECTED, EXPECTED));
    assert_eq!(verdict::updates_were_lost(&race), Verdict::No);
}

/// `std_mutex`'s broken variant: a `std::sync::Mutex` taken once to read
/// and again to write, with every thread's first read done before any
/// first write. Four of those five first writes are lost, whatever comes
/// after (the chain argument of the chapter's `lossy` section).
#[test]
fn verdict_no_update_lost_can_fail() {
    let count = Mutex::new(0u64);
    let everyone_has_read = Barrier::new(THREADS);
    thread::scope(|s| {
        for _ in 0..THREADS {
            s.spawn(|| {
                for i in 0..HOW_MANY {
                    let read = *count.lock().expect("no thread panics holding it"); // released here...
                    if i == 0 {
                        everyone_has_read.wait();
                    }
                    *count.lock().expect("no thread panics holding it") = read + 1; // ...taken again here
                }
            });
        }
    });
    let found = count.into_inner().expect("no thread panicked holding it");
    assert!(found <= EXPECTED - 4, "found {found}");
    assert_eq!(verdict::no_update_lost(EXPECTED, found), Verdict::No);
}

/// `parking_lot`'s counter with its lock dropped between the read and the
/// write, and a barrier that makes every thread's first read come before
/// any first write (the first `THREADS` increments come from `THREADS`
/// different threads, as each waits there for the others).
struct ParkingLotLockDroppedEarly {
    count: parking_lot::Mutex<u64>,
    increments_begun: AtomicUsize,
    everyone_has_read: Barrier,
}

impl Counter for ParkingLotLockDroppedEarly {
    fn increment(&self, offset: u64) {
        let read = *self.count.lock(); // released here...
        if self.increments_begun.fetch_add(1, Ordering::Relaxed) < THREADS {
            self.everyone_has_read.wait();
        }
        *self.count.lock() = read + offset; // ...taken again here
    }

    fn count(&self) -> u64 {
        *self.count.lock()
    }
}

/// `parking_lot`'s broken variant: the section's `count_in_threads` on a
/// `parking_lot` counter whose lock is dropped early. As with the std
/// mutex, four of the five first writes are lost.
#[test]
fn no_update_lost_fails_with_a_parking_lot_lock_dropped_early() {
    let counter = ParkingLotLockDroppedEarly {
        count: parking_lot::Mutex::new(0),
        increments_begun: AtomicUsize::new(0),
        everyone_has_read: Barrier::new(THREADS),
    };
    let found = count_in_threads(&counter, THREADS, HOW_MANY);
    assert!(found <= EXPECTED - 4, "found {found}");
    assert_eq!(verdict::no_update_lost(EXPECTED, found), Verdict::No);
}

/// `atomic`'s broken variant: two atomic operations (a load, then a store)
/// are not one atomic update. That is `LossyCounter`, in the lesson's race.
#[test]
fn no_update_lost_fails_for_an_atomic_load_then_store() {
    let race = race_lossy_counter(THREADS, HOW_MANY);
    assert_eq!(race.expected, EXPECTED);
    assert_eq!(verdict::no_update_lost(EXPECTED, race.found), Verdict::No);
}

/// A `std::sync::Mutex` counter whose update *stores* the offset instead
/// of adding it.
struct StoresInsteadOfAdding(Mutex<u64>);

impl Counter for StoresInsteadOfAdding {
    fn increment(&self, offset: u64) {
        *self.0.lock().expect("no thread panics holding it") = offset; // should be +=
    }

    fn count(&self) -> u64 {
        *self.0.lock().expect("no thread panics holding it")
    }
}

/// `local_sums`'s broken variant: the section's `count_locally`, each
/// thread's one lock storing its local sum instead of adding it: the last
/// store wins.
#[test]
fn no_update_lost_fails_when_local_sums_are_stored_not_added() {
    let found = count_locally(&StoresInsteadOfAdding(Mutex::new(0)), THREADS, HOW_MANY);
    assert_eq!(found, HOW_MANY);
    assert_eq!(verdict::no_update_lost(EXPECTED, found), Verdict::No);
}

/// Records two readings in a `std::sync::Mutex<Tally>`, then a thread that
/// panics holding the lock after `update` has run on the tally:
/// `poisoning`'s scenario, with the update as a parameter. Returns the tally
/// the next locker gets through the poison.
fn std_panic_after(update: fn(&mut Tally)) -> Tally {
    let tally = Mutex::new(Tally::default());
    for reading in [20, 21] {
        tally
            .lock()
            .expect("no thread has panicked holding it yet")
            .record(reading);
    }
    let outcome = thread::scope(|s| {
        s.spawn(|| {
            let mut tally = tally.lock().expect("no thread has panicked holding it yet");
            update(&mut tally);
            panic!("sensor 3 failed");
        })
        .join()
    });
    assert!(outcome.is_err());
    tally
        .into_inner()
        .expect_err("the thread panicked holding it")
        .into_inner()
}

/// The same scenario on a `parking_lot::Mutex`: `parking_lot`'s.
fn parking_lot_panic_after(update: fn(&mut Tally)) -> Tally {
    let tally = parking_lot::Mutex::new(Tally::default());
    for reading in [20, 21] {
        tally.lock().record(reading);
    }
    let outcome = thread::scope(|s| {
        s.spawn(|| {
            let mut tally = tally.lock();
            update(&mut tally);
            panic!("sensor 3 failed");
        })
        .join()
    });
    assert!(outcome.is_err());
    tally.into_inner()
}

/// `poisoning` prints "consistent: no" for a tally whose update was cut in
/// half. The variant whose thread panics only after the whole update
/// leaves it consistent: "yes".
#[test]
fn verdict_consistent_can_fail() {
    let whole = std_panic_after(|tally| tally.record(22));
    assert_eq!(whole.readings, [20, 21, 22]);
    assert_eq!(verdict::consistent(&whole), Verdict::Yes);
    // The lesson's half update, through the same steps: "no".
    let half = std_panic_after(|tally| tally.count += 1);
    assert_eq!(verdict::consistent(&half), Verdict::No);
}

/// `parking_lot` prints "consistent: no" too, for its own half update; its
/// variant that panics after the whole update says "yes".
#[test]
fn consistent_says_yes_when_parking_lot_panics_after_the_whole_update() {
    let whole = parking_lot_panic_after(|tally| tally.record(22));
    assert_eq!(verdict::consistent(&whole), Verdict::Yes);
    let half = parking_lot_panic_after(|tally| tally.count += 1);
    assert_eq!(verdict::consistent(&half), Verdict::No);
}

/// `poisoning`'s broken variant: the poison is never cleared, so the next
/// `lock()` is still refused.
#[test]
fn verdict_next_lock_is_ok_can_fail() {
    let tally = Mutex::new(Tally::default());
    let outcome = thread::scope(|s| {
        s.spawn(|| {
            let _guard = tally.lock().expect("no thread has panicked holding it yet");
            panic!("sensor 3 failed");
        })
        .join()
    });
    assert!(outcome.is_err());
    assert_eq!(verdict::next_lock_is_ok(&tally), Verdict::No);
}

/// `shared_counter`'s broken variant: `decr` takes the lock to read and
/// again to write, and in each thread's first decrement all three threads
/// read before any writes. Those three decrements all read the same value,
/// so at most one of them counts, and the value ends at 2 or more.
#[test]
fn verdict_ends_at_zero_can_fail() {
    const TIMES: i64 = 10_000;
    let value = Mutex::new(0_i64);
    let all_counted_up = Barrier::new(3);
    let everyone_has_read = Barrier::new(3);
    thread::scope(|s| {
        for _ in 0..3 {
            s.spawn(|| {
                for _ in 0..TIMES {
                    *value.lock().expect("no thread panics holding it") += 1;
                }
                all_counted_up.wait();
                for i in 0..TIMES {
                    let read = *value.lock().expect("no thread panics holding it");
                    if i == 0 {
                        everyone_has_read.wait();
                    }
                    *value.lock().expect("no thread panics holding it") = read - 1;
                }
            });
        }
    });
    let value = value.into_inner().expect("no thread panicked holding it");
    assert!(value >= 2, "value {value}");
    assert_eq!(verdict::ends_at_zero(value), Verdict::No);
}

/// `hold_briefly`'s experiment: `threads` threads each wait `work` and
/// record a reading, holding the lock during the wait or only for the
/// update.
fn record_readings(threads: u32, work: Duration, lock_during_the_work: bool) -> Duration {
    let readings = Mutex::new(Vec::new());
    let started = Instant::now();
    thread::scope(|s| {
        for sensor in 0..threads {
            let readings = &readings;
            s.spawn(move || {
                if lock_during_the_work {
                    let mut readings = readings
                        .lock()
                        .expect("no thread has panicked holding it yet");
                    thread::sleep(work);
                    readings.push(sensor);
                } else {
                    thread::sleep(work);
                    readings
                        .lock()
                        .expect("no thread has panicked holding it yet")
                        .push(sensor);
                }
            });
        }
    });
    let took = started.elapsed();
    assert_eq!(
        readings
            .into_inner()
            .expect("no thread has panicked holding it yet")
            .len(),
        threads as usize
    );
    took
}

/// `hold_briefly`'s first half, broken: the threads hold the lock only for
/// the update, so they do not take turns (ten waits of 50 ms overlap, far
/// from the 500 ms of taking turns).
#[test]
fn verdict_took_turns_can_fail() {
    let work = Duration::from_millis(50);
    let took = record_readings(10, work, false);
    assert_eq!(verdict::took_turns(took, work, 10), Verdict::No);
}

/// `hold_briefly`'s second half, broken: the threads hold the lock during
/// the work, so the waits cannot overlap.
#[test]
fn verdict_overlapped_can_fail() {
    let work = Duration::from_millis(20);
    let took = record_readings(5, work, true);
    assert_eq!(verdict::overlapped(took, work, 5), Verdict::No);
}

/// `count_in_threads` is what `std_mutex` and `parking_lot` print; with a
/// lossy counter under it, "no update lost" is not guaranteed either way,
/// but with one thread it must say "yes": the check is not "no" by
/// construction.
#[test]
fn no_update_lost_says_yes_for_an_exact_count() {
    let found = count_in_threads(&LossyCounter::new(), 1, HOW_MANY);
    assert_eq!(verdict::no_update_lost(HOW_MANY, found), Verdict::Yes);
}
