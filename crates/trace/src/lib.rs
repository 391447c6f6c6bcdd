//! The course's timeline recorder: what a lesson's threads did, and when,
//! written as a [Chrome trace] that `cargo xtask pictures` draws as an SVG
//! for the book (and that opens as it is in [Perfetto] or `chrome://tracing`).
//!
//! **Off unless recording.** Nothing is recorded unless the environment
//! variable [`ENV`] (`COURSE_TRACE`) names a file when the program first
//! asks. Off, every call costs one relaxed atomic load and a branch, and
//! [`work`] one more branch per item; nothing is allocated, no clock is read,
//! and nothing is ever written to stdout (a lesson's stdout is its snapshot).
//! On, the trace is written when the program ends (`atexit`), or at
//! [`finish`]. A `{pid}` in the file name is replaced by the process id, so
//! the processes of one program can each write a file of their own
//! (`cargo xtask pictures` merges them).
//!
//! **What it records**, on one lane per thread (named after the thread, or
//! by [`name_thread`]):
//!
//! - [`running`]: a span of work, named; [`work`]: an iterator whose items
//!   are work, timed in slices with the thread's own CPU time, so that the
//!   time a thread spent *not* running (preempted for another thread, or, in
//!   Python, waiting for the GIL) shows as such, not as work;
//! - [`waiting`]: a span blocked on something, of a [`Wait`] kind (a lock, a
//!   condition variable, I/O, a join, a sleep);
//! - [`holding`]: a span holding a lock;
//! - [`region`]: a stretch of the program a picture shows (its time window);
//! - [`flow_out`] / [`flow_in`]: a hand-off from one thread to another (a
//!   put and the get that takes it, a notify and the wake-up), matched by an
//!   id; [`instant`]: a moment;
//! - [`child`]: a lane for a child process that records nothing itself
//!   (`sleep`), where its parent draws the child's life, spawn to reaping.
//!
//! Spans are guards: the span ends when the guard is dropped.
//!
//! ```
//! use std::time::Duration;
//!
//! let _shown = trace::region("two sleeps");
//! std::thread::scope(|scope| {
//!     scope.spawn(|| {
//!         let _asleep = trace::waiting(trace::Wait::Sleep, "sleep");
//!         std::thread::sleep(Duration::from_millis(1));
//!     });
//!     let sum: u64 = trace::work(1..=1000u64).sum();
//!     assert_eq!(sum, 500_500);
//! });
//! ```
//!
//! The same recorder for the Python side, standard library only, is
//! `crates/trace/python/course_trace.py`; it writes the same events.
//!
//! [Chrome trace]: https://docs.google.com/document/d/1CvAClvFfyA5R-PhYUmn5OOQtYMH4h6I0nSsKchNAySU
//! [Perfetto]: https://ui.perfetto.dev

mod child;
mod json;
mod lane;
mod recorder;
mod span;
mod work;

pub use child::{Child, child};
pub use recorder::{ENV, finish, flow_in, flow_out, instant, name_thread, on, record_to};
pub use span::{Span, Wait, holding, region, running, waiting};
pub use work::{SLICE, Work, work, work_every};

#[doc(hidden)]
pub use recorder::clear;
