//! The lesson's two claims, measured: threads overlap blocking calls, and
//! threads that compute use more than one core. Quick on purpose (ten samples,
//! about two seconds a case); run with `cargo bench -p blocking-io`.

use std::hint::black_box;
use std::time::Duration;

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
    let mut group = c.benchmark_group("factorising four numbers: in sequence vs on threads");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    group.bench_function("in sequence", |b| {
        b.iter(|| NUMBERS.map(|number| divisors(black_box(number))));
    });
    group.bench_function("one thread per number", |b| {
        b.iter(|| one_thread_each(NUMBERS.map(|number| move || divisors(black_box(number)))));
    });
    // Four threads on two cores: which two share a core is up to the
    // scheduler. Two threads with the work split evenly by hand (the first
    // and second numbers, the third and fourth: 3353838 and 3368922 trial
    // divisions) show what two cores can do.
    group.bench_function("two threads, two numbers each", |b| {
        b.iter(|| {
            let [a, b, c, d] = NUMBERS;
            one_thread_each(
                [[a, b], [c, d]].map(|pair| move || pair.map(|number| divisors(black_box(number)))),
            )
        });
    });
    group.finish();
}

criterion_group!(benches, blocking_calls, factorising);
criterion_main!(benches);
