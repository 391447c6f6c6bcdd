//! The lesson's two claims about cost, measured:
//!
//! - **throughput**: how many items a second pass from producers to
//!   consumers through the hand-built `Mutex` + `Condvar` queues, std's
//!   `mpsc` channels and crossbeam's channels, bounded and unbounded, with
//!   one producer and one consumer, and with four of each;
//! - **idle waiting**: how much CPU time a consumer burns while it waits
//!   1 ms for an item: polling (with and without a nap) against blocking;
//! - **the pipeline**: Item 55's three stages, one worker each, 100 000
//!   photos, on step 4's `ClosableQueue`, on step 5's `FastQueue` (which
//!   notifies only a sleeper and spins before it sleeps) and on crossbeam's
//!   channels.

use std::hint::black_box;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main};
use nix::time::{ClockId, clock_gettime};
use queues::pipeline::{
    Photo, Roster, StageQueue, download, resize, start_workers, stop_stage, upload,
};
use queues::{BlockingQueue, BoundedQueue, ClosableQueue, FastQueue, PollingQueue};

/// Items per measured iteration, split evenly between the producers.
const ITEMS: usize = 20_000;
/// The capacity of every bounded queue and channel.
const CAPACITY: usize = 64;
/// How long the idle consumer waits for its item.
const IDLE: Duration = Duration::from_millis(1);

/// Runs `producers` threads that each call `put` `ITEMS / producers` times
/// and `consumers` threads that each call `get` `ITEMS / consumers` times.
fn run<P, G>(producers: usize, consumers: usize, put: P, get: G)
where
    P: Fn(usize) + Sync,
    G: Fn() -> usize + Sync,
{
    thread::scope(|s| {
        for _ in 0..consumers {
            s.spawn(|| {
                for _ in 0..ITEMS / consumers {
                    black_box(get());
                }
            });
        }
        for p in 0..producers {
            let put = &put;
            s.spawn(move || {
                for i in 0..ITEMS / producers {
                    put(p * ITEMS + i);
                }
            });
        }
    });
}

fn quick(group: &mut BenchmarkGroup<'_, WallTime>) {
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
}

fn throughput(c: &mut Criterion) {
    for (producers, consumers, who) in [
        (1, 1, "1 producer, 1 consumer"),
        (4, 4, "4 producers, 4 consumers"),
    ] {
        let mut group = c.benchmark_group(format!(
            "throughput ({who}): hand-built Condvar queues vs std and crossbeam channels"
        ));
        quick(&mut group);
        group.throughput(Throughput::Elements(ITEMS as u64));

        group.bench_function("BlockingQueue (unbounded)", |b| {
            b.iter(|| {
                let queue = BlockingQueue::new();
                run(producers, consumers, |i| queue.put(i), || queue.get());
            })
        });
        group.bench_function(format!("BoundedQueue({CAPACITY})"), |b| {
            b.iter(|| {
                let queue = BoundedQueue::new(CAPACITY).expect("64 is a valid capacity");
                run(producers, consumers, |i| queue.put(i), || queue.get());
            })
        });
        group.bench_function("crossbeam unbounded", |b| {
            b.iter(|| {
                let (tx, rx) = crossbeam::channel::unbounded();
                let put = |i| tx.send(i).expect("the receiver is alive");
                run(producers, consumers, put, || {
                    rx.recv().expect("a sender is alive")
                });
            })
        });
        group.bench_function(format!("crossbeam bounded({CAPACITY})"), |b| {
            b.iter(|| {
                let (tx, rx) = crossbeam::channel::bounded(CAPACITY);
                let put = |i| tx.send(i).expect("the receiver is alive");
                run(producers, consumers, put, || {
                    rx.recv().expect("a sender is alive")
                });
            })
        });
        // std's channels have a single receiver (`Receiver` is not `Sync`),
        // so they take part with one consumer only.
        if consumers == 1 {
            group.bench_function("std mpsc channel (unbounded)", |b| {
                b.iter(|| {
                    let (tx, rx) = mpsc::channel();
                    std_mpsc(producers, &tx, rx);
                })
            });
            group.bench_function(format!("std mpsc sync_channel({CAPACITY})"), |b| {
                b.iter(|| {
                    let (tx, rx) = mpsc::sync_channel(CAPACITY);
                    std_mpsc(producers, &tx, rx);
                })
            });
        }
        group.finish();
    }
}

/// The one-consumer run for std's channels: senders are cloned per producer.
fn std_mpsc<S: Clone + Send + SendItem>(producers: usize, tx: &S, rx: mpsc::Receiver<usize>) {
    thread::scope(|s| {
        s.spawn(move || {
            for _ in 0..ITEMS {
                black_box(rx.recv().expect("a sender is alive"));
            }
        });
        for p in 0..producers {
            let tx = tx.clone();
            s.spawn(move || {
                for i in 0..ITEMS / producers {
                    tx.send_item(p * ITEMS + i);
                }
            });
        }
    });
}

/// `send` on either of std's two sender types.
trait SendItem {
    fn send_item(&self, item: usize);
}

impl SendItem for mpsc::Sender<usize> {
    fn send_item(&self, item: usize) {
        self.send(item).expect("the receiver is alive");
    }
}

impl SendItem for mpsc::SyncSender<usize> {
    fn send_item(&self, item: usize) {
        self.send(item).expect("the receiver is alive");
    }
}

/// The CPU time the calling thread has used so far.
fn thread_cpu_time() -> Duration {
    let now = clock_gettime(ClockId::CLOCK_THREAD_CPUTIME_ID)
        .expect("Linux and macOS have a thread CPU clock");
    Duration::from(now)
}

/// Each iteration: a consumer waits for one item that the producer puts
/// `IDLE` later. What is measured is the CPU time the consumer used meanwhile
/// (criterion still schedules iterations by wall-clock time, so a case that
/// burns little CPU does not run longer).
fn idle_waiting(c: &mut Criterion) {
    let mut group = c.benchmark_group(
        "idle waiting: CPU time a consumer burns waiting 1 ms, polling vs blocking",
    );
    quick(&mut group);

    fn cpu_while_waiting<Q: Sync>(iters: u64, queue: &Q, put: fn(&Q), wait: fn(&Q)) -> Duration {
        (0..iters)
            .map(|_| {
                thread::scope(|s| {
                    let consumer = s.spawn(|| {
                        let started = thread_cpu_time();
                        wait(queue);
                        thread_cpu_time() - started
                    });
                    thread::sleep(IDLE);
                    put(queue);
                    consumer.join().expect("the consumer does not panic")
                })
            })
            .sum()
    }

    group.bench_function("polling, no nap (spin)", |b| {
        let queue = PollingQueue::new();
        b.iter_custom(|iters| {
            cpu_while_waiting(
                iters,
                &queue,
                |q| q.put(1),
                |q| {
                    while q.try_get().is_none() {
                        std::hint::spin_loop();
                    }
                },
            )
        })
    });
    group.bench_function("polling, 100 µs nap", |b| {
        let queue = PollingQueue::new();
        b.iter_custom(|iters| {
            cpu_while_waiting(
                iters,
                &queue,
                |q| q.put(1),
                |q| {
                    while q.try_get().is_none() {
                        thread::sleep(Duration::from_micros(100));
                    }
                },
            )
        })
    });
    group.bench_function("blocking get (Condvar)", |b| {
        let queue = BlockingQueue::new();
        b.iter_custom(|iters| {
            cpu_while_waiting(
                iters,
                &queue,
                |q| q.put(1),
                |q| {
                    black_box(q.get());
                },
            )
        })
    });
    group.finish();
}

/// Photos through the pipeline per iteration (as in `cargo xtask compare`).
const PHOTOS: u32 = 100_000;

/// The pipeline on hand-built queues: one worker per stage, the stages
/// stopped in order; returns the photos that came out.
fn hand_built_pipeline<Q: StageQueue<u32>, R: StageQueue<Photo>>(
    new_ids: fn() -> Q,
    new_photos: fn() -> R,
) -> usize
where
    for<'a> &'a Q: IntoIterator<Item = u32>,
    for<'a> &'a R: IntoIterator<Item = Photo>,
{
    let (downloads, resizes, uploads, done) = (new_ids(), new_photos(), new_photos(), new_photos());
    let roster = Roster::new();
    thread::scope(|s| {
        let d = start_workers(s, 1, download, &downloads, &resizes, &roster);
        let r = start_workers(s, 1, resize, &resizes, &uploads, &roster);
        let u = start_workers(s, 1, upload, &uploads, &done, &roster);
        for id in 0..PHOTOS {
            downloads.put(id).expect("the first stage is open");
        }
        stop_stage(&downloads, d).expect("stopped in order");
        stop_stage(&resizes, r).expect("stopped in order");
        stop_stage(&uploads, u).expect("stopped in order");
    });
    done.close();
    (&done).into_iter().count()
}

fn pipeline(c: &mut Criterion) {
    let mut group = c.benchmark_group(
        "pipeline (100 000 photos, 1 worker per stage): ClosableQueue vs FastQueue vs crossbeam",
    );
    quick(&mut group);
    group.throughput(Throughput::Elements(u64::from(PHOTOS)));
    group.bench_function("ClosableQueue (step 4: notify every put and get)", |b| {
        b.iter(|| {
            let photos = hand_built_pipeline(ClosableQueue::unbounded, ClosableQueue::unbounded);
            assert_eq!(photos, PHOTOS as usize);
        })
    });
    group.bench_function(
        "FastQueue (step 5: notify a sleeper only, spin first)",
        |b| {
            b.iter(|| {
                let photos = hand_built_pipeline(FastQueue::unbounded, FastQueue::unbounded);
                assert_eq!(photos, PHOTOS as usize);
            })
        },
    );
    group.bench_function("crossbeam unbounded channels", |b| {
        b.iter(|| {
            let photos = crossbeam_pipeline();
            assert_eq!(photos, PHOTOS as usize);
        })
    });
    group.finish();
}

/// The same pipeline on crossbeam's channels, closed by dropping senders.
fn crossbeam_pipeline() -> usize {
    use crossbeam::channel::{Receiver, Sender, unbounded};
    fn stage<T, U>(input: Receiver<T>, output: Sender<U>, work: fn(T) -> U) {
        for item in input {
            output.send(work(item)).expect("the next stage is running");
        }
    }
    let (download_tx, download_rx) = unbounded();
    let (resize_tx, resize_rx) = unbounded();
    let (upload_tx, upload_rx) = unbounded();
    let (done_tx, done_rx) = unbounded();
    thread::scope(|s| {
        s.spawn(move || stage(download_rx, resize_tx, download));
        s.spawn(move || stage(resize_rx, upload_tx, resize));
        s.spawn(move || stage(upload_rx, done_tx, upload));
        for id in 0..PHOTOS {
            download_tx.send(id).expect("the first stage is running");
        }
        drop(download_tx);
        done_rx.iter().count()
    })
}

criterion_group!(benches, throughput, idle_waiting, pipeline);
criterion_main!(benches);
