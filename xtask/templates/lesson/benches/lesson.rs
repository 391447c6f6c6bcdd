//! What the `__LESSON__` lesson's claims cost, measured. Each group is named
//! after the claim it tests; the chapter quotes the figures.
//!
//! `cargo bench -p __LESSON__` (or `cargo xtask bench __LESSON__`).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

/// Starting threads costs more than adding a thousand numbers: the threads
/// pay only for work much larger than that.
fn threads_against_one_loop(c: &mut Criterion) {
    let numbers: Vec<u64> = (1..=1_000).collect();
    let mut group = c.benchmark_group("a small sum: four threads against one loop");
    group.bench_function("four scoped threads", |b| {
        b.iter(|| __CRATE__::sum_in_threads(black_box(&numbers), 4))
    });
    group.bench_function("one loop", |b| {
        b.iter(|| black_box(&numbers).iter().sum::<u64>())
    });
    group.finish();
}

criterion_group!(benches, threads_against_one_loop);
criterion_main!(benches);
