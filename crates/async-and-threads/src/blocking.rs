//! The blocking function that `blocking_code_runs_on_the_blocking_pool`
//! calls from async code, through `spawn_blocking`.

use std::ops::Range;
use std::thread::{self, ThreadId};
use std::time::{Duration, Instant};

// ANCHOR: blocking_lookup
/// A blocking function: it holds its thread for `pause` (as a file read or a
/// database driver would), then answers `key * key` and says which thread it
/// ran on.
///
/// ```
/// use std::time::Duration;
/// let (value, ran_on) = async_and_threads::blocking::blocking_lookup(7, Duration::ZERO);
/// assert_eq!(value, 49);
/// assert_eq!(ran_on, std::thread::current().id());
/// ```
pub fn blocking_lookup(key: u64, pause: Duration) -> (u64, ThreadId) {
    thread::sleep(pause);
    (key * key, thread::current().id())
}
// ANCHOR_END: blocking_lookup

/// Runs `call` and says when it started and ended, so that a verdict can
/// tell calls that ran side by side from calls that ran in a row.
///
/// ```
/// let (value, ran) = async_and_threads::blocking::timed(|| 6 * 7);
/// assert_eq!(value, 42);
/// assert!(ran.start <= ran.end);
/// ```
pub fn timed<T>(call: impl FnOnce() -> T) -> (T, Range<Instant>) {
    let start = Instant::now();
    let value = call();
    (value, start..Instant::now())
}
