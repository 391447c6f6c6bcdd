//! What a child process costs: starting and reaping the smallest program
//! there is (`true`), beside starting and joining a thread (lesson
//! `threads`). The chapter quotes the figures.

use std::hint::black_box;
use std::process::Command;
use std::thread;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

fn a_process_costs_more_than_a_thread(c: &mut Criterion) {
    let mut group = c.benchmark_group("a process costs more than a thread");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    group.bench_function("spawn and reap a child (`true`)", |b| {
        b.iter(|| {
            let mut child = Command::new("true").spawn().expect("`true` runs");
            child.wait().expect("wait works")
        });
    });
    group.bench_function("spawn and join a thread", |b| {
        b.iter(|| {
            thread::spawn(|| black_box(1))
                .join()
                .expect("the thread does not panic")
        });
    });
    group.finish();
}

criterion_group!(benches, a_process_costs_more_than_a_thread);
criterion_main!(benches);
