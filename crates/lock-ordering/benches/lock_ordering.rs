//! What the global order costs: `acquire` over two locks against taking the
//! same two std mutexes by hand, uncontended, on one thread.
//!
//! `acquire` sorts the set, checks the thread-local list of held locks,
//! allocates its guard and updates the list twice (take and release): the
//! price of a rule checked on every call instead of remembered by the
//! programmer. Run with `cargo bench -p lock-ordering`.

use criterion::{Criterion, criterion_group, criterion_main};
use lock_ordering::{OrderedMutex, acquire};
use std::hint::black_box;
use std::sync::Mutex;
use std::time::Duration;

fn two_locks_acquire_vs_by_hand(c: &mut Criterion) {
    let mut group = c.benchmark_group("two locks: acquire vs by hand");
    group
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));

    let x = Mutex::new(0_u64);
    let y = Mutex::new(0_u64);
    group.bench_function("by hand: x.lock(), then y.lock()", |b| {
        b.iter(|| {
            let mut x = x.lock().expect("never poisoned: nothing panics");
            let mut y = y.lock().expect("never poisoned: nothing panics");
            *black_box(&mut *x) += 1;
            *black_box(&mut *y) += 1;
        })
    });

    let a = OrderedMutex::new("a", 0_u64);
    let b = OrderedMutex::new("b", 0_u64);
    group.bench_function("acquire(&[&a, &b])", |bench| {
        bench.iter(|| {
            let mut both = acquire(black_box(&[&a, &b])).expect("holds nothing else");
            *black_box(&mut both[0]) += 1;
            *black_box(&mut both[1]) += 1;
        })
    });
    group.bench_function("acquire(&[&b, &a]), named out of order", |bench| {
        bench.iter(|| {
            let mut both = acquire(black_box(&[&b, &a])).expect("holds nothing else");
            *black_box(&mut both[0]) += 1;
            *black_box(&mut both[1]) += 1;
        })
    });
    group.finish();
}

criterion_group!(benches, two_locks_acquire_vs_by_hand);
criterion_main!(benches);
