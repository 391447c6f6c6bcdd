//! The exercises of the `async-and-threads` lesson
//! (book/src/async-and-threads.md): each module is a file you edit, checked
//! by `cargo xtask learn check <name>`:
//!
//! - `async-and-threads-offload`: [`offload`], blocking calls made from
//!   async code without stalling the event loop (`spawn_blocking`);
//! - `async-and-threads-slow-poll`: [`slow_poll`], `WarnSlowPoll`, a
//!   wrapper future that reports the polls that held the thread too long;
//! - `async-and-threads-channel`: [`channel`], a plain thread feeding a task
//!   through a tokio channel.
//!
//! With `--features solutions` each module is the answer from
//! `solutions/` instead. [`ticker`], [`blocking_lookup`]
//! and [`report`] are given: the tests and your code use them.
//!
//! There is no `sync` shim and no loom model here: the primitives between
//! threads and tasks are tokio's.
#![cfg_attr(not(feature = "solutions"), allow(clippy::todo, unused))]

#[cfg_attr(feature = "solutions", path = "../solutions/channel.rs")]
pub mod channel;
#[cfg_attr(feature = "solutions", path = "../solutions/offload.rs")]
pub mod offload;
#[cfg_attr(feature = "solutions", path = "../solutions/slow_poll.rs")]
pub mod slow_poll;

use std::thread::{self, ThreadId};
use std::time::Duration;

/// A blocking function, as in the lesson's "Blocking code runs on the
/// blocking pool": it holds its thread for `pause` (a file read, a database
/// driver), then answers `key * key` and says which thread it ran on.
///
/// ```
/// use std::time::Duration;
/// let (value, ran_on) = async_and_threads_exercises::blocking_lookup(7, Duration::ZERO);
/// assert_eq!((value, ran_on), (49, std::thread::current().id()));
/// ```
pub fn blocking_lookup(key: u64, pause: Duration) -> (u64, ThreadId) {
    thread::sleep(pause);
    (key * key, thread::current().id())
}

pub mod ticker {
    //! A task that should tick on time, and how late it was (as in the
    //! lesson's "A blocking call stalls the event loop" and "spawn_blocking
    //! keeps the loop on time"): on a free event loop a millisecond or so
    //! late; on a loop that another task holds, as long as that task holds
    //! it.

    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::{Duration, Instant};

    use tokio::sync::oneshot;
    use tokio::task::JoinHandle;

    /// How late a ticker woke, over all its ticks.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct Lateness {
        /// The latest any tick woke after the time it asked for.
        pub worst: Duration,
        /// How many ticks it took.
        pub ticks: u32,
    }

    /// A ticker task on the current runtime.
    #[derive(Debug)]
    pub struct Ticker {
        stop: Arc<AtomicBool>,
        task: JoinHandle<Lateness>,
    }

    impl Ticker {
        /// Spawns the ticker, and returns once it has ticked once: from
        /// then on it is always waiting for a tick due within `period`.
        pub async fn start(period: Duration) -> Ticker {
            let stop = Arc::new(AtomicBool::new(false));
            let (ticked, first_tick) = oneshot::channel();
            let task = tokio::spawn(tick(period, Arc::clone(&stop), ticked));
            first_tick
                .await
                .expect("the ticker ticks once before anything can stop it");
            Ticker { stop, task }
        }

        /// Stops the ticker after its next tick; returns how late it was.
        pub async fn stop(self) -> Lateness {
            self.stop.store(true, Ordering::Relaxed);
            self.task.await.expect("the ticker does not panic")
        }
    }

    async fn tick(
        period: Duration,
        stop: Arc<AtomicBool>,
        ticked: oneshot::Sender<()>,
    ) -> Lateness {
        let mut lateness = Lateness {
            worst: Duration::ZERO,
            ticks: 0,
        };
        let mut ticked = Some(ticked);
        loop {
            let due = Instant::now() + period;
            tokio::time::sleep_until(due.into()).await;
            lateness.worst = lateness.worst.max(due.elapsed());
            lateness.ticks += 1;
            if let Some(ticked) = ticked.take() {
                let _ = ticked.send(());
            }
            if stop.load(Ordering::Relaxed) {
                return lateness;
            }
        }
    }
}

pub mod report {
    //! What `WarnSlowPoll` reports, and where: given, so that the tests can
    //! read the reports.

    use std::fmt;
    use std::sync::{Arc, Mutex, PoisonError};
    use std::time::Duration;

    /// One poll that held its thread for longer than the threshold.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct SlowPoll {
        /// The name the task was given.
        pub task: String,
        /// Which poll of the task it was, counting from 1.
        pub poll: u32,
        /// How long the poll took.
        pub took: Duration,
        /// The threshold it went over.
        pub threshold: Duration,
    }

    impl fmt::Display for SlowPoll {
        /// The report, in the words of asyncio's debug-mode warning.
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(
                f,
                "Executing <Task {:?}> took {:.3?} in poll {}, over the threshold of {:?}",
                self.task, self.took, self.poll, self.threshold
            )
        }
    }

    /// Where the reports go: shared by every wrapper it is given to (a
    /// clone shares the same list), read once the tasks are done.
    #[derive(Debug, Clone, Default)]
    pub struct SlowPollLog {
        reports: Arc<Mutex<Vec<SlowPoll>>>,
    }

    impl SlowPollLog {
        /// Adds a report.
        pub fn push(&self, report: SlowPoll) {
            self.reports
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(report);
        }

        /// The reports so far, in the order they were pushed.
        pub fn reports(&self) -> Vec<SlowPoll> {
            self.reports
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .clone()
        }
    }
}
