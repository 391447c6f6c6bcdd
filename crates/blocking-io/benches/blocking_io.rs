//! The lesson's claims, measured: threads overlap blocking calls, threads
//! that compute use more than one core, and they use all of it only when
//! their shares of the work are equal. Quick on purpose (ten samples,
//! about two seconds a case); run with `cargo bench -p blocking-io`.

use std::hint::black_box;
use std::num::NonZeroUsize;
use std::thread;
use std::time::Duration;

use blocking_io::shares::{divisors_in_shares, equal_shares};
use blocking_io::{NUMBERS, divisors, one_thread_each, slow_system_call};
use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};

/// Shorter than the lesson's 100 ms, so that the bench stays quick.
const TIMEOUT: Duration = Duration::from_millis(10);

fn blocking_calls(c: &mut Criterion) {
    let mut group = c.benchmark_group("five blocking calls of 10 ms: in sequence vs five threads");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(200))
        .measurement_time(Duration::from_secs(2));
    group.bench_function("in sequence", |b| {
        b.iter(|| {
            for _ in 0..5 {
                slow_system_call(black_box(TIMEOUT)).expect("a socket pair can be opened");
            }
        });
    });
    group.bench_function("five threads", |b| {
        b.iter(|| {
            let calls = one_thread_each((0..5).map(|_| || slow_system_call(black_box(TIMEOUT))));
            for call in calls {
                call.expect("a socket pair can be opened");
            }
        });
    });
    group.finish();
}

fn factorising(c: &mut Criterion) {
    let mut group =
        c.benchmark_group("factorising: in sequence vs one thread per number vs equal shares");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    group.bench_function("in sequence", |b| {
        b.iter(|| NUMBERS.map(|number| divisors(black_box(number))));
    });
    // Four threads on two cores, of unequal work: which two share a core,
    // and when each finishes, is up to the scheduler.
    group.bench_function("one thread per number", |b| {
        b.iter(|| one_thread_each(NUMBERS.map(|number| move || divisors(black_box(number)))));
    });
    // As many threads as cores, each with the same number of trial
    // divisions (the chapter's equal shares): on two cores, 3361380 each.
    let cores = thread::available_parallelism().unwrap_or(NonZeroUsize::MIN);
    group.bench_function("equal shares", |b| {
        b.iter(|| divisors_in_shares(&NUMBERS, equal_shares(black_box(&NUMBERS), cores)));
    });
    group.finish();
}

criterion_group!(benches, blocking_calls, factorising);
criterion_main!(benches);
