//! What crossing between threads and async code costs, measured. Each group
//! is named after the claim it tests; the chapter quotes the figures.
//!
//! `cargo bench -p async-and-threads` (or `cargo xtask bench async-and-threads`).

use std::hint::black_box;
use std::time::{Duration, Instant};

use async_and_threads::{SlowPollLog, WarnSlowPoll, multi_thread_runtime, one_thread_runtime};
use criterion::{Criterion, criterion_group, criterion_main};
use tokio::sync::mpsc;
use tokio::task;

/// A stand-in for a blocking call that returns at once: what is measured is
/// the trip, not the work.
fn lookup(key: u64) -> u64 {
    black_box(key) * key
}

/// From async code to a blocking function: a direct call costs nothing, a
/// trip through `spawn_blocking` costs a hand-off to a pool thread and a
/// wake-up back.
fn async_to_blocking(c: &mut Criterion) {
    let mut group = c.benchmark_group(
        "async to blocking: spawn_blocking costs a wake-up, a direct call nothing",
    );
    let one_thread = one_thread_runtime();
    group.bench_function("direct call", |b| {
        b.iter(|| one_thread.block_on(async { lookup(7) }))
    });
    group.bench_function("spawn_blocking, current_thread", |b| {
        b.iter(|| one_thread.block_on(async { task::spawn_blocking(|| lookup(7)).await }))
    });
    let multi = multi_thread_runtime();
    group.bench_function("spawn_blocking, multi_thread", |b| {
        b.iter(|| multi.block_on(async { task::spawn_blocking(|| lookup(7)).await }))
    });
    group.finish();
}

/// From a plain thread to async code: `block_on` runs the future on the
/// calling thread; `spawn` sends it to a worker and waits for the answer.
fn blocking_to_async(c: &mut Criterion) {
    let mut group =
        c.benchmark_group("plain thread to async: block_on runs here, spawn costs a wake-up");
    let runtime = multi_thread_runtime();
    let handle = runtime.handle().clone();
    group.bench_function("handle.block_on", |b| {
        b.iter(|| handle.block_on(async { lookup(7) }))
    });
    group.bench_function("handle.spawn + block_on(join)", |b| {
        b.iter(|| handle.block_on(handle.spawn(async { lookup(7) })))
    });
    group.finish();
}

/// A round trip between a plain thread and a task through two tokio
/// channels: `blocking_send` / `blocking_recv` on the thread's side.
fn thread_task_round_trip(c: &mut Criterion) {
    let mut group = c.benchmark_group("thread-task round trip: two wake-ups");
    group.bench_function("blocking_send + blocking_recv", |b| {
        b.iter_custom(|iters| {
            let runtime = multi_thread_runtime();
            let (to_task, mut task_inbox) = mpsc::channel::<u64>(1);
            let (to_thread, mut thread_inbox) = mpsc::channel::<u64>(1);
            let echo = runtime.spawn(async move {
                while let Some(n) = task_inbox.recv().await {
                    if to_thread.send(n).await.is_err() {
                        break;
                    }
                }
            });
            // The main thread is not one of the runtime's: it may block.
            let started = Instant::now();
            for n in 0..iters {
                to_task.blocking_send(n).expect("the echo task is alive");
                thread_inbox.blocking_recv().expect("the echo task answers");
            }
            let took = started.elapsed();
            drop(to_task); // ends the echo task's loop
            runtime
                .block_on(echo)
                .expect("the echo task does not panic");
            took
        })
    });
    group.finish();
}

/// `WarnSlowPoll` boxes its future, copies the task's name and reads the
/// clock twice per poll: next to a task that does real work, nothing.
fn warn_slow_poll_overhead(c: &mut Criterion) {
    let mut group = c.benchmark_group("WarnSlowPoll costs a box and two clock reads");
    let runtime = one_thread_runtime();
    let log = SlowPollLog::default();
    let threshold = Duration::from_millis(50);
    group.bench_function("bare future", |b| {
        b.iter(|| runtime.block_on(async { lookup(7) }))
    });
    group.bench_function("in WarnSlowPoll", |b| {
        b.iter(|| {
            runtime.block_on(WarnSlowPoll::new("bench", threshold, &log, async {
                lookup(7)
            }))
        })
    });
    group.finish();
}

fn quick() -> Criterion {
    // Short runs: the machine is shared, and these figures are stable enough.
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1))
}

criterion_group! {
    name = benches;
    config = quick();
    targets = async_to_blocking, blocking_to_async, thread_task_round_trip, warn_slow_poll_overhead
}
criterion_main!(benches);
