//! The cost of the alternative: reading per-thread state from a
//! `thread_local!` against looking it up in a `Mutex<HashMap<ThreadId, _>>`,
//! the table you would build without thread-local storage — alone, and with
//! a second thread doing the same at the same time.

use std::cell::Cell;
use std::collections::HashMap;
use std::hint::black_box;
use std::sync::Mutex;
use std::thread::{self, ThreadId};
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const READS: u64 = 10_000;

thread_local! {
    static VALUE: Cell<u64> = const { Cell::new(7) };
}

fn read_thread_local() -> u64 {
    // `black_box` stops the compiler from reading once and multiplying.
    (0..READS).map(|_| black_box(&VALUE).get()).sum()
}

fn read_shared_map(map: &Mutex<HashMap<ThreadId, u64>>) -> u64 {
    let me = thread::current().id();
    (0..READS)
        .map(|_| {
            let map = black_box(map)
                .lock()
                .expect("nothing panics while holding the map");
            map.get(&me).copied().unwrap_or_default()
        })
        .sum()
}

fn per_thread_state(c: &mut Criterion) {
    let mut group = c.benchmark_group("read per-thread state");
    group.throughput(Throughput::Elements(READS));
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(2));

    group.bench_function("thread_local!", |b| {
        b.iter(|| black_box(read_thread_local()))
    });

    let map = Mutex::new(HashMap::from([(thread::current().id(), 7)]));
    group.bench_function("Mutex<HashMap<ThreadId, _>>", |b| {
        b.iter(|| black_box(read_shared_map(&map)))
    });

    // Two threads reading at once: the thread-locals share nothing; the map
    // is one lock both threads must take for every read.
    group.bench_function("thread_local!, two threads", |b| {
        b.iter(|| {
            thread::scope(|s| {
                let other = s.spawn(read_thread_local);
                black_box(read_thread_local());
                black_box(other.join().expect("the reader does not panic"));
            })
        })
    });
    group.bench_function("Mutex<HashMap<ThreadId, _>>, two threads", |b| {
        b.iter(|| {
            thread::scope(|s| {
                let other = s.spawn(|| {
                    let me = thread::current().id();
                    map.lock().expect("no panics").insert(me, 7);
                    let sum = read_shared_map(&map);
                    // Every iteration's thread has a new id: take it out
                    // again, or the map grows for as long as the bench runs.
                    map.lock().expect("no panics").remove(&me);
                    sum
                });
                black_box(read_shared_map(&map));
                black_box(other.join().expect("the reader does not panic"));
            })
        })
    });
    group.finish();
}

criterion_group!(benches, per_thread_state);
criterion_main!(benches);
