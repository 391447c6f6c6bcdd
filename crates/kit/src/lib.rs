//! What every lesson shares, so that it is written once and reads the same
//! in every chapter:
//!
//! - [`Verdict`]: the `yes` or `no` a lesson prints beside a figure that
//!   varies. Each lesson computes its verdicts in its own `src/verdict.rs`,
//!   one function per claim, each returning a `Verdict`; its
//!   `tests/verdicts.rs` runs the broken variant of each claim through the
//!   same function and asserts the opposite answer
//!   (`verdict_<name>_can_fail`).
//! - [`panic_message`]: the text a thread panicked with, from the payload
//!   `join` or `catch_unwind` hands back.
//! - [`sync`]: std's synchronisation types in a normal build and loom's
//!   under `--cfg loom`, so a hand-built primitive is model-checked exactly
//!   as it runs.
//! - [`schedule`] (under `--cfg loom`): `loom::model` for the exercises'
//!   loom tests, which can write down a failing run's schedule for
//!   `cargo xtask learn` to show.
//!
//! The crate has no dependencies of its own (loom and its `tracing` only
//! under `--cfg loom`): a lesson's `cargo run` builds it in a moment.

mod panic;
#[cfg(loom)]
pub mod schedule;
pub mod sync;
mod verdict;

pub use panic::panic_message;
pub use verdict::Verdict;
