//! The primitives of the `threads` lesson, each built by hand from a
//! `Mutex`, a `Condvar` or an atomic, as Python's `threading` module builds
//! them from a lock:
//!
//! - [`Event`]: a flag one thread sets and others wait for (`threading.Event`);
//! - [`Semaphore`] and its RAII [`Permit`] (`threading.Semaphore`, which std
//!   does not have);
//! - [`Ticks`] and [`PeriodicTimer`]: a thread that ticks, and threads that
//!   wait for every tick (the Cookbook's `PeriodicTimer`);
//! - [`Countdown`]: a task that stops when asked (the Cookbook's
//!   `CountdownTask`);
//! - [`verdict`]: every `yes`/`no` the lesson prints, computed from its
//!   evidence;
//! - [`child`]: the arguments that make the lesson's binary its own child
//!   process (section 5, and the control test's child).
//!
//! Each imports its synchronisation types from a private `sync` module, which
//! swaps in [loom](https://docs.rs/loom)'s under `--cfg loom`: `tests/loom.rs`
//! runs them through every interleaving loom can find.
//!
//! # Why `thread::spawn` cannot borrow
//!
//! A thread started with `std::thread::spawn` may run for longer than the
//! function that started it, so it may not borrow that function's locals.
//! `tests/wont_compile/spawn_cannot_borrow.rs` is such a program, and
//! `tests/wont_compile.rs` checks, with `trybuild`, that rustc still refuses
//! it with `error[E0373]` (the full message is in the `.stderr` file beside
//! it).
//!
//! Either move the data into the thread (`move ||`, sharing with an `Arc` if
//! several threads need it), or start the thread with `std::thread::scope`,
//! which joins it before the borrowed data can go away.

pub mod child;
mod countdown;
mod event;
mod semaphore;
mod sync;
mod timer;
pub mod verdict;

pub use countdown::{Countdown, Ended};
pub use event::Event;
pub use semaphore::{Permit, Semaphore};
pub use timer::{PeriodicTimer, Ticks};

use std::any::Any;

// ANCHOR: panic_message
/// The message a thread panicked with, from the `Err` that `join` returned.
///
/// `panic!("literal")` carries a `&'static str`, `panic!("{x}")` a `String`;
/// a panic with any other payload (`std::panic::panic_any`) has no message.
///
/// ```
/// # std::panic::set_hook(Box::new(|_| {})); // keep the doc test's stderr quiet
/// let handle = std::thread::spawn(|| panic!("disk {} full", 1));
/// let payload = handle.join().unwrap_err();
/// assert_eq!(threads::panic_message(payload), "disk 1 full");
/// ```
pub fn panic_message(payload: Box<dyn Any + Send>) -> String {
    if let Some(message) = payload.downcast_ref::<&str>() {
        (*message).to_owned()
    } else if let Some(message) = payload.downcast_ref::<String>() {
        message.clone()
    } else {
        "(a panic without a message)".to_owned()
    }
}
// ANCHOR_END: panic_message
