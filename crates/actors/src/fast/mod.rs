//! [`FastWorker`]: the [`Worker`](crate::Worker) once more, with its two
//! hand-offs (the job into the mailbox, the answer back through a result
//! handle) made cheap in the way *Rust Atomics and Locks* (ch. 9) makes its
//! `Mutex` and `Condvar` cheap:
//!
//! - **notify only a sleeper.** The waiting side says, under the lock, that
//!   it is going to sleep; the delivering side notifies only then. A
//!   hand-off that finds nobody asleep costs no wake-up call at all.
//! - **spin briefly before sleeping.** The waiting side first watches a flag
//!   (readable without the lock) for 100 turns of a spin loop, then offers
//!   its core to another thread a few times. A round trip is short: the
//!   answer usually comes while the caller is still spinning, and the next
//!   job while the worker is, so neither goes to sleep and neither has to be
//!   woken, which is where the `Worker`'s time went (two cross-core wake-ups
//!   per round trip).
//!
//! Both hand-offs are one generic `Handoff`, a `Mutex` and a `Condvar` like
//! every primitive in the crate, with counters kept under its lock: how many
//! takes found their value without sleeping, how many slept, how many
//! notifications were sent, and how many of those found nobody asleep. The
//! last is the lesson's verdict; [`Notify::Always`] (what `Mailbox` and
//! `Promise` do) is its control.
//!
//! Three files:
//!
//! - `handoff.rs`: the generic `Handoff`, its counters ([`HandoffCounts`]),
//!   [`Tuning`] and [`Notify`];
//! - `spin.rs`: one turn of the waiter's spin loop (a yield under loom);
//! - `worker.rs`: [`FastWorker`] and [`FastHandle`], the `Worker`'s API on
//!   two hand-offs.

mod handoff;
mod spin;
mod worker;

pub use handoff::{HandoffCounts, Notify, Tuning};
pub use worker::{FastHandle, FastWorker};
