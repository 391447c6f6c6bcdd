//! What an actor costs. Each group is named after the claim it tests:
//!
//! - a round trip through a worker (`submit` + `result()`) against calling
//!   the function directly: the price of asking another thread;
//! - how many messages per second one actor gets through, with our hand-built
//!   mailbox and, for scale, with a thread reading std's `mpsc` channel;
//! - the same round trip through the `Worker`, the `FastWorker` (wakes only
//!   a sleeper, spins before sleeping) and a thread fed through a crossbeam
//!   `bounded(1)` channel that answers on another.
//!
//! The Python figure to compare with: a thread actor's round trip took about
//! 75 µs in CPython 3.11 on a two-core machine.

use std::hint::black_box;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use actors::{Actor, FastWorker, Tuning, Worker};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn round_trip(c: &mut Criterion) {
    let mut group = c.benchmark_group("round trip: submit + result() vs a direct call");
    group.measurement_time(Duration::from_secs(2));
    group.bench_function("direct call", |b| {
        b.iter(|| black_box(black_box(2_u64).pow(3)));
    });
    let worker = Worker::spawn("bench worker");
    group.bench_function("Worker::submit + result()", |b| {
        b.iter(|| {
            let handle = worker
                .submit(|| black_box(2_u64).pow(3))
                .expect("the worker is open for the whole bench");
            black_box(handle.result())
        });
    });
    group.finish();
    worker.join().expect("the jobs do not panic");
}

const MESSAGES: u64 = 10_000;

fn throughput(c: &mut Criterion) {
    let mut group = c.benchmark_group("throughput: 10 000 messages through one actor");
    group.throughput(Throughput::Elements(MESSAGES));
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(2));
    // Each iteration starts an actor, sends it 10 000 numbers, closes it and
    // joins it; starting a thread (tens of µs) is small next to the messages.
    group.bench_function("Actor (Mutex + Condvar mailbox)", |b| {
        b.iter(|| {
            let actor = Actor::spawn("summer", |inbox| inbox.sum::<u64>());
            for n in 0..MESSAGES {
                actor.send(n).expect("open until join");
            }
            black_box(actor.join().expect("summing does not panic"))
        });
    });
    group.bench_function("thread + std mpsc channel", |b| {
        b.iter(|| {
            let (tx, rx) = mpsc::channel::<u64>();
            let summer = thread::spawn(move || rx.iter().sum::<u64>());
            for n in 0..MESSAGES {
                tx.send(n)
                    .expect("the receiver lives until the sender is dropped");
            }
            drop(tx);
            black_box(summer.join().expect("summing does not panic"))
        });
    });
    group.finish();
}

fn fast_round_trip(c: &mut Criterion) {
    let mut group = c.benchmark_group("round trip: Worker vs FastWorker vs crossbeam bounded(1)");
    group.measurement_time(Duration::from_secs(2));
    let worker = Worker::spawn("bench worker");
    group.bench_function("Worker", |b| {
        b.iter(|| {
            let handle = worker
                .submit(|| black_box(2_u64).pow(3))
                .expect("the worker is open for the whole bench");
            black_box(handle.result())
        });
    });
    worker.join().expect("the jobs do not panic");
    for (name, tuning) in [
        ("FastWorker, Tuning::PLAIN", Tuning::PLAIN),
        ("FastWorker, Tuning::FAST", Tuning::FAST),
    ] {
        let worker = FastWorker::spawn("bench fast worker", tuning);
        group.bench_function(name, |b| {
            b.iter(|| {
                let handle = worker
                    .submit(|| black_box(2_u64).pow(3))
                    .expect("the worker is open for the whole bench");
                black_box(handle.result())
            });
        });
        worker.join().expect("the jobs do not panic");
    }
    type Job = Box<dyn FnOnce() -> u64 + Send>;
    let (jobs, inbox) = crossbeam::channel::bounded::<Job>(1);
    let (results, answers) = crossbeam::channel::bounded::<u64>(1);
    let answering = thread::spawn(move || {
        for job in inbox {
            if results.send(job()).is_err() {
                break;
            }
        }
    });
    group.bench_function("crossbeam bounded(1) pair", |b| {
        b.iter(|| {
            jobs.send(Box::new(|| black_box(2_u64).pow(3)))
                .expect("the thread reads until `jobs` is dropped");
            black_box(answers.recv().expect("the thread answers every job"))
        });
    });
    drop(jobs);
    answering.join().expect("the jobs do not panic");
    group.finish();
}

criterion_group!(benches, round_trip, throughput, fast_round_trip);
criterion_main!(benches);
