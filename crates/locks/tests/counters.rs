//! The counters, adversarially: many threads, exact totals; the lossy
//! counter loses updates on every run, not just on lucky ones.

use locks::{
    AtomicCounter, Counter, LossyCounter, ParkingLotCounter, SharedCounter, StdMutexCounter,
    count_in_threads, count_locally, race_lossy_counter,
};
use std::thread;

/// More threads than the machine has cores, so they are preempted mid-loop.
const THREADS: usize = 8;
const HOW_MANY: u64 = 50_000;

#[test]
fn std_mutex_counter_is_exact_under_many_threads() {
    let counter = StdMutexCounter::new();
    assert_eq!(count_in_threads(&counter, THREADS, HOW_MANY), 400_000);
    assert_eq!(count_in_threads(&counter, 5, 100_000), 900_000);
}

#[test]
fn parking_lot_counter_is_exact_under_many_threads() {
    let counter = ParkingLotCounter::new();
    assert_eq!(count_in_threads(&counter, THREADS, HOW_MANY), 400_000);
    assert_eq!(count_in_threads(&counter, 5, 100_000), 900_000);
}

#[test]
fn atomic_counter_is_exact_under_many_threads() {
    let counter = AtomicCounter::new();
    assert_eq!(count_in_threads(&counter, THREADS, HOW_MANY), 400_000);
    assert_eq!(count_in_threads(&counter, 5, 100_000), 900_000);
}

#[test]
fn local_sums_are_exact_with_a_lock_or_an_atomic() {
    assert_eq!(
        count_locally(&StdMutexCounter::new(), THREADS, HOW_MANY),
        400_000
    );
    assert_eq!(
        count_locally(&AtomicCounter::new(), THREADS, HOW_MANY),
        400_000
    );
}

#[test]
fn every_counter_adds_its_offsets() {
    let counters: [&dyn Counter; 4] = [
        &LossyCounter::new(),
        &StdMutexCounter::new(),
        &ParkingLotCounter::new(),
        &AtomicCounter::new(),
    ];
    for counter in counters {
        counter.increment(7);
        counter.increment(0);
        counter.increment(35);
        assert_eq!(counter.count(), 42);
    }
}

#[test]
fn the_lossy_counter_is_exact_on_one_thread() {
    // The split increment is only wrong when another thread can write in
    // the gap: alone, it counts every update.
    let counter = LossyCounter::new();
    assert_eq!(count_in_threads(&counter, 1, 100_000), 100_000);
}

#[test]
fn increment_pausing_runs_between_the_read_and_the_write() {
    let counter = LossyCounter::new();
    counter.increment(5);
    let read = counter.increment_pausing(1, || counter.increment(100));
    // It read 5 before the pause; the pause's +100 was then overwritten by 5 + 1.
    assert_eq!(read, 5);
    assert_eq!(counter.count(), 6);
}

#[test]
fn a_single_held_open_round_keeps_exactly_one_update() {
    // Every thread reads 0, waits for the others, writes 1: exactly one
    // update survives, however the threads are scheduled.
    for threads in [2, 5, 8] {
        for _ in 0..50 {
            let race = race_lossy_counter(threads, 1);
            assert_eq!(race.first_reads, vec![0; threads]);
            assert_eq!(race.found, 1);
            assert_eq!(race.lost(), threads as u64 - 1);
        }
    }
}

#[test]
fn the_lossy_counter_loses_updates_on_every_run() {
    // Small runs, many times: the first round alone loses threads - 1
    // updates, whatever the scheduler does afterwards.
    for _ in 0..300 {
        let race = race_lossy_counter(5, 1_000);
        assert_eq!(race.expected, 5_000);
        assert_eq!(race.first_reads, vec![0; 5]);
        assert!(race.found <= 5_000 - 4, "found {}", race.found);
        // Every store writes what it read plus one, so the last one is at
        // least 1; it can be far less than one thread's own 1 000, when that
        // store read its value long before it wrote it.
        assert!(race.found >= 1, "found {}", race.found);
    }
    // And the lesson's own size, a few times.
    for _ in 0..10 {
        let race = race_lossy_counter(5, 100_000);
        assert!(race.found <= 500_000 - 4, "found {}", race.found);
    }
}

#[test]
fn no_threads_or_no_increments_count_nothing() {
    let race = race_lossy_counter(0, 1_000);
    assert_eq!((race.expected, race.found), (0, 0));
    assert!(race.first_reads.is_empty());

    let race = race_lossy_counter(3, 0);
    assert_eq!((race.expected, race.found), (0, 0));
    assert!(race.first_reads.is_empty());

    assert_eq!(count_in_threads(&AtomicCounter::new(), 0, 1_000), 0);
    assert_eq!(count_locally(&AtomicCounter::new(), 3, 0), 0);
}

#[test]
fn the_shared_counter_ends_at_zero_after_three_threads_incr_and_decr() {
    let counter = SharedCounter::new(0);
    thread::scope(|scope| {
        for _ in 0..3 {
            scope.spawn(|| {
                for _ in 0..100_000 {
                    counter.incr(1);
                }
                for _ in 0..100_000 {
                    counter.decr(1);
                }
            });
        }
    });
    assert_eq!(counter.value(), 0);
}

#[test]
fn the_shared_counter_ends_where_it_started_when_threads_interleave_incr_and_decr() {
    // One thread only increments, the other only decrements, concurrently.
    let counter = SharedCounter::new(7);
    thread::scope(|scope| {
        scope.spawn(|| (0..100_000).for_each(|_| counter.incr(3)));
        scope.spawn(|| (0..100_000).for_each(|_| counter.decr(3)));
    });
    assert_eq!(counter.value(), 7);
}

#[test]
fn the_shared_counter_adds_and_subtracts_its_deltas() {
    let counter = SharedCounter::new(10);
    counter.incr(5);
    counter.decr(7);
    assert_eq!(counter.value(), 8);
    counter.decr(11);
    assert_eq!(counter.value(), -3, "the value may go below zero");
}
