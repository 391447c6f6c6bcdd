//! Section 2: async code, run from a plain thread through a runtime `Handle`.

use std::thread::ThreadId;

/// Verdict: the future ran on the very thread that asked for it (as
/// `Handle::block_on` does), not on one of the runtime's workers (as a task
/// from `Handle::spawn` does).
///
/// ```
/// use async_and_threads::handle::ran_on_the_calling_thread;
/// let here = std::thread::current().id();
/// let there = std::thread::spawn(|| std::thread::current().id()).join().unwrap();
/// assert!(ran_on_the_calling_thread(here, here));
/// assert!(!ran_on_the_calling_thread(here, there));
/// ```
pub fn ran_on_the_calling_thread(caller: ThreadId, ran_on: ThreadId) -> bool {
    caller == ran_on
}
