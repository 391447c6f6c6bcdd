//! The primitives of the `actors` lesson (Python Cookbook 12.10 and 12.11),
//! each built by hand from a `Mutex` and a `Condvar`:
//!
//! - [`Mailbox`]: a closable queue; "closed" is Python's `ActorExit`;
//! - [`Actor`]: a thread that owns its state and reads a mailbox, with
//!   [`Address`] to send to it and [`Inbox`] to read from it;
//! - [`ResultHandle`] and [`Promise`]: a value one thread waits for and
//!   another delivers (the Cookbook's `Result` with an `Event`);
//! - [`Worker`]: an actor that runs submitted functions and answers each
//!   through a [`ResultHandle`];
//! - [`Exchange`], [`Exchanges`] and [`Subscription`]: publish/subscribe,
//!   with named exchanges and a guard that detaches;
//! - [`FastWorker`]: the `Worker` once more, its hand-offs waking only a
//!   sleeper and spinning briefly before they sleep (the last step: make it
//!   fast).
//!
//! [`verdict`] computes every `yes`/`no` the lesson prints, as a
//! [`kit::Verdict`].
//!
//! Each primitive imports its synchronisation types from [`kit::sync`],
//! which swaps in [loom](https://docs.rs/loom)'s under `--cfg loom`:
//! `tests/loom.rs` runs them through every interleaving loom can find. They
//! lock and wait through poisoning (`kit::sync::lock`, `wait`): no lock here
//! is held while a message's handler or a submitted job runs, and every
//! change under a lock is one push, pop or assignment (the one user code
//! run under a lock, `Exchange::send` cloning a message, changes nothing if
//! it panics), so a lock poisoned by a panicking thread never guards
//! half-written data. And an
//! actor that panics must not take its mailbox, or the caller waiting for
//! its answer, down with it: that is the point of the lesson's panic
//! section, `a_panic_reaches_the_waiter_and_join`.
//!
//! # What the compiler checks in a tagged actor
//!
//! Python's tagged actor dispatches on a string: `getattr(self, "do_" + tag)`.
//! A tag with no method, or a payload of the wrong shape, is found at run
//! time, inside the actor's thread, which dies of it. In Rust the tags are an
//! enum and the dispatch is a `match`; both mistakes stop the build instead.
//! `tests/wont_compile.rs` checks that they still do, with `trybuild`: each
//! program under `tests/wont_compile/` must fail with the error recorded in
//! the `.stderr` file beside it (`error[E0004]` for a missing handler,
//! `error[E0061]` and `error[E0308]` for a wrong payload, `error[E0308]` for
//! a message of the wrong type, `error[E0382]` for a promise delivered twice).

mod actor;
mod exchange;
mod fast;
mod mailbox;
mod result;
pub mod verdict;
mod worker;

pub use actor::{Actor, ActorPanicked, Address, Inbox, mailbox};
pub use exchange::{Exchange, Exchanges, SubscriberId, Subscription};
pub use fast::{FastHandle, FastWorker, HandoffCounts, Notify, Tuning};
pub use mailbox::{Closed, Mailbox};
pub use result::{JobError, Promise, ResultHandle, result_handle};
pub use worker::Worker;

/// How long one call of `f` takes: `f` is run in `batches` batches of
/// `calls` calls each, and the fastest batch counts, divided by `calls`. The
/// fastest batch is the one least disturbed by other work on the machine, so
/// the figure is steady enough to compare two things on a busy machine; the
/// benchmarks measure properly.
///
/// ```
/// use std::time::Duration;
///
/// let per_call = actors::time_per_call(3, 10, || std::thread::sleep(Duration::from_micros(100)));
/// assert!(per_call >= Duration::from_micros(100));
/// ```
pub fn time_per_call(batches: u32, calls: u32, mut f: impl FnMut()) -> std::time::Duration {
    (0..batches.max(1))
        .map(|_| {
            let started = std::time::Instant::now();
            for _ in 0..calls {
                f();
            }
            started.elapsed() / calls.max(1)
        })
        .min()
        .unwrap_or_default()
}
