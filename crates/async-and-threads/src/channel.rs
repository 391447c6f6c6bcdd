//! Helpers for `a_channel_joins_threads_and_a_task`, whose last part makes a
//! blocking call inside async code on purpose: catching tokio's panic
//! quietly, and cutting its long message down to the first sentence.

use std::panic::{self, AssertUnwindSafe};

/// The first sentence of a message: tokio's panic explains itself at length.
///
/// ```
/// assert_eq!(async_and_threads::channel::first_sentence("One. Two."), "One.");
/// assert_eq!(async_and_threads::channel::first_sentence("No stop"), "No stop");
/// ```
pub fn first_sentence(message: &str) -> &str {
    match message.find(". ") {
        Some(end) => &message[..=end],
        None => message,
    }
}

/// Runs `f`, and turns a panic into `Err` with its message, without the
/// panic's report on stderr (`a_channel_joins_threads_and_a_task` panics
/// on purpose).
///
/// The panic hook is the whole process's: while `f` runs, a panic on any
/// other thread would go unreported too. The lesson calls this with no
/// other thread of its own running.
///
/// ```
/// use async_and_threads::channel::catch_panic_quietly;
/// assert_eq!(catch_panic_quietly(|| 6 * 7), Ok(42));
/// assert_eq!(catch_panic_quietly(|| -> u8 { panic!("no") }), Err("no".to_owned()));
/// ```
pub fn catch_panic_quietly<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    let report = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    let outcome = panic::catch_unwind(AssertUnwindSafe(f))
        .map_err(|payload| kit::panic_message(&*payload).to_owned());
    panic::set_hook(report);
    outcome
}
