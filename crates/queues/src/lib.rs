//! The queues of the `queues` lesson, built by hand in small steps, each a
//! type of its own that adds one thing to the one before it (read them in
//! this order):
//!
//! 0. [`PollingQueue`]: a `VecDeque` behind a `Mutex`, Effective Python's
//!    `MyQueue`; a consumer must poll it ([`polling_worker`]).
//! 1. [`BlockingQueue`]: plus a `Condvar`, so `get` sleeps until an item
//!    arrives (`queue.Queue()`).
//! 2. [`BoundedQueue`]: plus a capacity and a second `Condvar`, so `put`
//!    sleeps while the queue is full (`queue.Queue(maxsize)`).
//! 3. [`JoinableQueue`]: plus a count of unfinished items, for
//!    `task_done` / `join`.
//! 4. [`ClosableQueue`]: plus a `closed` flag, so `for item in &queue` ends
//!    (Effective Python's `ClosableQueue`, without the sentinel).
//! 5. [`FastQueue`]: the closable queue made fast: it counts its sleepers
//!    and notifies only when one sleeps, and looks again a few times before
//!    it sleeps (*Rust Atomics and Locks*, chapter 9); no `task_done`.
//!
//! and, beside them, the Cookbook's [`PriorityQueue`] (recipe 12.3). The
//! [`pipeline`] module holds the photo pipeline the lesson runs on them.
//!
//! Each queue takes its synchronisation types from `kit::sync`, which swaps
//! in [loom](https://docs.rs/loom)'s under `--cfg loom`: `tests/loom.rs`
//! runs them through every interleaving loom can find. They lock and wait
//! *through* poisoning (`kit::sync::lock`, `kit::sync::wait`): no queue runs
//! code that can panic while it holds its lock (it pushes, pops and counts,
//! each in one step; the caller's work happens outside), so the state
//! behind a poisoned lock is still whole, and one panicking worker must not
//! take the queue down for every other.

mod blocking;
mod bounded;
mod closable;
mod fast;
mod joinable;
pub mod pipeline;
mod polling;
mod priority;
mod spin;
pub mod verdict;

pub use blocking::BlockingQueue;
pub use bounded::{BoundedQueue, ZeroCapacity};
pub use closable::{ClosableQueue, Closed, Iter};
pub use fast::{FastIter, FastQueue, Notifications, NotifyRule};
pub use joinable::{JoinableQueue, TooManyTaskDone};
pub use polling::{PollingQueue, Polls, polling_worker, wait_until_len};
pub use priority::PriorityQueue;
