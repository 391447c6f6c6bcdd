//! The exercises of the `actors` lesson (book/src/actors.md): each module is
//! a file you edit, checked by `cargo xtask learn check <name>`:
//!
//! - `actors-mailbox`: [`mailbox`], a mailbox whose `close` lets the actor
//!   handle what is queued, then ends it, and refuses later sends;
//! - `actors-tagged`: [`tagged`], a tagged actor: an enum of messages and a
//!   `match`;
//! - `actors-subscription`: [`exchange`], an exchange whose subscription
//!   guard detaches its subscriber when dropped.
//!
//! [`support`] is written for you: the lesson's mailbox, actor and address,
//! for the second and third exercises to build on.
//!
//! With `--features solutions` each exercise module is the answer from
//! `solutions/` instead.
#![cfg_attr(not(feature = "solutions"), allow(clippy::todo, unused))]

#[cfg_attr(feature = "solutions", path = "../solutions/exchange.rs")]
pub mod exchange;
#[cfg_attr(feature = "solutions", path = "../solutions/mailbox.rs")]
pub mod mailbox;
pub mod support;
#[cfg_attr(feature = "solutions", path = "../solutions/tagged.rs")]
pub mod tagged;

/// The synchronisation types your code uses: std's in a normal build,
/// loom's under `--cfg loom`, so that the loom models (`tests/*_loom.rs`) try
/// every interleaving of *your* code. Import them from here
/// (`use crate::sync::{Arc, Condvar, Mutex, lock, wait};`), not from
/// `std::sync`.
pub mod sync {
    #[cfg(loom)]
    pub use loom::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    #[cfg(loom)]
    pub use loom::sync::{Arc, Condvar, Mutex, MutexGuard};
    #[cfg(loom)]
    pub use loom::thread;
    #[cfg(not(loom))]
    pub use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    #[cfg(not(loom))]
    pub use std::sync::{Arc, Condvar, Mutex, MutexGuard};
    #[cfg(not(loom))]
    pub use std::thread;

    use std::sync::PoisonError;

    /// `mutex.lock()`, through poisoning: no lock here is held while a
    /// message is handled, so a panicking actor cannot leave the data behind
    /// one half-written.
    pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
        mutex.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// `condvar.wait(guard)`, through poisoning: unlocks, sleeps until
    /// notified (or woken for no reason: a spurious wake-up), locks again.
    pub fn wait<'a, T>(condvar: &Condvar, guard: MutexGuard<'a, T>) -> MutexGuard<'a, T> {
        condvar.wait(guard).unwrap_or_else(PoisonError::into_inner)
    }
}
