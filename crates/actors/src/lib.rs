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
//! [`verdict`] holds the checks behind every `yes`/`no` the lesson prints.
//!
//! Each imports its synchronisation types from a private `sync` module, which
//! swaps in [loom](https://docs.rs/loom)'s under `--cfg loom`: `tests/loom.rs`
//! runs them through every interleaving loom can find.
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
mod sync;
pub mod verdict;
mod worker;

pub use actor::{Actor, ActorPanicked, Address, Inbox, mailbox};
pub use exchange::{Exchange, Exchanges, SubscriberId, Subscription};
pub use fast::{FastHandle, FastWorker, HandoffCounts, Notify, Tuning};
pub use mailbox::{Closed, Mailbox};
pub use result::{JobError, Promise, ResultHandle, result_handle};
pub use worker::Worker;

use std::any::Any;

/// The message a thread panicked with, from the payload that `join` (or
/// `catch_unwind`) returned.
///
/// `panic!("literal")` carries a `&'static str`, `panic!("{x}")` and the
/// runtime's own panics a `String`; any other payload has no message.
///
/// ```
/// # std::panic::set_hook(Box::new(|_| {})); // keep the doc test's stderr quiet
/// let payload = std::panic::catch_unwind(|| panic!("disk {} full", 1)).unwrap_err();
/// assert_eq!(actors::panic_message(&*payload), "disk 1 full");
/// ```
pub fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(message) = payload.downcast_ref::<&str>() {
        (*message).to_owned()
    } else if let Some(message) = payload.downcast_ref::<String>() {
        message.clone()
    } else {
        "(a panic without a message)".to_owned()
    }
}

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
