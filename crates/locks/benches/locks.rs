//! The claim of `the_cheapest_lock_is_the_one_you_dont_take` (in `main.rs`):
//! the cheapest lock is the one you don't take.
//!
//! Effective Python's workload, 5 threads x 100 000 increments of one shared
//! counter, four ways: every increment under a `std::sync::Mutex`, under a
//! `parking_lot::Mutex`, as one `fetch_add`, and as a local sum per thread
//! added to the shared counter once at the end. Every iteration spawns and
//! joins the five threads, so each figure includes that fixed cost, which a
//! fifth case measures on its own.
//!
//! `cargo bench -p locks` (a few seconds); `cargo test -p locks --benches`
//! runs each case once.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use locks::{AtomicCounter, ParkingLotCounter, StdMutexCounter, count_in_threads, count_locally};

const THREADS: usize = 5;
const HOW_MANY: u64 = 100_000;

fn the_cheapest_lock_is_the_one_you_dont_take(c: &mut Criterion) {
    let mut group = c.benchmark_group("the cheapest lock is the one you don't take");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));

    group.bench_function("std Mutex per increment", |b| {
        b.iter(|| count_in_threads(&StdMutexCounter::new(), THREADS, black_box(HOW_MANY)))
    });
    group.bench_function("parking_lot Mutex per increment", |b| {
        b.iter(|| count_in_threads(&ParkingLotCounter::new(), THREADS, black_box(HOW_MANY)))
    });
    group.bench_function("fetch_add per increment", |b| {
        b.iter(|| count_in_threads(&AtomicCounter::new(), THREADS, black_box(HOW_MANY)))
    });
    group.bench_function("local sums, one lock per thread", |b| {
        b.iter(|| count_locally(&StdMutexCounter::new(), THREADS, black_box(HOW_MANY)))
    });
    // The fixed cost inside every figure above: start and join five threads.
    group.bench_function("spawn and join only", |b| {
        b.iter(|| count_locally(&AtomicCounter::new(), THREADS, black_box(0)))
    });
    group.finish();
}

criterion_group!(benches, the_cheapest_lock_is_the_one_you_dont_take);
criterion_main!(benches);
