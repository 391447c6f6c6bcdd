// Effective Python's counter, line for line: five threads share one `Counter`
// and each runs `count += offset` 100 000 times, with no lock.
// This file does not compile, and that is the lesson: see `borrowed.stderr`
// (checked by `tests/wont_compile.rs`).
use std::thread;

struct Counter {
    count: u64,
}

impl Counter {
    fn increment(&mut self, offset: u64) {
        self.count += offset;
    }
}

fn worker(how_many: u64, counter: &mut Counter) {
    for _ in 0..how_many {
        counter.increment(1);
    }
}

fn main() {
    let how_many = 100_000;
    let mut counter = Counter { count: 0 };
    thread::scope(|scope| {
        for _ in 0..5 {
            scope.spawn(|| worker(how_many, &mut counter));
        }
    });
    println!("expected {}, found {}", how_many * 5, counter.count);
}
