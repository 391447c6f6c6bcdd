//! # Exercise `lock-ordering-acquire`: any set of locks, in one global order
//!
//! Read first, in book/src/lock-ordering.md (`cargo xtask learn` prints the
//! link to the section): "acquire takes any set of locks in one global
//! order".
//!
//! Two threads that take the same two locks in opposite orders can each hold
//! one and wait for the other for ever (the chapter's "Two threads take two
//! locks in opposite orders: deadlock"). Write [`acquire`], the recipe's
//! cure:
//!
//! - it takes **every** lock it is given **in rank order** (lowest first),
//!   whatever order the caller names them in, so `acquire(&[&a, &b])` and
//!   `acquire(&[&b, &a])` both take `a` first and cannot deadlock;
//! - it returns one guard, [`Acquired`], whose `guard[i]` is the data of the
//!   `i`-th lock *as the caller named it*;
//! - dropping the guard releases the locks in the **reverse** of the order
//!   they were taken;
//! - a lock named twice is refused, before any lock is taken:
//!   `Err(AcquireError::NamedTwice { lock })` with the lock's name (taking
//!   it a second time would wait for ever).
//!
//! [`OrderedMutex`], [`Held`] and the [`log`] are given: take each lock with
//! [`OrderedMutex::lock`], which records `took <name>` in this thread's log
//! (and `released <name>` when the [`Held`] drops): the tests read it.
//! The loom model (`tests/acquire_loom.rs`) runs two threads naming two locks
//! in opposite orders under every interleaving.
//!
//! Check it: `cargo xtask learn check lock-ordering-acquire`.

use std::cell::RefCell;
use std::fmt;
use std::ops::{Index, IndexMut};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::sync::{Mutex, MutexGuard, lock};

/// The rank the next [`OrderedMutex`] gets.
static NEXT_RANK: AtomicU64 = AtomicU64::new(0);

/// A mutex with a name and a rank: its place in the one global order, fixed
/// when it is made (the first one made ranks first).
#[derive(Debug)]
pub struct OrderedMutex<T> {
    rank: u64,
    name: &'static str,
    mutex: Mutex<T>,
}

impl<T> OrderedMutex<T> {
    /// A new mutex holding `value`, ranked after every mutex made before it.
    pub fn new(name: &'static str, value: T) -> Self {
        OrderedMutex {
            rank: NEXT_RANK.fetch_add(1, Ordering::Relaxed),
            name,
            mutex: Mutex::new(value),
        }
    }

    pub fn name(&self) -> &'static str {
        self.name
    }

    /// Lower ranks are taken first.
    pub fn rank(&self) -> u64 {
        self.rank
    }

    /// Whether some thread holds this lock right now (never waits).
    pub fn is_locked(&self) -> bool {
        crate::sync::is_locked(&self.mutex)
    }

    /// Locks this one mutex (waiting for it) and writes `took <name>` in
    /// this thread's [`log`]; dropping the [`Held`] unlocks it and writes
    /// `released <name>`. `acquire` takes each lock through this.
    pub fn lock(&self) -> Held<'_, T> {
        let guard = lock(&self.mutex);
        LOG.with(|log| log.borrow_mut().push(format!("took {}", self.name)));
        Held {
            name: self.name,
            guard,
        }
    }
}

/// One lock, held. Unlocks when dropped, and says so in the [`log`].
#[derive(Debug)]
pub struct Held<'a, T> {
    name: &'static str,
    guard: MutexGuard<'a, T>,
}

impl<T> Drop for Held<'_, T> {
    fn drop(&mut self) {
        // `try_with`: the log may be gone if this runs as the thread ends.
        let _ = LOG.try_with(|log| log.borrow_mut().push(format!("released {}", self.name)));
    }
}

crate::sync::thread_local! {
    /// What this thread's locks did, in order: `took a`, `released a`.
    #[allow(
        clippy::missing_const_for_thread_local,
        reason = "loom's thread_local! has no const form"
    )]
    static LOG: RefCell<Vec<String>> = RefCell::new(Vec::new());
}

/// Takes (and clears) this thread's log of `took`/`released` lines.
pub fn log() -> Vec<String> {
    LOG.with(|log| std::mem::take(&mut *log.borrow_mut()))
}

/// All of a set of locks, held: what [`acquire`] returns.
///
/// `guard[i]` is the data of the `i`-th lock *as the caller named it*.
/// Dropping it releases the locks in the reverse of the order they were
/// taken.
#[derive(Debug)]
pub struct Acquired<'a, T> {
    /// In the order taken: (the caller's position of the lock, the lock held).
    taken: Vec<(usize, Held<'a, T>)>,
}

impl<T> Acquired<'_, T> {
    /// The names of the locks, in the order they were taken.
    pub fn locked_order(&self) -> Vec<&'static str> {
        self.taken.iter().map(|(_, held)| held.name).collect()
    }

    pub fn len(&self) -> usize {
        self.taken.len()
    }

    pub fn is_empty(&self) -> bool {
        self.taken.is_empty()
    }
}

impl<T> Index<usize> for Acquired<'_, T> {
    type Output = T;

    fn index(&self, i: usize) -> &T {
        let (_, held) = self
            .taken
            .iter()
            .find(|(caller, _)| *caller == i)
            .unwrap_or_else(|| panic!("index {i} out of range for {} locks", self.taken.len()));
        &held.guard
    }
}

impl<T> IndexMut<usize> for Acquired<'_, T> {
    fn index_mut(&mut self, i: usize) -> &mut T {
        let len = self.taken.len();
        let (_, held) = self
            .taken
            .iter_mut()
            .find(|(caller, _)| *caller == i)
            .unwrap_or_else(|| panic!("index {i} out of range for {len} locks"));
        &mut held.guard
    }
}

/// Why [`acquire`] refused, before it took any lock.
///
/// (The lesson's `AcquireError` has two more variants, for a lock this
/// thread already holds and for one that ranks before a lock it holds: that
/// check, against a list of the locks each thread holds, is the next
/// exercise's, `lock-ordering-held`.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AcquireError {
    /// `lock` was named twice in one call: taking it a second time would
    /// wait for ever for the first.
    NamedTwice { lock: &'static str },
}

impl fmt::Display for AcquireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AcquireError::NamedTwice { lock } => {
                write!(f, "`{lock}` is named twice in one acquire")
            }
        }
    }
}

impl std::error::Error for AcquireError {}

/// Locks every mutex in `locks` in rank order, whatever order they are
/// named in, and returns one guard for all of them; or, before it takes any
/// lock, `Err(AcquireError::NamedTwice { .. })` if one is named twice.
pub fn acquire<'a, T>(locks: &[&'a OrderedMutex<T>]) -> Result<Acquired<'a, T>, AcquireError> {
    // TODO: sort the callers' positions (0..locks.len()) by the locks'
    // ranks; if two of them are the same lock, return the error (having
    // taken nothing); then take each lock with `.lock()` in that order,
    // keeping its position beside it.
    todo!("acquire")
}

impl<T> Drop for Acquired<'_, T> {
    fn drop(&mut self) {
        // TODO: release the locks, the last one taken first. (Left to
        // itself, a Vec drops its elements front to back.)
    }
}
