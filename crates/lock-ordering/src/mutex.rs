//! Step 1, [`OrderedMutex`]: a mutex with a name and a rank, the rank fixed
//! when it is made, from a process-wide counter, so the first one made ranks
//! first. The rank is the one global order [`acquire`](crate::acquire)
//! takes locks in.

use std::fmt;
use std::sync::PoisonError;
use std::sync::atomic::{AtomicU64, Ordering};

use kit::sync::Mutex;

// ANCHOR: ordered_mutex
/// The rank the next [`OrderedMutex`] gets. A plain counter: it only has to
/// hand out distinct, increasing numbers, so it is std's atomic even under
/// loom (it synchronises nothing).
static NEXT_RANK: AtomicU64 = AtomicU64::new(0);

/// A mutex that knows its place in the global lock order.
///
/// Its rank is fixed when it is created, from a process-wide counter: the
/// first `OrderedMutex` made ranks before every later one. Ranks are unique,
/// so any two locks have one order between them, and stable, so a program
/// that creates its locks in the same order ranks them the same way on every
/// run. Lock it through [`acquire`](crate::acquire).
pub struct OrderedMutex<T> {
    pub(crate) rank: u64,
    pub(crate) name: &'static str,
    pub(crate) mutex: Mutex<T>,
}

impl<T> OrderedMutex<T> {
    /// A new mutex holding `value`, ranked after every mutex made before it.
    /// `name` is how errors and [`held_locks`](crate::held_locks) refer to it.
    pub fn new(name: &'static str, value: T) -> Self {
        OrderedMutex {
            rank: NEXT_RANK.fetch_add(1, Ordering::Relaxed),
            name,
            mutex: Mutex::new(value),
        }
    }
}
// ANCHOR_END: ordered_mutex

impl<T> OrderedMutex<T> {
    /// The name given at creation.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The lock's place in the global order: lower ranks are taken first.
    pub fn rank(&self) -> u64 {
        self.rank
    }

    /// Whether `self` is taken before `other` when both are wanted.
    ///
    /// ```
    /// # use lock_ordering::OrderedMutex;
    /// let first = OrderedMutex::new("first", ());
    /// let second = OrderedMutex::new("second", ());
    /// assert!(first.ranks_before(&second));
    /// assert!(!second.ranks_before(&first));
    /// ```
    pub fn ranks_before<U>(&self, other: &OrderedMutex<U>) -> bool {
        self.rank < other.rank
    }

    /// Consumes the mutex and returns its data (a poisoned mutex's too).
    pub fn into_inner(self) -> T {
        self.mutex
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

impl<T> fmt::Debug for OrderedMutex<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OrderedMutex")
            .field("name", &self.name)
            .field("rank", &self.rank)
            .finish_non_exhaustive()
    }
}
