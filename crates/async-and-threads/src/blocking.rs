//! The blocking function that `blocking_code_runs_on_the_blocking_pool`
//! calls from async code, through `spawn_blocking`.

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
