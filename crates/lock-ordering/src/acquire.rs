//! Step 2, [`acquire`]: takes any set of [`OrderedMutex`]es in rank order,
//! whatever order the caller names them in, after checking this thread's
//! held locks (`held.rs`), and returns one guard, [`Acquired`], that
//! releases them in reverse; or an [`AcquireError`], before it waited for
//! anything.

use std::fmt;
use std::ops::{Index, IndexMut};

use kit::sync::{MutexGuard, lock};

use crate::OrderedMutex;
use crate::held::{HELD, Held};

// ANCHOR: acquire_error
/// Why [`acquire`] refused, before it waited for anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AcquireError {
    /// This thread holds `held` and asked for `wanted`, which ranks before
    /// it. Another thread taking them in the right order could be holding
    /// `wanted` and waiting for `held`: a deadlock waiting to happen.
    LockOrderViolation {
        wanted: &'static str,
        held: &'static str,
    },
    /// This thread already holds `lock`; taking it again would wait forever
    /// for itself (the mutexes are not reentrant).
    AlreadyHeld { lock: &'static str },
    /// `lock` was named twice in one call.
    NamedTwice { lock: &'static str },
}
// ANCHOR_END: acquire_error

impl fmt::Display for AcquireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AcquireError::LockOrderViolation { wanted, held } => write!(
                f,
                "lock-order violation: asked for `{wanted}` while holding `{held}`, \
                 which ranks after it"
            ),
            AcquireError::AlreadyHeld { lock } => write!(
                f,
                "this thread already holds `{lock}`: taking it again would wait forever"
            ),
            AcquireError::NamedTwice { lock } => {
                write!(f, "`{lock}` is named twice in one acquire")
            }
        }
    }
}

impl std::error::Error for AcquireError {}

// ANCHOR: acquire
/// Locks every mutex in `locks`, in rank order, and returns one guard for
/// the set; dropping it releases them in reverse.
///
/// The order the caller names the locks in does not matter: `acquire(&[&a,
/// &b])` and `acquire(&[&b, &a])` both take the lower-ranked lock first, so
/// two threads using them can never each hold one and wait for the other.
///
/// Before waiting for anything it checks this thread's held locks, and
/// returns an error (holding nothing new) if the set names a lock twice,
/// names a lock this thread already holds, or ranks before a lock it holds:
/// nested calls must go *up* the order. The check is local to the thread, so
/// it catches an out-of-order pair on every run, even the lucky runs in which
/// no other thread was there to deadlock with.
pub fn acquire<'a, T>(locks: &[&'a OrderedMutex<T>]) -> Result<Acquired<'a, T>, AcquireError> {
    // The callers' positions, sorted by rank: the one global order.
    let mut order: Vec<usize> = (0..locks.len()).collect();
    order.sort_unstable_by_key(|&i| locks[i].rank);
    if let Some(pair) = order
        .windows(2)
        .find(|pair| locks[pair[0]].rank == locks[pair[1]].rank)
    {
        return Err(AcquireError::NamedTwice {
            lock: locks[pair[0]].name,
        });
    }

    if let Some(&first) = order.first() {
        check_order(locks, locks[first])?;
    }

    // Safe to wait now: every lock we wait for ranks after every lock we hold.
    let taken: Vec<Taken<'a, T>> = order
        .into_iter()
        .map(|caller| {
            let ordered = locks[caller];
            Taken {
                caller,
                lock: ordered,
                // A panic while another thread held this lock poisons it;
                // the order is all this lesson guards, so `kit::sync::lock`
                // takes the data as it is.
                guard: lock(&ordered.mutex),
            }
        })
        .collect();
    HELD.with(|held| {
        held.borrow_mut().extend(taken.iter().map(|t| Held {
            rank: t.lock.rank,
            name: t.lock.name,
        }));
    });
    Ok(Acquired { taken })
}

/// The lock-order check: `lowest` is the first lock of the new set.
fn check_order<T>(
    locks: &[&OrderedMutex<T>],
    lowest: &OrderedMutex<T>,
) -> Result<(), AcquireError> {
    HELD.with(|held| {
        let held = held.borrow();
        if let Some(h) = held.iter().find(|h| locks.iter().any(|l| l.rank == h.rank)) {
            return Err(AcquireError::AlreadyHeld { lock: h.name });
        }
        match held.iter().max_by_key(|h| h.rank) {
            Some(top) if top.rank > lowest.rank => Err(AcquireError::LockOrderViolation {
                wanted: lowest.name,
                held: top.name,
            }),
            _ => Ok(()),
        }
    })
}
// ANCHOR_END: acquire

// ANCHOR: acquired
/// The guard for a set of locks taken by [`acquire`]: while it lives, this
/// thread holds all of them.
///
/// `guard[i]` is the data behind the `i`-th lock *as the caller named it*,
/// whatever order the locks were taken in. Dropping the guard releases the
/// locks in the reverse of the order they were taken.
///
/// It cannot be sent to another thread (std's `MutexGuard` cannot, and the
/// held-locks list it updates on drop is this thread's): rustc refuses with
/// `E0277`, checked by `tests/wont_compile.rs`.
pub struct Acquired<'a, T> {
    /// In the order taken: rank order.
    taken: Vec<Taken<'a, T>>,
}

struct Taken<'a, T> {
    /// Where the caller put this lock in the slice given to `acquire`.
    caller: usize,
    lock: &'a OrderedMutex<T>,
    guard: MutexGuard<'a, T>,
}

impl<T> Drop for Acquired<'_, T> {
    fn drop(&mut self) {
        // `Vec` drops front to back; popping releases back to front.
        while let Some(taken) = self.taken.pop() {
            let Taken { lock, guard, .. } = taken;
            drop(guard);
            #[cfg(test)]
            tests::RELEASED.with(|log| log.borrow_mut().push(lock.name));
            // By rank, not "the last n entries": guards may be dropped in any
            // order, not only innermost first. `try_with`: if this runs while
            // the thread is being torn down, the list is already gone.
            let _ = HELD.try_with(|held| held.borrow_mut().retain(|h| h.rank != lock.rank));
        }
    }
}
// ANCHOR_END: acquired

impl<'a, T> Acquired<'a, T> {
    /// The names of the locks, in the order they were taken.
    pub fn locked_order(&self) -> Vec<&'static str> {
        self.taken.iter().map(|t| t.lock.name).collect()
    }

    /// How many locks the guard holds.
    pub fn len(&self) -> usize {
        self.taken.len()
    }

    /// Whether the guard holds no locks (`acquire(&[])`).
    pub fn is_empty(&self) -> bool {
        self.taken.is_empty()
    }

    /// The data behind the `i`-th lock as the caller named it, if there is one.
    pub fn get(&self, i: usize) -> Option<&T> {
        self.taken.iter().find(|t| t.caller == i).map(|t| &*t.guard)
    }

    /// Mutable access to the data behind the `i`-th lock as the caller named it.
    pub fn get_mut(&mut self, i: usize) -> Option<&mut T> {
        self.taken
            .iter_mut()
            .find(|t| t.caller == i)
            .map(|t| &mut *t.guard)
    }
}

impl<T> Index<usize> for Acquired<'_, T> {
    type Output = T;

    /// Panics if `i` is out of range, as indexing a slice does.
    fn index(&self, i: usize) -> &T {
        let len = self.len();
        self.get(i)
            .unwrap_or_else(|| panic!("index {i} out of range for a guard over {len} locks"))
    }
}

impl<T> IndexMut<usize> for Acquired<'_, T> {
    fn index_mut(&mut self, i: usize) -> &mut T {
        let len = self.len();
        self.get_mut(i)
            .unwrap_or_else(|| panic!("index {i} out of range for a guard over {len} locks"))
    }
}

impl<T> fmt::Debug for Acquired<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Acquired")
            .field("locked_order", &self.locked_order())
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::held_locks;
    use std::cell::RefCell;

    std::thread_local! {
        /// Every lock an `Acquired` released on this thread, in order.
        pub(super) static RELEASED: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
    }

    #[test]
    fn a_guard_releases_in_the_reverse_of_the_order_it_took() {
        let a = OrderedMutex::new("a", ());
        let b = OrderedMutex::new("b", ());
        let c = OrderedMutex::new("c", ());
        let guard = acquire(&[&b, &c, &a]).expect("this thread holds nothing else");
        assert_eq!(guard.locked_order(), ["a", "b", "c"]);
        RELEASED.with(|log| log.borrow_mut().clear());
        drop(guard);
        assert_eq!(RELEASED.with(|log| log.borrow().clone()), ["c", "b", "a"]);
        assert!(held_locks().is_empty());
    }

    #[test]
    fn an_empty_set_is_an_empty_guard() {
        let guard = acquire::<()>(&[]).expect("nothing to violate");
        assert!(guard.is_empty());
        assert!(guard.get(0).is_none());
    }
}
