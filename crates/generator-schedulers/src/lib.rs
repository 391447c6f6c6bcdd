//! The `generator-schedulers` lesson: cooperative tasks without threads
//! (Python Cookbook 12.12).
//!
//! Python's generators let a function stop at `yield` and be resumed later,
//! so a loop can take turns running many of them on one thread. Stable Rust
//! has no generators, and this lesson builds the same thing three ways, each
//! a module of its own:
//!
//! - [`task`]: a task written by hand as a state machine with a `step()`
//!   method, and a round-robin [`task::TaskScheduler`];
//! - [`executor`]: the same tasks as `async fn`s, run by a tiny
//!   [`executor::Executor`] — the compiler writes the state machine;
//! - [`actor`]: actors that receive messages, run by an
//!   [`actor::ActorScheduler`] with one message queue: no threads, no
//!   recursion, no growth of the stack (and, for contrast, the same actors
//!   calling each other directly, whose stack grows with every message);
//! - [`indexed`]: the same actors, made fast: an
//!   [`indexed::IndexedScheduler`] resolves names to [`indexed::ActorId`]s
//!   once, at registration, and delivers by index into a `Vec`.
//!
//! [`verdict`] computes every `yes`/`no` the lesson prints, as a
//! [`kit::Verdict`].
//!
//! Nothing here starts a thread: every task runs on the caller's thread, one
//! step at a time, and gives control back only where it chooses to.

pub mod actor;
pub mod executor;
pub mod indexed;
pub mod task;
pub mod verdict;
