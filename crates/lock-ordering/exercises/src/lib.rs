//! The exercises of the `lock-ordering` lesson (book/src/lock-ordering.md):
//! each module is a file you edit, checked by
//! `cargo xtask learn check <name>`:
//!
//! - `lock-ordering-acquire`: [`acquire`], any set of locks taken in one
//!   global order and released in reverse, as one guard;
//! - `lock-ordering-held`: [`held`], a thread-local list of held locks that
//!   turns an out-of-order request into an error;
//! - `lock-ordering-philosophers`: [`philosophers`], five philosophers who
//!   all finish their meals.
//!
//! With `--features solutions` each module is the answer from
//! `solutions/` instead.
#![cfg_attr(not(feature = "solutions"), allow(clippy::todo, unused))]

#[cfg_attr(feature = "solutions", path = "../solutions/acquire.rs")]
pub mod acquire;
#[cfg_attr(feature = "solutions", path = "../solutions/held.rs")]
pub mod held;
#[cfg_attr(feature = "solutions", path = "../solutions/philosophers.rs")]
pub mod philosophers;

/// The synchronisation types your code uses: std's in a normal build,
/// loom's under `--cfg loom`, so that the loom models (`tests/*_loom.rs`) try
/// every interleaving of *your* code. Import them from here
/// (`use crate::sync::{Mutex, MutexGuard, lock};`), not from `std::sync`.
pub mod sync {
    #[cfg(loom)]
    pub use loom::sync::{Mutex, MutexGuard};
    #[cfg(loom)]
    pub use loom::thread_local;
    #[cfg(not(loom))]
    pub use std::sync::{Mutex, MutexGuard};
    #[cfg(not(loom))]
    pub use std::thread_local;

    use std::sync::PoisonError;

    /// `mutex.lock()`, through poisoning: these exercises guard the order
    /// locks are taken in, not the data, so take the data as it is.
    pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
        mutex.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Whether some thread holds `mutex` right now (a test's probe: it
    /// never waits).
    pub fn is_locked<T>(mutex: &Mutex<T>) -> bool {
        matches!(mutex.try_lock(), Err(std::sync::TryLockError::WouldBlock))
    }
}
