//! The Rust side of this lesson's `cargo xtask compare` experiment: what it
//! measures, its sizes and its table rows are in `lesson.toml`
//! (`[[experiment]]`), the Python side in `python/compare_counter.py`, the
//! protocol in `harness::compare`.
//!
//! ```text
//! cargo run --release -p locks --example locks-compare -- counter --runs 5 --size 100000
//! ```

use std::process::ExitCode;

use harness::compare::{self, Result, Run, check};
use locks::{AtomicCounter, Counter, ParkingLotCounter, StdMutexCounter, count_in_threads};

fn main() -> ExitCode {
    compare::main(env!("CARGO_PKG_NAME"), &[("counter", counter)])
}

/// How many threads share the counter (Effective Python Item 54's five).
const THREADS: usize = 5;

/// `THREADS` threads each add 1 `size` times to one counter (Item 54's
/// `LockingCounter`): under the lesson's `std::sync::Mutex` counter, and
/// under the two best tools, an `AtomicU64` and `parking_lot::Mutex` (both
/// as the lesson builds them).
fn counter(run: &mut Run) -> Result {
    let size = run.size;
    run.fact("threads", THREADS);
    run.timed("mutex", || count(&StdMutexCounter::new(), size))?;
    run.timed("atomic", || count(&AtomicCounter::new(), size))?;
    run.timed("parking_lot", || count(&ParkingLotCounter::new(), size))
}

fn count(counter: &impl Counter, size: u64) -> Result {
    let total = count_in_threads(counter, THREADS, size);
    let expected = THREADS as u64 * size;
    check(total == expected, || {
        format!("counted {total}, expected {expected}")
    })
}
