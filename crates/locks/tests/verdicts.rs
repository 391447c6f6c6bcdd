//! Control tests: every verdict the lesson prints can come out the other way.
//! Each test runs a broken variant of its section (threads that take turns,
//! a lock taken once for the read and again for the write, a lock per
//! thread, an atomic store instead of an add, an off-by-one loop...) through
//! the same function from `locks::verdict` that `main.rs` prints, and checks
//! the answer. The two lines that print "no" (a half-recorded tally is not
//! consistent) get a control that makes them say "yes".
#![cfg(not(loom))]

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Barrier, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use locks::verdict;
use locks::{
    Counter, LossyCounter, LossyRace, ParkingLotCounter, SharedCounter, Tally, count_in_threads,
    race_lossy_counter, worker,
};

/// The lesson's sizes: five threads, 100 000 increments each.
const THREADS: usize = 5;
const HOW_MANY: u64 = 100_000;
const EXPECTED: u64 = THREADS as u64 * HOW_MANY;

/// Section 1: threads that take turns (each joined before the next starts)
/// read 0, 1, 2, 3, 4 in their first increments.
#[test]
fn verdict_every_thread_read_zero_can_fail() {
    let counter = LossyCounter::new();
    let first_reads: Vec<u64> = (0..THREADS)
        .map(|_| {
            thread::scope(|s| {
                s.spawn(|| counter.increment_pausing(1, || {}))
                    .join()
                    .unwrap()
            })
        })
        .collect();
    let race = LossyRace {
        expected: THREADS as u64,
        found: counter.count(),
        first_reads,
    };
    assert_eq!(race.first_reads, [0, 1, 2, 3, 4]);
    assert_eq!(verdict::every_thread_read_zero(&race, THREADS), "no");
    // The lesson's race, with the window held open, says "yes".
    let race = race_lossy_counter(THREADS, 10);
    assert_eq!(verdict::every_thread_read_zero(&race, THREADS), "yes");
}

/// Section 1: the same race on one thread loses nothing.
#[test]
fn verdict_updates_were_lost_can_fail() {
    let race = race_lossy_counter(1, HOW_MANY);
    assert_eq!((race.expected, race.found), (HOW_MANY, HOW_MANY));
    assert_eq!(verdict::updates_were_lost(&race), "no");
}

/// Section 2: a `std::sync::Mutex` taken once to read and again to write,
/// with every thread's first read done before any first write.
#[test]
fn verdict_std_mutex_no_update_lost_can_fail() {
    let count = Mutex::new(0u64);
    let everyone_has_read = Barrier::new(THREADS);
    thread::scope(|s| {
        for _ in 0..THREADS {
            s.spawn(|| {
                for i in 0..HOW_MANY {
                    let read = *count.lock().unwrap(); // the lock is released here...
                    if i == 0 {
                        everyone_has_read.wait();
                    }
                    *count.lock().unwrap() = read + 1; // ...and taken again here
                }
            });
        }
    });
    let found = count.into_inner().unwrap();
    assert!(found <= EXPECTED - 4, "found {found}");
    assert_eq!(verdict::no_update_lost(EXPECTED, found), "no");
}

/// Records two readings, then a thread that panics holding the lock after
/// `update` has run on the tally: section 3's scenario, with the update as a
/// parameter. Returns the tally the next locker gets.
fn panic_after(update: fn(&mut Tally)) -> Tally {
    let tally = Mutex::new(Tally::default());
    tally
        .lock()
        .expect("no thread has panicked holding it yet")
        .record(20);
    tally
        .lock()
        .expect("no thread has panicked holding it yet")
        .record(21);
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

/// Section 3 prints "consistent: no" for a tally whose update was cut in
/// half; a panic after the whole update leaves it consistent: "yes".
#[test]
fn verdict_poisoned_tally_consistent_can_fail() {
    let half = panic_after(|tally| tally.count += 1);
    assert_eq!(verdict::consistent(&half), "no");
    let whole = panic_after(|tally| tally.record(22));
    assert_eq!(whole.readings, [20, 21, 22]);
    assert_eq!(verdict::consistent(&whole), "yes");
}

/// Section 3: a poisoned mutex, never cleared, still refuses the next lock.
#[test]
fn verdict_next_lock_is_ok_can_fail() {
    let tally = Mutex::new(Tally::default());
    let outcome = thread::scope(|s| {
        s.spawn(|| {
            let _guard = tally.lock().unwrap();
            panic!("sensor 3 failed");
        })
        .join()
    });
    assert!(outcome.is_err());
    assert_eq!(verdict::next_lock_is_ok(&tally), "no");
    tally.clear_poison();
    assert_eq!(verdict::next_lock_is_ok(&tally), "yes");
}

/// Section 4: every thread locks a `parking_lot` counter of its own, so no
/// lock excludes anyone, and the total read is one thread's.
#[test]
fn verdict_parking_lot_no_update_lost_can_fail() {
    let counters: Vec<ParkingLotCounter> = (0..THREADS).map(|_| ParkingLotCounter::new()).collect();
    thread::scope(|s| {
        for counter in &counters {
            s.spawn(move || worker(counter, HOW_MANY));
        }
    });
    let found = counters[0].count();
    assert_eq!(found, HOW_MANY);
    assert_eq!(verdict::no_update_lost(EXPECTED, found), "no");
}

/// Section 4 prints "consistent: no" for parking_lot's half-recorded tally;
/// a panic after the whole update leaves it consistent: "yes".
#[test]
fn verdict_parking_lot_tally_consistent_can_fail() {
    let panic_after = |update: fn(&mut Tally)| {
        let tally = parking_lot::Mutex::new(Tally::default());
        tally.lock().record(20);
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
    };
    assert_eq!(verdict::consistent(&panic_after(|t| t.count += 1)), "no");
    assert_eq!(verdict::consistent(&panic_after(|t| t.record(21))), "yes");
}

/// Section 5: two atomic operations (a load, then a store) are not one
/// atomic update: the lesson's lossy race, on the lesson's sizes.
#[test]
fn verdict_atomic_no_update_lost_can_fail() {
    let race = race_lossy_counter(THREADS, HOW_MANY);
    assert_eq!(race.expected, EXPECTED);
    assert_eq!(verdict::no_update_lost(EXPECTED, race.found), "no");
}

/// Section 6: each thread counts locally, then *stores* its sum in the shared
/// atomic instead of adding it: the last store wins.
#[test]
fn verdict_local_sums_no_update_lost_can_fail() {
    let total = AtomicU64::new(0);
    thread::scope(|s| {
        for _ in 0..THREADS {
            s.spawn(|| {
                let local: u64 = (0..HOW_MANY).map(|_| 1).sum();
                total.store(local, Ordering::Relaxed); // should be fetch_add
            });
        }
    });
    let found = total.load(Ordering::Relaxed);
    assert_eq!(found, HOW_MANY);
    assert_eq!(verdict::no_update_lost(EXPECTED, found), "no");
}

/// Section 7: each thread's decrement loop runs one time too few.
#[test]
fn verdict_ends_at_zero_can_fail() {
    const TIMES: u64 = 10_000;
    let counter = SharedCounter::new(0);
    thread::scope(|s| {
        for _ in 0..3 {
            s.spawn(|| {
                (0..TIMES).for_each(|_| counter.incr(1));
                (1..TIMES).for_each(|_| counter.decr(1)); // off by one
            });
        }
    });
    assert_eq!(counter.value(), 3);
    assert_eq!(verdict::ends_at_zero(counter.value()), "no");
}

/// Section 9's experiment: `threads` threads each wait `work` and record a
/// reading, holding the lock during the wait or only for the update.
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

/// Section 9: threads that hold the lock only for the update do not take
/// turns (ten waits of 50 ms overlap, far from the 500 ms of taking turns).
#[test]
fn verdict_took_turns_can_fail() {
    let work = Duration::from_millis(50);
    let took = record_readings(10, work, false);
    assert_eq!(verdict::took_turns(took, work, 10), "no");
}

/// Section 9: threads that hold the lock during the work cannot overlap.
#[test]
fn verdict_overlapped_can_fail() {
    let work = Duration::from_millis(20);
    let took = record_readings(5, work, true);
    assert_eq!(verdict::overlapped(took, work, 5), "no");
}

/// `count_in_threads` is what sections 2 and 4 print; with a lossy counter
/// under it, "no update lost" is not guaranteed either way, but with one
/// thread it must say "yes": the check is not "no" by construction.
#[test]
fn no_update_lost_says_yes_for_an_exact_count() {
    let found = count_in_threads(&LossyCounter::new(), 1, HOW_MANY);
    assert_eq!(verdict::no_update_lost(HOW_MANY, found), "yes");
}
