//! What the lesson's claims cost, measured. Each group is named after the
//! claim it tests; the chapter quotes the figures (two-core machine).
//!
//! cargo bench -p thread-pools

use std::convert::Infallible;
use std::hint::black_box;
use std::thread;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use thread_pools::ThreadPool;
use thread_pools::cost::collatz_steps;

/// Effective Python Item 57: a thread per item pays a thread's start-up for
/// every item; a pool pays it once per worker.
fn ten_thousand_small_jobs(c: &mut Criterion) {
    const JOBS: u64 = 10_000;
    let mut group = c.benchmark_group("10 000 small jobs: a thread per task vs a pool");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(7));
    group.bench_function("a thread per task", |b| {
        b.iter(|| {
            let threads: Vec<_> = (1..=JOBS)
                .map(|n| thread::spawn(move || collatz_steps(black_box(n))))
                .collect();
            threads
                .into_iter()
                .map(|t| t.join().expect("no panic"))
                .sum::<u64>()
        })
    });
    let pool = ThreadPool::new(4).expect("four workers");
    group.bench_function("a pool of 4", |b| {
        b.iter(|| {
            let handles: Vec<_> = (1..=JOBS)
                .map(|n| pool.submit(move || Ok::<_, Infallible>(collatz_steps(black_box(n)))))
                .collect();
            handles
                .into_iter()
                .map(|h| h.result().expect("no panic"))
                .sum::<u64>()
        })
    });
    group.finish();
}

/// One fan-out of eight jobs: a pool made once and reused, against
/// `thread::scope`, which starts (and joins) eight threads every time but
/// may borrow from the caller.
fn fan_out(c: &mut Criterion) {
    const JOBS: u64 = 8;
    const PER_JOB: u64 = 1_000;
    let mut group = c.benchmark_group("fan-out of 8 jobs: a pool vs thread::scope");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    let chunk = |job: u64| {
        (job * PER_JOB + 1..=(job + 1) * PER_JOB)
            .map(collatz_steps)
            .sum::<u64>()
    };
    let pool = ThreadPool::new(2).expect("two workers");
    group.bench_function("a pool of 2, made once", |b| {
        b.iter(|| {
            let handles: Vec<_> = (0..JOBS)
                .map(|job| pool.submit(move || Ok::<_, Infallible>(chunk(black_box(job)))))
                .collect();
            handles
                .into_iter()
                .map(|h| h.result().expect("no panic"))
                .sum::<u64>()
        })
    });
    group.bench_function("thread::scope, a thread per job", |b| {
        b.iter(|| {
            thread::scope(|scope| {
                let threads: Vec<_> = (0..JOBS)
                    .map(|job| scope.spawn(move || chunk(black_box(job))))
                    .collect();
                threads
                    .into_iter()
                    .map(|t| t.join().expect("no panic"))
                    .sum::<u64>()
            })
        })
    });
    group.finish();
}

/// The cost of one job's round trip: start and join a thread for it, or
/// hand it to a waiting worker and wait for its handle.
fn one_job(c: &mut Criterion) {
    let mut group = c.benchmark_group("one job: a new thread vs a pool hand-off");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(1));
    group.bench_function("spawn + join", |b| {
        b.iter(|| thread::spawn(|| black_box(1)).join().expect("no panic"))
    });
    let pool = ThreadPool::new(1).expect("one worker");
    group.bench_function("submit + result", |b| {
        b.iter(|| {
            pool.submit(|| Ok::<_, Infallible>(black_box(1)))
                .result()
                .expect("no panic")
        })
    });
    group.finish();
}

criterion_group!(benches, ten_thousand_small_jobs, fan_out, one_job);
criterion_main!(benches);
