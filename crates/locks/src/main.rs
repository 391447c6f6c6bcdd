//! Lesson `locks`: data races and mutual exclusion (Effective Python Item 54,
//! Python Cookbook 12.4). Run it with `cargo run -p locks`; the chapter is
//! `book/src/locks.md`.
//!
//! The Python program itself, five threads doing `count += offset` on one
//! counter with no lock, does not compile in Rust: see the top of `lib.rs`.
//! This program starts from what does compile.

use std::sync::{Mutex, RwLock, TryLockError};
use std::thread;
use std::time::{Duration, Instant};

use kit::panic_message;
use locks::verdict;
use locks::{
    AtomicCounter, ParkingLotCounter, SharedCounter, StdMutexCounter, Tally, count_in_threads,
    count_locally, race_lossy_counter,
};

/// Effective Python's numbers: five sensors, 100 000 readings each.
const THREADS: usize = 5;
const HOW_MANY: u64 = 100_000;
const EXPECTED: u64 = THREADS as u64 * HOW_MANY;

fn main() {
    a_split_read_modify_write_loses_updates();
    a_mutex_makes_the_increment_one_step();
    a_panic_poisons_a_std_mutex();
    parking_lot_does_not_poison();
    an_atomic_needs_no_lock();
    the_cheapest_lock_is_the_one_you_dont_take();
    the_cookbook_counter_ends_at_zero();
    the_guard_is_with_lock();
    hold_the_lock_for_the_update_not_the_work();
    a_rwlock_lets_readers_share();
}

// ANCHOR: lossy
fn a_split_read_modify_write_loses_updates() {
    println!("== 1. A read-modify-write split in two loses updates ==");
    println!("{THREADS} threads x {HOW_MANY} increments, each a separate load and store");
    let race = race_lossy_counter(THREADS, HOW_MANY);
    println!(
        "first round: every thread read 0 before any wrote: {}",
        verdict::every_thread_read_zero(&race, THREADS)
    );
    // How many more are lost after the first round depends on the timing,
    // so the figures are marked `~`: the verdict is what is certain.
    println!(
        "expected {}, found ~{}, lost ~{}: updates were lost: {}",
        race.expected,
        race.found,
        race.lost(),
        verdict::updates_were_lost(&race)
    );
}
// ANCHOR_END: lossy

/// One line per safe counter: the total, and the verdict on it.
fn print_total(counter: &str, found: u64) {
    println!(
        "{counter}: expected {EXPECTED}, found {found}: no update lost: {}",
        verdict::no_update_lost(EXPECTED, found)
    );
}

// ANCHOR: std_mutex
fn a_mutex_makes_the_increment_one_step() {
    println!("\n== 2. A Mutex makes the increment one step ==");
    let _pictured = trace::region("std mutex"); // what the chapter's pictures show
    let counter = StdMutexCounter::new();
    print_total(
        "std::sync::Mutex",
        count_in_threads(&counter, THREADS, HOW_MANY),
    );
}
// ANCHOR_END: std_mutex

// ANCHOR: poisoning
fn a_panic_poisons_a_std_mutex() {
    println!("\n== 3. A panic while holding a std Mutex poisons it ==");
    let tally = Mutex::new(Tally::default());
    tally.lock().expect("no thread has panicked yet").record(20);
    tally.lock().expect("no thread has panicked yet").record(21);

    let outcome: thread::Result<()> = thread::scope(|scope| {
        thread::Builder::new()
            .name("sensor-3".into())
            .spawn_scoped(scope, || {
                let mut tally = tally.lock().expect("no thread has panicked yet");
                tally.count += 1; // the first half of recording a reading...
                panic!("sensor 3 failed halfway through recording a reading");
                // ...and `tally.readings.push(..)` never happens.
            })
            .expect("the OS can start one more thread")
            .join()
    });
    report_panic(outcome);

    println!("is_poisoned(): {}", tally.is_poisoned());
    match tally.lock() {
        Ok(_) => println!("next lock(): Ok"),
        Err(poisoned) => {
            println!("next lock(): Err(PoisonError)");
            // The data is still there; the error only says "look before you trust it".
            let mut data = poisoned.into_inner();
            println!(
                "PoisonError::into_inner() hands it over anyway: {data}: consistent: {}",
                verdict::consistent(&data)
            );
            data.count = data.readings.len() as u64; // repair the invariant
        }
    }
    tally.clear_poison();
    println!(
        "repaired, then clear_poison(): next lock() is Ok: {}",
        verdict::next_lock_is_ok(&tally)
    );
}
// ANCHOR_END: poisoning

/// What `join` said about the thread that panicked holding the lock.
fn report_panic(outcome: thread::Result<()>) {
    match outcome {
        Ok(()) => println!("sensor-3 finished without panicking"),
        Err(payload) => println!(
            "sensor-3 panicked holding the lock: {:?}",
            panic_message(&*payload)
        ),
    }
}

// ANCHOR: parking_lot
fn parking_lot_does_not_poison() {
    println!("\n== 4. parking_lot::Mutex: the same total, and no poisoning ==");
    let counter = ParkingLotCounter::new();
    print_total(
        "parking_lot::Mutex",
        count_in_threads(&counter, THREADS, HOW_MANY),
    );

    let tally = parking_lot::Mutex::new(Tally::default());
    tally.lock().record(20);
    tally.lock().record(21);
    let outcome: thread::Result<()> = thread::scope(|scope| {
        thread::Builder::new()
            .name("sensor-3".into())
            .spawn_scoped(scope, || {
                let mut tally = tally.lock(); // a guard, not a Result
                tally.count += 1;
                panic!("sensor 3 failed halfway through recording a reading");
            })
            .expect("the OS can start one more thread")
            .join()
    });
    report_panic(outcome);
    // The lock was released as the thread unwound. Nothing says the update
    // was cut in half: the next locker gets the guard, and the broken data.
    let data = tally.lock();
    println!(
        "next lock() returns the guard: {}: consistent: {}",
        *data,
        verdict::consistent(&data)
    );
}
// ANCHOR_END: parking_lot

// ANCHOR: atomic
fn an_atomic_needs_no_lock() {
    println!("\n== 5. An atomic needs no lock ==");
    let counter = AtomicCounter::new();
    print_total(
        "AtomicU64::fetch_add",
        count_in_threads(&counter, THREADS, HOW_MANY),
    );
}
// ANCHOR_END: atomic

// ANCHOR: local_sums
fn the_cheapest_lock_is_the_one_you_dont_take() {
    println!("\n== 6. The cheapest lock is the one you don't take ==");
    let counter = StdMutexCounter::new();
    print_total(
        "local sums, then one std::sync::Mutex lock per thread",
        count_locally(&counter, THREADS, HOW_MANY),
    );
}
// ANCHOR_END: local_sums

// ANCHOR: shared_counter
fn the_cookbook_counter_ends_at_zero() {
    println!("\n== 7. The cookbook's SharedCounter ends at zero ==");
    // The cookbook's test: each thread increments a million times, then
    // decrements a million times. A tenth of that keeps the lesson quick.
    const TIMES: u64 = 100_000;
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
    println!(
        "3 threads, each incr(1) x {TIMES} then decr(1) x {TIMES}: value {}: ends at 0: {}",
        counter.value(),
        verdict::ends_at_zero(counter.value())
    );
}
// ANCHOR_END: shared_counter

// ANCHOR: guard
fn the_guard_is_with_lock() {
    println!("\n== 8. The guard is Python's `with lock:` ==");
    let readings = Mutex::new(Vec::new());
    // What another thread sees if it tries the lock right now.
    let another_thread_tries = || {
        thread::scope(|scope| {
            scope
                .spawn(|| match readings.try_lock() {
                    Ok(_) => "Ok",
                    Err(TryLockError::WouldBlock) => "Err(WouldBlock)",
                    Err(TryLockError::Poisoned(_)) => "Err(Poisoned)",
                })
                .join()
                .expect("try_lock does not panic")
        })
    };

    {
        // with lock:
        let mut guard = readings.lock().expect("no thread panics holding it");
        guard.push(20);
        println!(
            "while the guard lives, another thread's try_lock(): {}",
            another_thread_tries()
        );
    } // the end of the `with` block: the guard is dropped, the lock released

    println!(
        "after the guard is dropped, another thread's try_lock(): {}",
        another_thread_tries()
    );
}
// ANCHOR_END: guard

// ANCHOR: hold_briefly
fn hold_the_lock_for_the_update_not_the_work() {
    println!("\n== 9. Hold the lock for the update, not for the work ==");
    // Each of five threads "reads a sensor" (a 50 ms wait) and records it.
    // Long enough that "overlapped" (under five waits) keeps a margin of
    // four waits for a loaded machine's scheduling delays.
    const WORK: Duration = Duration::from_millis(50);
    let read_sensor = |sensor: u64| {
        thread::sleep(WORK);
        sensor * 10
    };

    let readings = Mutex::new(Vec::new());
    let started = Instant::now();
    thread::scope(|scope| {
        for sensor in 0..THREADS as u64 {
            let (readings, read_sensor) = (&readings, &read_sensor);
            scope.spawn(move || {
                let mut readings = readings.lock().expect("no thread panics holding it");
                readings.push(read_sensor(sensor)); // the wait happens under the lock
            });
        }
    });
    let held_for_the_work = started.elapsed();
    println!(
        "lock held during the work: took {held_for_the_work:.1?}: the threads took turns: {}",
        verdict::took_turns(held_for_the_work, WORK, THREADS as u32)
    );

    let readings = Mutex::new(Vec::new());
    let started = Instant::now();
    thread::scope(|scope| {
        for sensor in 0..THREADS as u64 {
            let (readings, read_sensor) = (&readings, &read_sensor);
            scope.spawn(move || {
                let reading = read_sensor(sensor); // the wait happens with no lock held
                readings
                    .lock()
                    .expect("no thread panics holding it")
                    .push(reading);
            });
        }
    });
    let held_for_the_update = started.elapsed();
    println!(
        "lock held for the update only: took {held_for_the_update:.1?}: the waits overlapped: {}",
        verdict::overlapped(held_for_the_update, WORK, THREADS as u32)
    );
}
// ANCHOR_END: hold_briefly

// ANCHOR: rwlock
fn a_rwlock_lets_readers_share() {
    println!("\n== 10. RwLock: many readers, or one writer ==");
    let settings = RwLock::new(vec!["sensor-0", "sensor-1"]);
    let another_thread_tries = || {
        thread::scope(|scope| {
            scope
                .spawn(|| {
                    let read = settings.try_read().is_ok();
                    let write = settings.try_write().is_ok();
                    (read, write)
                })
                .join()
                .expect("try_read and try_write do not panic")
        })
    };
    let ok = |got: bool| if got { "Ok" } else { "Err(WouldBlock)" };

    let reader = settings.read().expect("no thread panics holding it");
    let (read, write) = another_thread_tries();
    println!(
        "while one reader holds it ({} names), another thread's try_read(): {}, try_write(): {}",
        reader.len(),
        ok(read),
        ok(write)
    );
    drop(reader);
    let (read, write) = another_thread_tries();
    println!(
        "with no reader left: try_read(): {}, try_write(): {}",
        ok(read),
        ok(write)
    );
}
// ANCHOR_END: rwlock
