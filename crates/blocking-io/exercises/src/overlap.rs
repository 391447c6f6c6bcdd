//! # Exercise `blocking-io-overlap`: blocking calls that wait together
//!
//! Read first, in book/src/blocking-io.md (`cargo xtask learn` prints the
//! link to the section): "Five threads wait together while the main thread
//! computes".
//!
//! Write [`overlap`]: make `calls` calls of `call` (for instance
//! [`slow_system_call`](crate::slow_system_call), which sleeps in the kernel
//! for its whole timeout), each on a thread of its own, *all in progress at
//! the same time*, and return how long each call took, in call order (or its
//! error).
//!
//! Five calls of 300 ms in a row take 1.5 s; on five threads they should
//! take about 300 ms together, while each one still waits its full 300 ms.
//! The trap: starting a thread and joining it before starting the next runs
//! them one after another, however many threads you made. (So does a lazy
//! iterator that spawns and joins in one chain: `map(spawn).map(join)` spawns
//! the second thread only after the first is joined.)
//!
//! Check it: `cargo xtask learn check blocking-io-overlap`.

use std::io;
use std::thread;
use std::time::{Duration, Instant};

/// Makes `calls` calls of `call`, each on a thread of its own, all in
/// progress at once; returns, in call order, how long each one took (or its
/// error).
pub fn overlap<F>(calls: usize, call: F) -> Vec<io::Result<Duration>>
where
    F: Fn() -> io::Result<()> + Sync,
{
    // TODO: `thread::scope` lets the threads borrow `call`.
    // TODO: spawn every thread first (each times its own call), and only
    // then join them, in order.
    todo!("overlap")
}
