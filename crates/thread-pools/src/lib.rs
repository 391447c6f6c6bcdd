//! A thread pool built by hand, in four small steps, and what the lesson needs
//! around it.
//!
//! 1. [`Channel`]: a queue that any number of threads can send to and receive
//!    from, closed once and drained after. The pool's workers pull their jobs
//!    from one.
//! 2. [`ThreadPool`]: a fixed number of worker threads, each running a loop
//!    that receives a boxed job and runs it, until the channel is closed and
//!    empty. Dropping the pool (or calling [`ThreadPool::shutdown`]) closes the
//!    channel, lets the workers finish every job already queued, and joins
//!    every worker.
//! 3. [`JobHandle`]: what [`ThreadPool::submit`] returns, Python's `Future`.
//!    Its [`result`](JobHandle::result) blocks until the job has run, and an
//!    error *or a panic* in the job comes back as an `Err`; the worker that ran
//!    it carries on with the next job.
//! 4. [`as_completed`]: hands back many jobs' results in the order they
//!    finish, like `concurrent.futures.as_completed`.
//!
//! [`Gauge`] counts how many jobs are running at once and remembers the most
//! it ever saw, so the lesson can *show* that a pool of N never runs more
//! than N jobs at once instead of assuming it.
//!
//! One file per step: `channel.rs`, `pool.rs`, `handle.rs` (with
//! [`ThreadPool::submit`]), `as_completed.rs`, and `gauge.rs`; [`cost`]
//! measures what a thread costs (`a_thread_costs_time_and_memory`, in
//! `main.rs`), [`net`] is the servers and clients of the echo server and
//! the page fetcher, [`verdict`] the checks behind every `yes` and `no` the
//! lesson prints.
//!
//! The primitives take their synchronisation types from `kit::sync`, std's
//! in a normal build and loom's under `--cfg loom`, so `tests/loom.rs` can
//! run the same code under the loom model checker.
//!
//! ```
//! use thread_pools::ThreadPool;
//!
//! let pool = ThreadPool::new(2).expect("two workers");
//! let answer = pool.submit(|| "42".parse::<u32>());
//! let broken = pool.submit(|| "forty-two".parse::<u32>());
//! assert_eq!(answer.result().ok(), Some(42));
//! assert!(broken.result().is_err());
//! ```

mod as_completed;
mod channel;
pub mod cost;
mod gauge;
mod handle;
pub mod net;
mod pool;
pub mod verdict;

pub use as_completed::{AsCompleted, as_completed};
pub use channel::Channel;
pub use gauge::{Gauge, Inside};

pub use handle::{JobError, JobHandle};
pub use pool::{PoolError, Shutdown, ThreadPool};
