//! The synchronisation types this crate builds on: std's normally, loom's
//! under `--cfg loom`, so `tests/loom.rs` can check every interleaving.

#[cfg(loom)]
pub(crate) use loom::sync::{Mutex, MutexGuard};
#[cfg(loom)]
pub(crate) use loom::thread_local;
#[cfg(not(loom))]
pub(crate) use std::sync::{Mutex, MutexGuard};
#[cfg(not(loom))]
pub(crate) use std::thread_local;
