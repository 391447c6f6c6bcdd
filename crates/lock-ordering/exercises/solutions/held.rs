//! The answer to `lock-ordering-held`: a thread-local list of held locks.
//! (The exercise and its task: crates/lock-ordering/exercises/src/held.rs.)

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
    HELD.with(|held| held.borrow().iter().map(|entry| entry.name).collect())
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
        HELD.with(|held| {
            // The highest-ranked lock held, not the first taken: guards can
            // be dropped in any order, and a later one may rank higher.
            match held.borrow().iter().max_by_key(|entry| entry.rank) {
                Some(top) if top.rank >= self.rank => Err(LockOrderViolation {
                    wanted: self.name,
                    held: top.name,
                }),
                _ => Ok(()),
            }
        })?;
        // Safe to wait now: every lock this thread holds ranks before this one.
        let guard = lock(&self.mutex);
        HELD.with(|held| {
            held.borrow_mut().push(Entry {
                rank: self.rank,
                name: self.name,
            })
        });
        Ok(CheckedGuard { lock: self, guard })
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
        // By rank, not "the last entry": guards may be dropped in any order.
        // `try_with`: the list is gone if this runs as the thread ends.
        let rank = self.lock.rank;
        let _ = HELD.try_with(|held| held.borrow_mut().retain(|entry| entry.rank != rank));
    }
}
