//! What recording costs a lesson, off and on.
//!
//! - A span (made and dropped): off, one relaxed load and a branch at each
//!   end; on, two clock reads and a push onto the thread's own lane.
//! - An item of [`trace::work`], against the same loop without it: off, one
//!   branch an item; on, two clock reads (one of them the thread's CPU
//!   clock, a system call) every `trace::SLICE` items.
//!
//! The off cases run first: the recorder is off until the on cases turn it
//! on (it cannot be turned off again in the same process). Recording throws
//! its events away between batches, so memory stays flat.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};

/// The lesson's factorising loop, on a smaller number: trial division, one
/// `u64` remainder an item.
const NUMBER: u64 = 200_003;

fn divisors_plain(number: u64) -> usize {
    (1..=number).filter(|&i| number.is_multiple_of(i)).count()
}

fn divisors_traced(number: u64) -> usize {
    trace::work(1..=number)
        .filter(|&i| number.is_multiple_of(i))
        .count()
}

fn span() {
    let _waiting = trace::waiting(trace::Wait::Io, "poll");
    black_box(());
}

/// `iters` runs of `f`, timed in batches; what was recorded is thrown away
/// between batches, outside the timing.
fn batched(iters: u64, batch: u64, mut f: impl FnMut()) -> Duration {
    let mut total = Duration::ZERO;
    let mut left = iters;
    while left > 0 {
        let n = left.min(batch);
        let started = Instant::now();
        for _ in 0..n {
            f();
        }
        total += started.elapsed();
        trace::clear();
        left -= n;
    }
    total
}

fn off(c: &mut Criterion) {
    assert!(
        !trace::on(),
        "run the bench without COURSE_TRACE: the off cases measure the recorder off"
    );
    let mut group = c.benchmark_group("recorder off: a span costs a load, work a branch an item");
    group.bench_function("nothing (what the loop itself costs)", |b| {
        b.iter(|| black_box(()))
    });
    group.bench_function("a span, made and dropped", |b| b.iter(span));
    group.bench_function("divisors of 200003, plain", |b| {
        b.iter(|| divisors_plain(black_box(NUMBER)))
    });
    group.bench_function("divisors of 200003, through trace::work", |b| {
        b.iter(|| divisors_traced(black_box(NUMBER)))
    });
    group.finish();
}

fn on(c: &mut Criterion) {
    let path = std::env::temp_dir().join(format!("trace-cost-{}.json", std::process::id()));
    assert!(trace::record_to(&path), "the recorder turns on");
    let mut group = c.benchmark_group("recorder on: a span, and work in slices");
    group.bench_function("a span, made and dropped", |b| {
        b.iter_custom(|iters| batched(iters, 100_000, span))
    });
    group.bench_function("divisors of 200003, through trace::work", |b| {
        b.iter_custom(|iters| {
            batched(iters, 100, || {
                black_box(divisors_traced(black_box(NUMBER)));
            })
        })
    });
    group.finish();
    trace::clear();
    trace::finish().expect("the bench's trace is written to the temporary directory");
    let _ = std::fs::remove_file(&path);
}

criterion_group!(benches, off, on);
criterion_main!(benches);
