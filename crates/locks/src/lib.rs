//! # Locks: data races and mutual exclusion
//!
//! *Effective Python* Item 54 and *Python Cookbook* 12.4, in Rust.
//!
//! Effective Python's program: five threads share one counter and each runs
//! `count += offset` 100 000 times, with no lock. In CPython it runs and
//! loses updates (the notes saw 367 540 and 450 379 of 500 000). In Rust the
//! same program, line for line, does not compile: five threads would each
//! need a `&mut Counter` at the same time, and `&mut` is unique.
//!
//! That program is `tests/wont_compile/borrowed.rs`; rustc's verdict is
//! ``error[E0499]: cannot borrow `counter` as mutable more than once at a
//! time``. Sharing the counter through an `Arc` does not help
//! (`tests/wont_compile/shared.rs`): an `Arc` hands out only shared
//! references, so `counter.increment(1)` is ``error[E0596]: cannot borrow
//! data in an `Arc` as mutable``. `tests/wont_compile.rs` checks, with
//! `trybuild`, that both still fail with exactly the message in the
//! `.stderr` file beside each.
//!
//! What does compile is a counter that can be changed through a shared
//! reference `&self`, because it synchronises inside. This crate has one of
//! each kind, all behind the [`Counter`] trait:
//!
//! - [`LossyCounter`]: Python's `+=` spelled out as a separate atomic load and
//!   store. No undefined behaviour, and still wrong: updates get lost.
//! - [`StdMutexCounter`], [`ParkingLotCounter`]: the increment under a lock.
//! - [`AtomicCounter`]: the increment as one atomic instruction.
//! - [`SharedCounter`]: the cookbook's counter with `incr` and `decr`.
//!
//! [`verdict`] computes every `yes`/`no` the lesson prints from its evidence.
//!
//! The counters' `Mutex` and `AtomicU64` come from [`kit::sync`]: std's in a
//! normal build, loom's under `--cfg loom`, so `tests/loom.rs` explores
//! every interleaving of the very counters the lesson runs. (parking_lot's
//! lock is its own, and loom cannot schedule it.) The counters call
//! `lock()` and handle poisoning themselves, as the chapter shows, rather
//! than through the kit's `lock` helper.

use std::fmt;
use std::sync::{Barrier, PoisonError};
use std::thread;

use kit::sync::{AtomicU64, Mutex, Ordering};

pub mod verdict;

// ANCHOR: counter
/// What every counter in this lesson can do: Python's
/// `Counter.increment(offset)`, and read the count.
///
/// Both take `&self`, a *shared* reference: that is what lets five threads
/// call them at once. A type can only offer that (and be `Sync`) if it
/// synchronises internally.
pub trait Counter: Sync {
    /// Adds `offset` to the count.
    fn increment(&self, offset: u64);
    /// The count now.
    fn count(&self) -> u64;
}
// ANCHOR_END: counter

// ANCHOR: lossy_counter
/// Python's `count += offset`, written out as the three steps the
/// interpreter really takes: read the value, add, write the sum back.
///
/// The read and the write are each atomic, so there is no data race and no
/// undefined behaviour. But the *pair* is not atomic: another thread can
/// write between them, and this thread's write then erases that update.
/// That is a race condition, and safe Rust does not prevent those.
#[derive(Debug)]
pub struct LossyCounter {
    value: AtomicU64,
}

impl LossyCounter {
    pub fn new() -> Self {
        LossyCounter {
            value: AtomicU64::new(0),
        }
    }

    /// The increment with its gap made visible: `between` runs after the
    /// read and before the write, where Python may switch threads. Returns
    /// the value this increment read.
    pub fn increment_pausing(&self, offset: u64, between: impl FnOnce()) -> u64 {
        let value = self.value.load(Ordering::Relaxed); // value = counter.count
        between(); // ...another thread may run here...
        self.value.store(value + offset, Ordering::Relaxed); // counter.count = value + offset
        value
    }
}

impl Counter for LossyCounter {
    fn increment(&self, offset: u64) {
        self.increment_pausing(offset, || {});
    }

    fn count(&self) -> u64 {
        self.value.load(Ordering::Relaxed)
    }
}
// ANCHOR_END: lossy_counter

impl Default for LossyCounter {
    fn default() -> Self {
        Self::new()
    }
}

// ANCHOR: std_mutex_counter
/// The increment under `std::sync::Mutex`: Effective Python's
/// `LockingCounter`. The lock owns the count, so there is no way to reach
/// the count without taking the lock.
#[derive(Debug)]
pub struct StdMutexCounter {
    count: Mutex<u64>,
}

impl StdMutexCounter {
    pub fn new() -> Self {
        StdMutexCounter {
            count: Mutex::new(0),
        }
    }
}

impl Counter for StdMutexCounter {
    fn increment(&self, offset: u64) {
        // `lock()` returns `Err` only if a thread panicked while holding the
        // lock (poisoning, shown next). An addition cannot be left half
        // done, so that warning carries no news here: take the guard anyway.
        let waiting = trace::waiting(trace::Wait::Lock, "count").often(); // for the pictures
        let mut count = self.count.lock().unwrap_or_else(PoisonError::into_inner);
        waiting.end();
        let _holding = trace::holding("count").often();
        *count += offset;
    } // the guard is dropped here, and the lock released: Python's end of `with`

    fn count(&self) -> u64 {
        *self.count.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
// ANCHOR_END: std_mutex_counter

impl Default for StdMutexCounter {
    fn default() -> Self {
        Self::new()
    }
}

// ANCHOR: parking_lot_counter
/// The increment under `parking_lot::Mutex`. Same shape, but `lock()`
/// returns the guard itself: parking_lot has no poisoning.
#[derive(Debug, Default)]
pub struct ParkingLotCounter {
    count: parking_lot::Mutex<u64>,
}

impl ParkingLotCounter {
    pub fn new() -> Self {
        Self::default()
    }
}

impl Counter for ParkingLotCounter {
    fn increment(&self, offset: u64) {
        *self.count.lock() += offset;
    }

    fn count(&self) -> u64 {
        *self.count.lock()
    }
}
// ANCHOR_END: parking_lot_counter

// ANCHOR: atomic_counter
/// The increment as one indivisible read-modify-write: `fetch_add` is a
/// single atomic instruction (on x86, an add with the `lock` prefix), so no
/// thread can write between its read and its write. No lock at all.
#[derive(Debug)]
pub struct AtomicCounter {
    count: AtomicU64,
}

impl AtomicCounter {
    pub fn new() -> Self {
        AtomicCounter {
            count: AtomicU64::new(0),
        }
    }
}

impl Counter for AtomicCounter {
    fn increment(&self, offset: u64) {
        // `Relaxed` is enough: nothing else is published through this count,
        // and `join` makes every thread's increments visible to the reader.
        self.count.fetch_add(offset, Ordering::Relaxed);
    }

    fn count(&self) -> u64 {
        self.count.load(Ordering::Relaxed)
    }
}
// ANCHOR_END: atomic_counter

impl Default for AtomicCounter {
    fn default() -> Self {
        Self::new()
    }
}

// ANCHOR: shared_counter
/// The cookbook's `SharedCounter` (recipe 12.4): a value and the lock that
/// guards it, with `incr` and `decr`. In Python they are two attributes side
/// by side; here the lock *contains* the value.
#[derive(Debug)]
pub struct SharedCounter {
    value: Mutex<i64>,
}

impl SharedCounter {
    pub fn new(initial_value: i64) -> Self {
        SharedCounter {
            value: Mutex::new(initial_value),
        }
    }

    /// Adds `delta` to the value, under the lock.
    pub fn incr(&self, delta: i64) {
        *self.value.lock().unwrap_or_else(PoisonError::into_inner) += delta;
    }

    /// Takes `delta` from the value, under the lock.
    pub fn decr(&self, delta: i64) {
        *self.value.lock().unwrap_or_else(PoisonError::into_inner) -= delta;
    }

    pub fn value(&self) -> i64 {
        *self.value.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
// ANCHOR_END: shared_counter

// ANCHOR: count_in_threads
/// Effective Python's `worker`: reads a sensor `how_many` times and counts
/// each reading.
pub fn worker(counter: &impl Counter, how_many: u64) {
    for _ in 0..how_many {
        counter.increment(1);
    }
}

/// Runs `threads` workers on one counter, joins them all, and returns the
/// count. Scoped threads may borrow `counter`: the scope joins them before
/// it returns.
pub fn count_in_threads(counter: &impl Counter, threads: usize, how_many: u64) -> u64 {
    thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| worker(counter, how_many));
        }
    });
    counter.count()
}
// ANCHOR_END: count_in_threads

// ANCHOR: count_locally
/// The cheapest lock is the one you don't take: each thread counts into a
/// local variable, nobody else can see it, so it needs no synchronisation,
/// and the thread adds its sum to the shared counter once, at the end.
pub fn count_locally(counter: &impl Counter, threads: usize, how_many: u64) -> u64 {
    thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                let mut local = 0;
                for _ in 0..how_many {
                    // `black_box` stands in for reading the sensor: it keeps
                    // the optimiser from folding the loop into one addition,
                    // so the benchmark compares the same work.
                    local += std::hint::black_box(1);
                }
                counter.increment(local); // one lock (or atomic) per thread
            });
        }
    });
    counter.count()
}
// ANCHOR_END: count_locally

/// What [`race_lossy_counter`] observed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LossyRace {
    /// `threads * how_many`: what a correct counter would show.
    pub expected: u64,
    /// What the lossy counter showed.
    pub found: u64,
    /// The value each thread read in its first increment, in thread order.
    pub first_reads: Vec<u64>,
}

impl LossyRace {
    /// How many increments were overwritten.
    pub fn lost(&self) -> u64 {
        self.expected - self.found
    }
}

// ANCHOR: race_lossy_counter
/// Effective Python's experiment on a [`LossyCounter`], with the race
/// window held open so the loss is certain, not merely likely.
///
/// On a real machine the gap between a load and its store lasts nanoseconds,
/// and whether another thread lands in it depends on the scheduler and the
/// core count. So in each thread's first increment the gap holds a
/// [`Barrier`]: every thread reads, then waits until all of them have read,
/// then writes. All of them read the same value and all but one of their
/// updates are lost, on every run, on any machine. The remaining increments
/// run freely and lose as many more as the timing allows.
pub fn race_lossy_counter(threads: usize, how_many: u64) -> LossyRace {
    let counter = LossyCounter::new();
    let everyone_has_read = Barrier::new(threads);
    let first_reads = thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    if how_many == 0 {
                        return None;
                    }
                    let first_read = counter.increment_pausing(1, || {
                        everyone_has_read.wait();
                    });
                    worker(&counter, how_many - 1);
                    Some(first_read)
                })
            })
            .collect();
        workers
            .into_iter()
            .filter_map(|worker| worker.join().expect("the workers do not panic"))
            .collect()
    });
    LossyRace {
        expected: threads as u64 * how_many,
        found: counter.count(),
        first_reads,
    }
}
// ANCHOR_END: race_lossy_counter

/// Sensor readings and how many there are: a record with an invariant
/// (`count == readings.len()`) that a panic halfway through an update can
/// break. Used to show what poisoning protects.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub count: u64,
    pub readings: Vec<u64>,
}

impl Tally {
    /// Records one reading: both halves of the update.
    pub fn record(&mut self, reading: u64) {
        self.count += 1;
        self.readings.push(reading);
    }

    /// Does the count match the readings?
    pub fn is_consistent(&self) -> bool {
        usize::try_from(self.count).is_ok_and(|count| count == self.readings.len())
    }
}

impl fmt::Display for Tally {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "count {}, readings {:?}", self.count, self.readings)
    }
}
