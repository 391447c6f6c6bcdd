//! What the `async-tasks` lesson's claims cost, measured. Each group is named
//! after the claim it tests; the chapter quotes the figures.
//!
//! `cargo bench -p async-tasks` (or `cargo xtask bench async-tasks`).

use std::cell::Cell;
use std::hint::black_box;
use std::thread;
use std::time::{Duration, Instant};

use async_tasks::anatomy::{add_slowly, poll_by_hand};
use async_tasks::guess::{Guesser, play_with_threads};
use async_tasks::life::{glider, simulate, simulate_in_turn};
use async_tasks::one_thread_runtime;
use async_tasks::ported::play_with_tasks;
use criterion::{Criterion, criterion_group, criterion_main};

/// `a_coroutine_is_cheap`: starting (and finishing) an empty task against
/// an empty thread.
fn task_vs_thread_start(c: &mut Criterion) {
    let mut group = c.benchmark_group("a task costs less than a tenth of a thread to start");
    let runtime = one_thread_runtime().expect("a runtime can be built");
    group.bench_function("tokio::spawn + await, one-thread runtime", |b| {
        b.iter_custom(|iters| {
            runtime.block_on(async {
                let started = Instant::now();
                for _ in 0..iters {
                    tokio::spawn(async { black_box(1) })
                        .await
                        .expect("an empty task does not panic");
                }
                started.elapsed()
            })
        })
    });
    group.bench_function("thread::Builder::spawn (64 KiB stack) + join", |b| {
        b.iter(|| {
            thread::Builder::new()
                .stack_size(64 * 1024)
                .spawn(|| black_box(1))
                .expect("the OS can start a thread")
                .join()
        })
    });
    group.finish();
}

/// `the_game_of_life_a_task_per_cell`: one generation of the 5 × 9
/// glider, a task per cell, against the cells awaited in turn; with no I/O
/// (the fan-out's own cost) and with 1 ms of I/O per cell (what the fan-out
/// is for).
fn life_generation(c: &mut Criterion) {
    let mut group = c.benchmark_group("tasks overlap their waits: one Life generation");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(2));
    let runtime = one_thread_runtime().expect("a runtime can be built");
    for (name, io) in [
        ("no I/O", Duration::ZERO),
        ("1 ms I/O per cell", Duration::from_millis(1)),
    ] {
        group.bench_function(format!("a task per cell, {name}"), |b| {
            b.iter(|| runtime.block_on(simulate(glider(), io)))
        });
        group.bench_function(format!("cells in turn, {name}"), |b| {
            b.iter(|| runtime.block_on(simulate_in_turn(glider(), io)))
        });
    }
    group.finish();
}

/// `porting_threaded_io_to_async`: a whole game of three clients, threads
/// against tasks on one thread (a fresh listener, and a fresh runtime for
/// the port, each time).
fn guessing_game(c: &mut Criterion) {
    let mut group = c.benchmark_group("the port: a three-client game, threads vs tasks");
    group.sample_size(10);
    let secrets = [25, 42, 93];
    group.bench_function("a thread per connection and per client", |b| {
        b.iter(|| play_with_threads(&secrets, Guesser::default).expect("the game runs"))
    });
    group.bench_function("tasks on a one-thread tokio runtime", |b| {
        b.iter(|| play_with_tasks(&secrets, Guesser::default).expect("the game runs"))
    });
    group.finish();
}

/// `what_an_async_fn_compiles_to`: an `async fn` with two `.await`s,
/// created and polled to the end by hand.
fn poll_by_hand_cost(c: &mut Criterion) {
    let mut group = c.benchmark_group("an async fn is a state machine: three polls by hand");
    group.bench_function("add_slowly, polled to Ready", |b| {
        b.iter(|| {
            let started = Cell::new(false);
            poll_by_hand(add_slowly(black_box(2), black_box(3), &started), 10)
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    task_vs_thread_start,
    life_generation,
    guessing_game,
    poll_by_hand_cost
);
criterion_main!(benches);
