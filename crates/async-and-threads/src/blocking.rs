//! Section 1: a blocking call, made from async code.

use std::thread::{self, ThreadId};
use std::time::Duration;

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

/// Verdict: the code ran on a different thread from the one that asked for it.
///
/// ```
/// use async_and_threads::blocking::ran_on_another_thread;
/// let here = std::thread::current().id();
/// let there = std::thread::spawn(|| std::thread::current().id()).join().unwrap();
/// assert!(ran_on_another_thread(here, there));
/// assert!(!ran_on_another_thread(here, here));
/// ```
pub fn ran_on_another_thread(asked_from: ThreadId, ran_on: ThreadId) -> bool {
    asked_from != ran_on
}

/// Verdict: `calls` blocking calls of `one_call` each overlapped, since
/// together they took less than they would one after another.
///
/// The bound is generous on purpose: overlapped calls take about one call's
/// time, calls in a row at least the sum.
///
/// ```
/// use std::time::Duration;
/// use async_and_threads::blocking::overlapped;
/// let call = Duration::from_millis(30);
/// assert!(overlapped(Duration::from_millis(35), call, 3));
/// assert!(!overlapped(Duration::from_millis(91), call, 3));
/// ```
pub fn overlapped(took: Duration, one_call: Duration, calls: u32) -> bool {
    took < one_call * calls
}
