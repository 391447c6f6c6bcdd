//! What the `threads` lesson's claims cost, measured. Each group is named
//! after the claim it tests; the chapter quotes the figures.
//!
//! `cargo bench -p threads` (or `cargo xtask bench threads`).

use std::hint::black_box;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use threads::Event;

/// Starting a thread is a system call plus a stack: cheap next to a second of
/// work, dear next to a microsecond of it.
fn spawn_and_join(c: &mut Criterion) {
    let mut group = c.benchmark_group("a thread costs microseconds to spawn and join");
    group.bench_function("thread::spawn + join", |b| {
        b.iter(|| thread::spawn(|| black_box(1)).join())
    });
    group.bench_function("thread::scope + spawn + join", |b| {
        b.iter(|| thread::scope(|s| s.spawn(|| black_box(1)).join()))
    });
    group.finish();
}

/// An `Event` (a `Mutex` and a `Condvar`) against two channels, as the way to
/// wake a waiting thread: a round trip is one wake-up there and one back.
fn wake_up_round_trip(c: &mut Criterion) {
    let mut group = c.benchmark_group("wake-up round trip: Event vs channel");
    group.bench_function("Event", |b| {
        b.iter_custom(|iters| {
            // An event is set once, so each round trip gets a fresh pair,
            // made before the clock starts.
            let pings: Vec<Event> = (0..iters).map(|_| Event::new()).collect();
            let pongs: Vec<Event> = (0..iters).map(|_| Event::new()).collect();
            thread::scope(|s| {
                s.spawn(|| {
                    for (ping, pong) in pings.iter().zip(&pongs) {
                        ping.wait();
                        pong.set();
                    }
                });
                let started = Instant::now();
                for (ping, pong) in pings.iter().zip(&pongs) {
                    ping.set();
                    pong.wait();
                }
                started.elapsed()
            })
        })
    });
    group.bench_function("std::sync::mpsc::channel", |b| {
        b.iter_custom(|iters| {
            let (ping_tx, ping_rx) = mpsc::channel();
            let (pong_tx, pong_rx) = mpsc::channel();
            thread::scope(|s| {
                s.spawn(move || {
                    for n in ping_rx {
                        let _ = pong_tx.send(n);
                    }
                });
                let started = Instant::now();
                for n in 0..iters {
                    ping_tx.send(n).expect("the echo thread is alive");
                    pong_rx.recv().expect("the echo thread answers");
                }
                let took = started.elapsed();
                drop(ping_tx); // ends the echo thread's loop
                took
            })
        })
    });
    group.bench_function("crossbeam::channel::bounded(1)", |b| {
        b.iter_custom(|iters| {
            let (ping_tx, ping_rx) = crossbeam::channel::bounded(1);
            let (pong_tx, pong_rx) = crossbeam::channel::bounded(1);
            thread::scope(|s| {
                s.spawn(move || {
                    for n in ping_rx {
                        let _ = pong_tx.send(n);
                    }
                });
                let started = Instant::now();
                for n in 0..iters {
                    ping_tx.send(n).expect("the echo thread is alive");
                    pong_rx.recv().expect("the echo thread answers");
                }
                let took = started.elapsed();
                drop(ping_tx);
                took
            })
        })
    });
    group.finish();
}

fn quick() -> Criterion {
    // Short runs: the machine is shared, and these figures are stable.
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! {
    name = benches;
    config = quick();
    targets = spawn_and_join, wake_up_round_trip
}
criterion_main!(benches);
