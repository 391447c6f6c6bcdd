//! Avoiding deadlock by taking locks in one global order (Python Cookbook 12.5).
//!
//! Two threads that take the same two locks in opposite orders can each end
//! up holding one and waiting for the other, forever. The cure is a rule:
//! **every thread takes locks in one global order**. This crate builds that
//! rule by hand, in three small pieces:
//!
//! 1. [`OrderedMutex`]: a mutex with a *rank*, fixed when it is created (the
//!    first one made ranks first), and a name for error messages. Python's
//!    recipe sorts by `id(lock)`, a memory address; an address changes from
//!    run to run, a creation rank does not, so which thread trips the check
//!    below is the same on every run.
//! 2. [`acquire`]: takes any set of these mutexes in rank order, whatever
//!    order the caller names them in, and returns one guard, [`Acquired`],
//!    that releases them in reverse when it is dropped.
//! 3. A thread-local list of the locks this thread holds ([`held_locks`]),
//!    which [`acquire`] consults *before* it waits for anything: asking for a
//!    lock that ranks before one already held is a
//!    [`AcquireError::LockOrderViolation`], returned as an `Err` that names
//!    both locks. The Python recipe raises `RuntimeError('Lock Order
//!    Violation')`; an `Err` says the same thing, and the caller decides
//!    whether it is a bug to panic on or a condition to report.
//!
//! ```
//! use lock_ordering::{acquire, OrderedMutex};
//!
//! let checking = OrderedMutex::new("checking", 100);
//! let savings = OrderedMutex::new("savings", 0);
//!
//! // Named savings-first, taken checking-first: the rank decides, not the call.
//! let mut accounts = acquire(&[&savings, &checking])?;
//! assert_eq!(accounts.locked_order(), ["checking", "savings"]);
//! // Indexing follows the order *you* named them in.
//! accounts[1] -= 30; // checking
//! accounts[0] += 30; // savings
//! drop(accounts); // releases savings, then checking
//!
//! let accounts = acquire(&[&checking, &savings])?;
//! assert_eq!((accounts[0], accounts[1]), (70, 30));
//! # Ok::<(), lock_ordering::AcquireError>(())
//! ```

//!
//! One file per piece, in the order the chapter builds them: `mutex.rs`
//! ([`OrderedMutex`]), `acquire.rs` ([`acquire`], [`Acquired`],
//! [`AcquireError`]) and `held.rs` (the held-lock list). Then the lesson's
//! uses of them: [`bank`] (the accounts of the transfers that cannot
//! deadlock), [`philosophers`] (the dinner) and [`verdict`] (every `yes`/`no`
//! it prints).
//!
//! The pieces take their `Mutex` and `thread_local!` from `kit::sync`:
//! std's in a normal build, loom's under `--cfg loom`, so `tests/loom.rs`
//! checks every interleaving of this very code.

mod acquire;
pub mod bank;
mod held;
mod mutex;
pub mod philosophers;
pub mod verdict;

pub use acquire::{AcquireError, Acquired, acquire};
pub use held::held_locks;
pub use mutex::OrderedMutex;
