//! Section 3: a channel between plain threads and a task.

use std::fmt::Debug;
use std::panic::{self, AssertUnwindSafe};

use crate::panic_message;

/// Verdict: every item sent came back exactly once, in the order sent (as
/// `expected`, the transformation the task applies).
///
/// ```
/// use async_and_threads::channel::came_back_in_order;
/// assert!(came_back_in_order(&["A", "B"], &["A", "B"]));
/// assert!(!came_back_in_order(&["A", "B"], &["B", "A"]));
/// assert!(!came_back_in_order(&["A", "B"], &["A"]));
/// ```
pub fn came_back_in_order<T: PartialEq + Debug>(expected: &[T], received: &[T]) -> bool {
    expected == received
}

/// Verdict: a blocking receive made inside async code panicked with tokio's
/// message, instead of blocking the thread that drives the tasks.
///
/// `outcome` is what `catch_unwind` returned around the call: `Err` holds
/// the panic's message.
///
/// ```
/// use async_and_threads::channel::refused_to_block_a_runtime_thread;
/// let refused: Result<Option<u8>, String> = Err(
///     "Cannot block the current thread from within a runtime. This happens ...".into(),
/// );
/// assert!(refused_to_block_a_runtime_thread(&refused));
/// assert!(!refused_to_block_a_runtime_thread(&Ok::<_, String>(Some(1u8))));
/// ```
pub fn refused_to_block_a_runtime_thread<T>(outcome: &Result<T, String>) -> bool {
    match outcome {
        Ok(_) => false,
        Err(message) => {
            message.starts_with("Cannot block the current thread from within a runtime")
        }
    }
}

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
/// panic's report on stderr (section 3 panics on purpose).
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
    let outcome = panic::catch_unwind(AssertUnwindSafe(f)).map_err(panic_message);
    panic::set_hook(report);
    outcome
}
