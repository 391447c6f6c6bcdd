// The next thing a Python programmer tries: put the counter in an `Arc` so
// every thread owns a handle to it, and increment through the handle.
// This file does not compile either: see `shared.stderr`.
use std::sync::Arc;
use std::thread;

struct Counter {
    count: u64,
}

impl Counter {
    fn increment(&mut self, offset: u64) {
        self.count += offset;
    }
}

fn main() {
    let how_many = 100_000;
    let counter = Arc::new(Counter { count: 0 });
    let mut threads = Vec::new();
    for _ in 0..5 {
        let counter = Arc::clone(&counter);
        threads.push(thread::spawn(move || {
            for _ in 0..how_many {
                counter.increment(1);
            }
        }));
    }
    for thread in threads {
        thread.join().expect("a worker panicked");
    }
    println!("expected {}, found {}", how_many * 5, counter.count);
}
