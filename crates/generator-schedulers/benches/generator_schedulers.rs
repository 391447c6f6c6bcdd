//! What one switch between tasks costs, three ways, and the cookbook's actor
//! scheduler end to end.
//!
//! - a hand-written state machine stepped by `TaskScheduler`;
//! - an `async fn` polled by the lesson's `Executor`;
//! - two OS threads handing a token back and forth over channels (the cost
//!   cooperative scheduling avoids: every switch goes through the kernel).
//!
//! The actor group runs the counter and printer three ways: by name
//! (`ActorScheduler`, a `HashMap` lookup per message), by index
//! (`IndexedScheduler`, the same boxed actors in a `Vec`), and as a plain
//! loop over an enum of actors in an array, with no boxing, no stack probe
//! and no trait: the floor the schedulers are measured against.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::hint::black_box;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use generator_schedulers::actor::{ActorScheduler, Counter, Printer};
use generator_schedulers::executor::{Executor, yield_now};
use generator_schedulers::indexed::IndexedScheduler;
use generator_schedulers::task::{Step, Task, TaskScheduler};

/// Switches per measured iteration: two tasks of `SWITCHES / 2` steps each.
const SWITCHES: u64 = 10_000;

/// A task that does nothing but yield `n` times.
struct Spin(u64);

impl Task for Spin {
    fn name(&self) -> String {
        "spin".to_owned()
    }

    fn step(&mut self, _out: &mut Vec<String>) -> Step {
        if self.0 == 0 {
            return Step::Done;
        }
        self.0 -= 1;
        Step::Yielded
    }
}

fn task_switch(c: &mut Criterion) {
    let mut group = c.benchmark_group("one task switch");
    group.throughput(Throughput::Elements(SWITCHES));
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(2));

    group.bench_function("state machine", |b| {
        b.iter(|| {
            let mut scheduler = TaskScheduler::default();
            scheduler.spawn(Spin(SWITCHES / 2));
            scheduler.spawn(Spin(SWITCHES / 2));
            black_box(scheduler.run(&mut Vec::new()))
        })
    });

    group.bench_function("async executor", |b| {
        b.iter(|| {
            let mut executor = Executor::default();
            for _ in 0..2 {
                executor.spawn(async {
                    for _ in 0..SWITCHES / 2 {
                        yield_now().await;
                    }
                });
            }
            black_box(executor.run())
        })
    });

    group.bench_function("two OS threads, ping-pong over channels", |b| {
        b.iter(|| {
            let (ping_tx, ping_rx) = mpsc::channel::<u64>();
            let (pong_tx, pong_rx) = mpsc::channel::<u64>();
            let other = thread::spawn(move || {
                for n in ping_rx {
                    if pong_tx.send(n).is_err() {
                        break;
                    }
                }
            });
            // Each round trip is two switches: to the other thread and back.
            for n in 0..SWITCHES / 2 {
                ping_tx
                    .send(n)
                    .expect("the other thread runs until ping_tx is dropped");
                black_box(pong_rx.recv().expect("the other thread answers every ping"));
            }
            drop(ping_tx);
            other.join().expect("the ping-pong thread does not panic");
        })
    });
    group.finish();
}

fn actor_messages(c: &mut Criterion) {
    let mut group = c.benchmark_group("actor scheduler");
    // Counting down from 50 000 passes 100 001 messages (50 001 to the
    // counter, 50 000 to the printer): the cookbook's "100 000 messages".
    group.throughput(Throughput::Elements(100_001));
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(2));
    group.bench_function("counter and printer, 100 000 messages", |b| {
        b.iter(|| {
            let printed = RefCell::new(Vec::with_capacity(50_000));
            let mut scheduler = ActorScheduler::default();
            scheduler.new_actor("printer", Printer::new(&printed));
            scheduler.new_actor("counter", Counter::new("counter", "printer"));
            scheduler.send("counter", 50_000u64);
            black_box(scheduler.run())
        })
    });
    group.bench_function("IndexedScheduler, 100 000 messages", |b| {
        b.iter(|| {
            let printed = RefCell::new(Vec::with_capacity(50_000));
            let mut scheduler = IndexedScheduler::default();
            let printer = scheduler.new_actor(|_| Printer::new(&printed));
            let counter = scheduler.new_actor(|me| Counter::new(me, printer));
            scheduler.send(counter, 50_000u64);
            black_box(scheduler.run())
        })
    });
    group.bench_function(
        "an index-addressed loop over an enum, 100 000 messages",
        |b| b.iter(|| black_box(vec_indexed_actors(50_000))),
    );
    group.finish();
}

/// The counter and the printer as an enum in an array, addressed by index,
/// delivered by one `match`: what a scheduler costs with nothing general
/// about it. Returns the messages delivered and the lines printed.
fn vec_indexed_actors(start: u64) -> (u64, Vec<String>) {
    #[derive(Clone, Copy)]
    enum Kind {
        Printer,
        Counter { printer: usize, me: usize },
    }
    let mut actors = [
        Some(Kind::Printer),
        Some(Kind::Counter { printer: 0, me: 1 }),
    ];
    let mut printed = Vec::with_capacity(start as usize);
    let mut queue = VecDeque::from([(1, start)]);
    let mut delivered = 0;
    while let Some((to, n)) = queue.pop_front() {
        let Some(actor) = actors[to] else {
            continue;
        };
        delivered += 1;
        match actor {
            Kind::Printer => printed.push(format!("Got: {n}")),
            Kind::Counter { .. } if n == 0 => actors[to] = None,
            Kind::Counter { printer, me } => {
                queue.push_back((printer, n));
                queue.push_back((me, n - 1));
            }
        }
    }
    (delivered, printed)
}

criterion_group!(benches, task_switch, actor_messages);
criterion_main!(benches);
