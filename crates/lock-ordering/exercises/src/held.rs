//! # Exercise `lock-ordering-held`: a lock taken out of order is an error
//!
//! Read first, in book/src/lock-ordering.md (`cargo xtask learn` prints the
//! link to the section): "Taking a lock out of order is an error, not a
//! hang".
//!
//! Sorting fixes the order within one call; nested calls can still break
//! it. Keep, per thread, the list of locks it holds, and refuse a lock that
//! would break the order:
//!
//! - [`CheckedMutex::lock`] returns `Err(LockOrderViolation { wanted, held })`
//!   when this thread already holds a lock that ranks **at or after** the one
//!   asked for (`held` names the **highest-ranked** lock held), before
//!   waiting for anything; otherwise it locks, and adds the lock to the list;
//! - dropping a [`CheckedGuard`] takes **that** lock off the list (guards
//!   can be dropped in any order, not only the last one first);
//! - [`held_locks`] returns the names on this thread's list, in the order
//!   they were taken.
//!
//! The list, `HELD`, is declared for you: a `thread_local!` (from
//! `crate::sync`, so that it is loom's under `--cfg loom`) holding a
//! `RefCell<Vec<Entry>>`. The loom model (`tests/held_loom.rs`) nests two
//! locks in opposite orders on two threads.
//!
//! Check it: `cargo xtask learn check lock-ordering-held`.

use std::cell::RefCell;
use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::sync::{Mutex, MutexGuard, lock};

/// The rank the next [`CheckedMutex`] gets.
static NEXT_RANK: AtomicU64 = AtomicU64::new(0);

/// A mutex with a name and a rank (the first one made ranks first) that
/// refuses to be taken out of order.
#[derive(Debug)]
pub struct CheckedMutex<T> {
    rank: u64,
    name: &'static str,
    mutex: Mutex<T>,
}

/// This thread asked for `wanted` while holding `held`, which does not rank
/// before it: with another thread taking them the other way round, that is
/// a deadlock waiting to happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LockOrderViolation {
    pub wanted: &'static str,
    pub held: &'static str,
}

impl fmt::Display for LockOrderViolation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "lock-order violation: asked for `{}` while holding `{}`",
            self.wanted, self.held
        )
    }
}

impl std::error::Error for LockOrderViolation {}

/// One entry in a thread's list of held locks.
#[derive(Debug, Clone, Copy)]
struct Entry {
    rank: u64,
    name: &'static str,
}

crate::sync::thread_local! {
    /// The locks this thread holds through [`CheckedMutex::lock`], in the
    /// order it took them. One list per thread: no lock needed.
    #[allow(
        clippy::missing_const_for_thread_local,
        reason = "loom's thread_local! has no const form"
    )]
    static HELD: RefCell<Vec<Entry>> = RefCell::new(Vec::new());
}

/// The names of the locks this thread holds, in the order it took them.
pub fn held_locks() -> Vec<&'static str> {
    // TODO: `HELD.with(|held| ...)`: the names, in order.
    todo!("held_locks")
}

impl<T> CheckedMutex<T> {
    /// A new mutex holding `value`, ranked after every one made before it.
    pub fn new(name: &'static str, value: T) -> Self {
        CheckedMutex {
            rank: NEXT_RANK.fetch_add(1, Ordering::Relaxed),
            name,
            mutex: Mutex::new(value),
        }
    }

    pub fn name(&self) -> &'static str {
        self.name
    }

    /// Locks it, if every lock this thread holds ranks before it; otherwise
    /// returns the violation at once, naming the highest-ranked lock held,
    /// without waiting and without locking anything.
    pub fn lock(&self) -> Result<CheckedGuard<'_, T>, LockOrderViolation> {
        // TODO: 1. look through this thread's list (`HELD.with(...)`): if a
        // lock there ranks at or after this one, return the violation,
        // naming the highest-ranked one. 2. Lock the mutex (`lock(&self.mutex)`).
        // 3. Push this lock's entry onto the list, and return the guard.
        todo!("CheckedMutex::lock")
    }
}

/// A [`CheckedMutex`], held: derefs to the data; dropping it unlocks the
/// mutex and strikes it off this thread's list.
#[derive(Debug)]
pub struct CheckedGuard<'a, T> {
    lock: &'a CheckedMutex<T>,
    guard: MutexGuard<'a, T>,
}

impl<T> Deref for CheckedGuard<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.guard
    }
}

impl<T> DerefMut for CheckedGuard<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.guard
    }
}

impl<T> Drop for CheckedGuard<'_, T> {
    fn drop(&mut self) {
        // TODO: strike this lock off this thread's list. (Use
        // `HELD.try_with`, not `with`: a guard may be dropped while its
        // thread is ending and the list is already gone.) The mutex itself
        // unlocks after this, when the `guard` field drops.
    }
}
