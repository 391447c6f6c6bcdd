//! The exercises of the `thread-local` lesson (book/src/thread-local.md):
//! each module is a file you edit, checked by
//! `cargo xtask learn check <name>`:
//!
//! - `thread-local-lazy-connection`: [`lazy`], one lazy connection per
//!   thread, closed when the thread ends;
//! - `thread-local-nested`: [`nested`], a per-thread stack of nested
//!   connections;
//! - `thread-local-tally`: [`tally`], a per-thread counter that reports
//!   itself when its thread exits.
//!
//! With `--features solutions` each module is the answer from
//! `solutions/` instead.
//!
//! [`server`] is not an exercise: it is the server the tests start on
//! 127.0.0.1, which counts from its side what your code did.
//!
//! There is no `sync` shim and no loom model: per-thread state is private by
//! construction, so there is no primitive shared between threads to model.
#![cfg_attr(not(feature = "solutions"), allow(clippy::todo, unused))]

#[cfg_attr(feature = "solutions", path = "../solutions/lazy.rs")]
pub mod lazy;
#[cfg_attr(feature = "solutions", path = "../solutions/nested.rs")]
pub mod nested;
pub mod server;
#[cfg_attr(feature = "solutions", path = "../solutions/tally.rs")]
pub mod tally;
