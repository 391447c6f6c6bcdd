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
//! - [`verdict`]: every `yes`/`no` the lesson prints, each a
//!   [`kit::Verdict`] computed from its evidence by a function named after
//!   the claim;
//! - [`child`]: the arguments that make the lesson's binary its own child
//!   process (for the section on threads still running when `main`
//!   returns, and for its control test's child).
//!
//! Each primitive imports its synchronisation types from a private `sync`
//! module, which takes them from [`kit::sync`]: std's in a normal build,
//! [loom](https://docs.rs/loom)'s under `--cfg loom`, so `tests/loom.rs`
//! runs them through every interleaving loom can find. A panic's message,
//! which the lesson reads from `join`'s `Err`, comes from
//! [`kit::panic_message`], shared by every lesson.
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
