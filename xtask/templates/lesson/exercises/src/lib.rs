//! Exercises for the `__LESSON__` lesson (book/src/__LESSON__.md): each module
//! is a file you edit, checked by `cargo xtask learn check <name>`:
//!
//! - `__LESSON__-sum`: [`sum`], a sum shared by scoped threads.
//!
//! With `--features solutions` each module is the answer from `solutions/`
//! instead.
#![cfg_attr(not(feature = "solutions"), allow(clippy::todo, unused))]

#[cfg_attr(feature = "solutions", path = "../solutions/sum.rs")]
pub mod sum;
