//! Step 3, the held-lock list: the locks this thread holds through
//! [`acquire`](crate::acquire), in a thread-local list that `acquire`
//! consults before it waits for anything (and its guard updates when it is
//! dropped), and [`held_locks`], which reads it.

use std::cell::RefCell;

// ANCHOR: held
/// One entry in a thread's list of held locks.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Held {
    pub(crate) rank: u64,
    pub(crate) name: &'static str,
}

kit::sync::thread_local! {
    /// The locks this thread holds through [`acquire`](crate::acquire), in
    /// the order it took them. Thread-local, like the recipe's
    /// `threading.local()`: the rule is about what *this* thread does, so no
    /// other thread's list matters and none needs a lock.
    #[allow(
        clippy::missing_const_for_thread_local,
        reason = "loom's thread_local! has no const form, and this one line serves both"
    )]
    pub(crate) static HELD: RefCell<Vec<Held>> = RefCell::new(Vec::new());
}

/// The names of the locks the current thread holds, in the order it took them.
///
/// ```
/// # use lock_ordering::{acquire, held_locks, OrderedMutex};
/// let a = OrderedMutex::new("a", ());
/// let guard = acquire(&[&a])?;
/// assert_eq!(held_locks(), ["a"]);
/// drop(guard);
/// assert!(held_locks().is_empty());
/// # Ok::<(), lock_ordering::AcquireError>(())
/// ```
pub fn held_locks() -> Vec<&'static str> {
    HELD.with(|held| held.borrow().iter().map(|h| h.name).collect())
}
// ANCHOR_END: held
