//! What the `parallelism` lesson's claims cost, measured. Each group is named
//! after the claim it tests; the chapter quotes the figures.
//!
//! `cargo bench -p parallelism` (or `cargo xtask bench parallelism`).

use std::hint::black_box;
use std::process::Command;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use parallelism::{
    Handout, Pair, WORKER_ARG, gcd, gcds_in_processes, gcds_on_threads, gcds_with_rayon, pairs,
};

/// The lesson's binary, as a worker (built in the bench profile too).
fn worker() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_parallelism"));
    command.arg(WORKER_ARG);
    command
}

/// The four ways to compute every gcd of `input`, as one group.
fn four_ways(c: &mut Criterion, group: &str, input: &[Pair]) {
    let mut group = c.benchmark_group(group);
    group.bench_function("one thread", |b| {
        b.iter(|| input.iter().map(|&pair| gcd(pair)).collect::<Vec<_>>())
    });
    group.bench_function("4 scoped threads", |b| {
        b.iter(|| gcds_on_threads(black_box(input), 4, gcd, Handout::Borrow))
    });
    group.bench_function("rayon par_iter", |b| {
        b.iter(|| gcds_with_rayon(black_box(input), gcd))
    });
    group.bench_function("4 worker processes", |b| {
        b.iter(|| gcds_in_processes(worker, black_box(input), 4).expect("the workers run"))
    });
    group.finish();
}

/// The lesson's own input: about 120 million candidate divisors. On two
/// cores the threads, rayon and the processes should all come near 2x.
fn the_items_workload(c: &mut Criterion) {
    let input = pairs(64, 40, 2_000_000, 5_000_000);
    four_ways(
        c,
        "parallel speed-up on the Item's workload (at best the core count)",
        &input,
    );
}

/// Forty pairs of small numbers: microseconds of work, where a process's
/// start-up is nearly the whole cost.
fn a_small_workload(c: &mut Criterion) {
    let input = pairs(64, 40, 1_000, 5_000);
    four_ways(
        c,
        "on a small workload, starting workers is the cost",
        &input,
    );
}

/// An empty thread against an empty process, started and waited for.
fn start_up(c: &mut Criterion) {
    let mut group = c.benchmark_group("a process costs more to start than a thread");
    group.bench_function("thread::spawn + join", |b| {
        b.iter(|| std::thread::spawn(|| black_box(1)).join())
    });
    group.bench_function("worker process: spawn + wait", |b| {
        b.iter(|| {
            worker()
                .stdin(std::process::Stdio::null())
                .status()
                .expect("the worker runs")
        })
    });
    group.finish();
}

fn quick() -> Criterion {
    // Short runs: the machine is shared, and the slow cases take ~200 ms each.
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = benches;
    config = quick();
    targets = the_items_workload, a_small_workload, start_up
}
criterion_main!(benches);
