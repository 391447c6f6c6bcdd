//! The exercises of the `generator-schedulers` lesson
//! (book/src/generator-schedulers.md): each module is a file you edit,
//! checked by `cargo xtask learn check <name>`:
//!
//! - `generator-schedulers-round-robin`: [`round_robin`], tasks as state
//!   machines, run one step at a time in turn;
//! - `generator-schedulers-executor`: [`executor`], a `yield_now` future and
//!   an executor that polls `async fn`s in turn;
//! - `generator-schedulers-actors`: [`actor_scheduler`], actors that pass
//!   100 000 messages through one queue, never one call inside another.
//!
//! [`probe`] is written for you: it measures how deep deliveries nest and
//! how far the stack moves, for the third exercise's tests.
//!
//! Nothing here starts a thread, so unlike the other lessons' exercises
//! there is no `sync` shim and no loom model: one thread runs every task,
//! and the order of their steps is decided by your code alone. The tests
//! check that order exactly.
//!
//! With `--features solutions` each exercise module is the answer from
//! `solutions/` instead.
// The starters' `todo!()` bodies leave arguments unused, and a `&mut Vec`
// that only the answer pushes to looks like a slice to clippy.
#![cfg_attr(
    not(feature = "solutions"),
    allow(clippy::todo, clippy::ptr_arg, unused)
)]

#[cfg_attr(feature = "solutions", path = "../solutions/actor_scheduler.rs")]
pub mod actor_scheduler;
#[cfg_attr(feature = "solutions", path = "../solutions/executor.rs")]
pub mod executor;
pub mod probe;
#[cfg_attr(feature = "solutions", path = "../solutions/round_robin.rs")]
pub mod round_robin;
