//! Waiting on several queues: the pollable queue through `poll()` against
//! crossbeam channels through `select!`.
//!
//! - wake-up latency: a round trip between two threads, each blocked
//!   waiting on two queues, one of which the other thread feeds;
//! - throughput: 10 000 items from two producers to one consumer that waits
//!   on both queues.

use std::hint::black_box;
use std::os::fd::AsFd;
use std::thread;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use crossbeam::channel;
use crossbeam::select;
use pollable_queues::{PollableQueue, ready};

const ROUND_TRIPS: u64 = 1_000;
const ITEMS: u64 = 10_000;

/// Waits on both queues, takes one item from whichever is ready.
fn get_either(a: &PollableQueue<u64>, b: &PollableQueue<u64>) -> u64 {
    loop {
        let ready = ready(&[a.as_fd(), b.as_fd()], None).expect("poll on live descriptors");
        for index in ready {
            let queue = if index == 0 { a } else { b };
            if let Some(item) = queue.try_get() {
                return item;
            }
        }
    }
}

fn wake_up_latency(c: &mut Criterion) {
    let mut group = c.benchmark_group("wake-up: round trip between two waiting threads");
    group.throughput(Throughput::Elements(ROUND_TRIPS));
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(3));

    group.bench_function("pollable queue + poll()", |bench| {
        let new = || PollableQueue::new().expect("a socket pair can be made");
        let (ping, pong, idle_a, idle_b) = (new(), new(), new(), new());
        bench.iter(|| {
            thread::scope(|s| {
                s.spawn(|| {
                    for _ in 0..ROUND_TRIPS {
                        let n = get_either(&ping, &idle_a);
                        pong.put(n);
                    }
                });
                for n in 0..ROUND_TRIPS {
                    ping.put(n);
                    black_box(get_either(&pong, &idle_b));
                }
            })
        })
    });

    group.bench_function("crossbeam channels + select!", |bench| {
        bench.iter(|| {
            let (ping_tx, ping_rx) = channel::unbounded::<u64>();
            let (pong_tx, pong_rx) = channel::unbounded::<u64>();
            let (_idle_a_tx, idle_a) = channel::unbounded::<u64>();
            let (_idle_b_tx, idle_b) = channel::unbounded::<u64>();
            thread::scope(|s| {
                s.spawn(|| {
                    for _ in 0..ROUND_TRIPS {
                        let n = select! {
                            recv(ping_rx) -> n => n.expect("the main thread keeps ping open"),
                            recv(idle_a) -> n => n.expect("idle_a is never sent to"),
                        };
                        pong_tx.send(n).expect("the main thread keeps pong open");
                    }
                });
                for n in 0..ROUND_TRIPS {
                    ping_tx.send(n).expect("the other thread keeps ping open");
                    black_box(select! {
                        recv(pong_rx) -> n => n.expect("the other thread keeps pong open"),
                        recv(idle_b) -> n => n.expect("idle_b is never sent to"),
                    });
                }
            })
        })
    });
    group.finish();
}

fn throughput(c: &mut Criterion) {
    let mut group = c.benchmark_group("throughput: two producers, one consumer waiting on both");
    group.throughput(Throughput::Elements(ITEMS));
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(3));

    group.bench_function("pollable queue + poll()", |bench| {
        let new = || PollableQueue::new().expect("a socket pair can be made");
        let (a, b) = (new(), new());
        bench.iter(|| {
            thread::scope(|s| {
                s.spawn(|| (0..ITEMS / 2).for_each(|n| a.put(n)));
                s.spawn(|| (0..ITEMS / 2).for_each(|n| b.put(n)));
                for _ in 0..ITEMS {
                    black_box(get_either(&a, &b));
                }
            })
        })
    });

    group.bench_function("crossbeam channels + select!", |bench| {
        bench.iter(|| {
            let (a_tx, a_rx) = channel::unbounded::<u64>();
            let (b_tx, b_rx) = channel::unbounded::<u64>();
            thread::scope(|s| {
                s.spawn(|| (0..ITEMS / 2).for_each(|n| a_tx.send(n).expect("receiver alive")));
                s.spawn(|| (0..ITEMS / 2).for_each(|n| b_tx.send(n).expect("receiver alive")));
                for _ in 0..ITEMS {
                    black_box(
                        select! {
                            recv(a_rx) -> n => n,
                            recv(b_rx) -> n => n,
                        }
                        .expect("items are counted, so no channel closes before the last one"),
                    );
                }
            })
        })
    });
    group.finish();
}

criterion_group!(benches, wake_up_latency, throughput);
criterion_main!(benches);
