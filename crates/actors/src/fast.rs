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
//!   its core to another thread a few times. A round trip is short: the answer usually comes while the caller is still
//!   spinning, and the next job while the worker is, so neither goes to
//!   sleep and neither has to be woken, which is where the `Worker`'s time
//!   went (two cross-core wake-ups per round trip).
//!
//! Both hand-offs are one generic `Handoff`, a `Mutex` and a `Condvar` like
//! every primitive in the crate, with counters kept under its lock: how many
//! takes found their value without sleeping, how many slept, how many
//! notifications were sent, and how many of those found nobody asleep. The
//! last is the lesson's verdict; [`Notify::Always`] (what `Mailbox` and
//! `Promise` do) is its control.

use std::fmt;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

use crate::actor::ActorPanicked;
use crate::mailbox::Closed;
use crate::panic_message;
use crate::result::JobError;
use crate::sync::{Arc, AtomicBool, Condvar, Mutex, Ordering, lock, spin_once, thread, wait};

// ANCHOR: tuning
/// When a hand-off wakes its waiter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notify {
    /// Only when the waiter said, under the lock, that it sleeps: this step.
    Sleepers,
    /// On every hand-off, asleep or not: what [`Mailbox`](crate::Mailbox)
    /// and [`Promise`](crate::Promise) do. The control.
    Always,
}

/// How a [`FastWorker`]'s hand-offs wait and wake.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tuning {
    /// How many turns a waiter spins, watching for the value, before it
    /// sleeps (at most one under loom, which explores every turn).
    pub spins: u32,
    /// Then how many times it yields its core before it sleeps (none under
    /// loom).
    pub yields: u32,
    pub notify: Notify,
}

impl Tuning {
    /// This step: spin 100 turns (about 5 µs on the course's machine, where
    /// a round trip between two running threads takes under 1 µs), yield
    /// the core 20 times (on a loaded machine the other side may be waiting
    /// for it), then sleep; notify only a sleeper.
    pub const FAST: Tuning = Tuning {
        spins: 100,
        yields: 20,
        notify: Notify::Sleepers,
    };
    /// The `Worker`'s way: sleep at once, notify every time.
    pub const PLAIN: Tuning = Tuning {
        spins: 0,
        yields: 0,
        notify: Notify::Always,
    };
}
// ANCHOR_END: tuning

/// What a hand-off did, counted under its lock.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HandoffCounts {
    /// Values taken.
    pub taken: u64,
    /// Takes that found the value at once or while spinning.
    pub caught_spinning: u64,
    /// Takes that found it while yielding their core: the other side
    /// needed the core to deliver (both threads on one core).
    pub caught_yielding: u64,
    /// Takes that slept at least once.
    pub slept: u64,
    /// `notify_one` calls.
    pub notified: u64,
    /// `notify_one` calls made while nobody was asleep: wasted.
    pub notified_nobody: u64,
}

/// The counters, shared by every hand-off of one kind (all of a worker's
/// result handles add to one set). Atomics only so that many hand-offs can
/// add to them; each is added to under the lock of the hand-off it counts.
#[derive(Default)]
struct Counters {
    taken: AtomicU64,
    caught_spinning: AtomicU64,
    caught_yielding: AtomicU64,
    slept: AtomicU64,
    notified: AtomicU64,
    notified_nobody: AtomicU64,
}

impl Counters {
    fn read(&self) -> HandoffCounts {
        HandoffCounts {
            taken: self.taken.load(Relaxed),
            caught_spinning: self.caught_spinning.load(Relaxed),
            caught_yielding: self.caught_yielding.load(Relaxed),
            slept: self.slept.load(Relaxed),
            notified: self.notified.load(Relaxed),
            notified_nobody: self.notified_nobody.load(Relaxed),
        }
    }
}

/// What a hand-off holds: a queue, or one outcome.
trait Slot {
    type Out;
    /// Takes the next value out, if there is one.
    fn take(&mut self) -> Option<Self::Out>;
    /// Whether [`take`](Slot::take) would find something.
    fn is_ready(&self) -> bool;
}

// ANCHOR: handoff
/// A `Mutex` and a `Condvar` that wake only a sleeper, and a flag to spin
/// on: one waiting thread, any number of delivering ones.
struct Handoff<S> {
    locked: Mutex<Locked<S>>,
    woken: Condvar,
    /// `slot.is_ready()`, copied out under the lock after every change, so
    /// a waiter can spin on it without taking the lock.
    ready: AtomicBool,
    tuning: Tuning,
    counters: Arc<Counters>,
}

struct Locked<S> {
    slot: S,
    /// The waiter is in `wait` and nobody has notified it yet.
    asleep: bool,
}

impl<S: Slot> Handoff<S> {
    /// Changes the slot with `put`; if it succeeds, wakes the waiter, but
    /// only if it sleeps (with [`Notify::Sleepers`]).
    fn put<R, E>(&self, put: impl FnOnce(&mut S) -> Result<R, E>) -> Result<R, E> {
        let mut locked = lock(&self.locked);
        let done = put(&mut locked.slot)?;
        self.ready.store(locked.slot.is_ready(), Ordering::Release);
        let notify = locked.asleep || self.tuning.notify == Notify::Always;
        if notify {
            self.counters.notified.fetch_add(1, Relaxed);
            if !locked.asleep {
                self.counters.notified_nobody.fetch_add(1, Relaxed);
            }
            // Claimed: a second put before the waiter wakes notifies no more.
            locked.asleep = false;
        }
        drop(locked);
        // Outside the lock, so the woken waiter does not wake into a held
        // lock. It cannot miss this: it is asleep, and stays so until now.
        if notify {
            self.woken.notify_one();
        }
        Ok(done)
    }

    /// Takes the next value: spins on `ready` for a while, then sleeps until
    /// a `put` wakes it.
    fn take(&self) -> S::Out {
        let yielded = self.spin_until_ready();
        let mut locked = lock(&self.locked);
        let mut slept = false;
        loop {
            if let Some(out) = locked.slot.take() {
                self.ready.store(locked.slot.is_ready(), Ordering::Release);
                self.counters.taken.fetch_add(1, Relaxed);
                let counter = if slept {
                    &self.counters.slept
                } else if yielded {
                    &self.counters.caught_yielding
                } else {
                    &self.counters.caught_spinning
                };
                counter.fetch_add(1, Relaxed);
                return out;
            }
            // Said under the lock, so a `put` either comes before this (and
            // `take` above found its value) or sees it and notifies.
            locked.asleep = true;
            slept = true;
            locked = wait(&self.woken, locked);
            locked.asleep = false; // woken, or a spurious wake-up: awake now
        }
    }

    /// Watches `ready`, without the lock: `spins` turns of a spin loop,
    /// then `yields` offers of the core to another thread. It only saves a
    /// sleep: `take` looks under the lock afterwards, ready or not. Returns
    /// whether it got as far as yielding.
    fn spin_until_ready(&self) -> bool {
        let (spins, yields) = if cfg!(loom) {
            (self.tuning.spins.min(1), 0)
        } else {
            (self.tuning.spins, self.tuning.yields)
        };
        for turn in 0..spins + yields {
            if self.ready.load(Ordering::Acquire) {
                return turn > spins;
            }
            if turn < spins {
                spin_once();
            } else {
                thread::yield_now();
            }
        }
        yields > 0
    }
}
// ANCHOR_END: handoff

impl<S> Handoff<S> {
    fn new(slot: S, tuning: Tuning, counters: Arc<Counters>) -> Self {
        Self {
            locked: Mutex::new(Locked {
                slot,
                asleep: false,
            }),
            woken: Condvar::new(),
            ready: AtomicBool::new(false),
            tuning,
            counters,
        }
    }
}

/// The worker's mailbox: jobs in order, and a closed flag.
struct Jobs {
    queue: std::collections::VecDeque<Job>,
    closed: bool,
}

impl Slot for Jobs {
    /// `None`: closed and empty, the end.
    type Out = Option<Job>;
    fn take(&mut self) -> Option<Option<Job>> {
        match self.queue.pop_front() {
            Some(job) => Some(Some(job)),
            None if self.closed => Some(None),
            None => None,
        }
    }
    fn is_ready(&self) -> bool {
        self.closed || !self.queue.is_empty()
    }
}

/// One job's outcome, until the caller takes it.
struct Outcome<T>(Option<Result<T, JobError>>);

impl<T> Slot for Outcome<T> {
    type Out = Result<T, JobError>;
    fn take(&mut self) -> Option<Self::Out> {
        self.0.take()
    }
    fn is_ready(&self) -> bool {
        self.0.is_some()
    }
}

type Job = Box<dyn FnOnce() + Send>;

// ANCHOR: fast_worker
/// The [`Worker`](crate::Worker), with both hand-offs waking only a sleeper: same
/// `submit`, same answers, same panic reports; fewer wake-ups.
///
/// ```
/// use actors::{FastWorker, Tuning};
///
/// let worker = FastWorker::spawn("fast", Tuning::FAST);
/// let eight = worker.submit(|| 2_i32.pow(3)).unwrap();
/// assert_eq!(eight.result(), Ok(8));
/// let counts = worker.result_counts();
/// assert_eq!(counts.taken, 1);
/// assert_eq!(counts.notified_nobody, 0); // never a wasted wake-up
/// worker.join().unwrap();
/// ```
pub struct FastWorker {
    name: String,
    jobs: Arc<Handoff<Jobs>>,
    tuning: Tuning,
    result_counters: Arc<Counters>,
    /// `Some` until [`join`](FastWorker::join) or `drop` joins it.
    thread: Option<thread::JoinHandle<()>>,
}

/// What [`FastWorker::submit`] returns: [`result`](FastHandle::result)
/// waits for the job's outcome.
pub struct FastHandle<T> {
    outcome: Arc<Handoff<Outcome<T>>>,
}
// ANCHOR_END: fast_worker

/// The job's side of a [`FastHandle`]: delivers once; dropped undelivered,
/// it delivers [`JobError::NotRun`].
struct FastPromise<T> {
    outcome: Option<Arc<Handoff<Outcome<T>>>>,
}

impl<T> FastPromise<T> {
    fn deliver(&mut self, result: Result<T, JobError>) {
        if let Some(outcome) = self.outcome.take() {
            let delivered: Result<(), ()> = outcome.put(|slot| {
                slot.0 = Some(result);
                Ok(())
            });
            debug_assert!(delivered.is_ok());
        }
    }
}

impl<T> Drop for FastPromise<T> {
    fn drop(&mut self) {
        self.deliver(Err(JobError::NotRun));
    }
}

impl<T> FastHandle<T> {
    /// Waits for the job's outcome: the value, or why there is none.
    pub fn result(self) -> Result<T, JobError> {
        self.outcome.take()
    }
}

impl FastWorker {
    /// Starts a worker on a new thread called `name`, its hand-offs tuned
    /// by `tuning`.
    ///
    /// # Panics
    ///
    /// If the operating system cannot start a thread.
    pub fn spawn(name: &str, tuning: Tuning) -> Self {
        let jobs = Arc::new(Handoff::new(
            Jobs {
                queue: std::collections::VecDeque::new(),
                closed: false,
            },
            tuning,
            Arc::default(),
        ));
        let thread = thread::Builder::new()
            .name(name.to_owned())
            .spawn({
                let jobs = Arc::clone(&jobs);
                move || {
                    // However the thread ends, the mailbox closes and the
                    // jobs left in it are dropped, each telling its waiter
                    // `NotRun`.
                    let _on_exit = CloseOnExit(Arc::clone(&jobs));
                    while let Some(job) = jobs.take() {
                        job();
                    }
                }
            })
            .expect("the operating system can start a thread");
        Self {
            name: name.to_owned(),
            jobs,
            tuning,
            result_counters: Arc::default(),
            thread: Some(thread),
        }
    }

    /// Sends `f` to the worker and returns a handle to its result; refused
    /// with [`Closed`] once the worker is closed or has ended.
    pub fn submit<T, F>(&self, f: F) -> Result<FastHandle<T>, Closed>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let outcome = Arc::new(Handoff::new(
            Outcome(None),
            self.tuning,
            Arc::clone(&self.result_counters),
        ));
        let mut promise = FastPromise {
            outcome: Some(Arc::clone(&outcome)),
        };
        let job: Job = Box::new(move || {
            // As the `Worker`'s `run_and_report`: a panic is told to the
            // waiter, then goes on unwinding to end the worker.
            match panic::catch_unwind(AssertUnwindSafe(f)) {
                Ok(value) => promise.deliver(Ok(value)),
                Err(payload) => {
                    promise.deliver(Err(JobError::Panicked(panic_message(&*payload))));
                    panic::resume_unwind(payload);
                }
            }
        });
        self.jobs.put(|jobs| {
            if jobs.closed {
                Err(Closed(()))
            } else {
                jobs.queue.push_back(job);
                Ok(())
            }
        })?;
        Ok(FastHandle { outcome })
    }

    /// Closes the worker's mailbox: jobs already submitted still run.
    pub fn close(&self) {
        let closed: Result<(), ()> = self.jobs.put(|jobs| {
            jobs.closed = true;
            Ok(())
        });
        debug_assert!(closed.is_ok());
    }

    /// Closes the worker, waits for the jobs already submitted, and reports
    /// whether a job panicked (which ended the worker).
    pub fn join(mut self) -> Result<(), ActorPanicked> {
        self.close();
        let thread = self
            .thread
            .take()
            .expect("only `join` and `drop` take the thread, and `join` consumes the worker");
        thread.join().map_err(|payload| ActorPanicked {
            actor: self.name.clone(),
            message: panic_message(&*payload),
        })
    }

    /// What the mailbox's hand-offs did so far (jobs taken by the worker).
    pub fn mailbox_counts(&self) -> HandoffCounts {
        self.jobs.counters.read()
    }

    /// What the result handles' hand-offs did so far (answers taken by
    /// callers).
    pub fn result_counts(&self) -> HandoffCounts {
        self.result_counters.read()
    }
}

/// A worker dropped without [`join`](FastWorker::join) is closed and joined
/// here; a panic it had is raised again, as [`Actor`](crate::Actor)'s drop
/// does, unless this thread is panicking already.
impl Drop for FastWorker {
    fn drop(&mut self) {
        let Some(thread) = self.thread.take() else {
            return; // joined already
        };
        self.close();
        if let Err(payload) = thread.join()
            && !std::thread::panicking()
        {
            panic!(
                "a worker was dropped without `join`, and it had panicked: {}",
                panic_message(&*payload)
            );
        }
    }
}

/// Closes the mailbox when the worker's thread ends, and drops what is left
/// in it outside the lock.
struct CloseOnExit(Arc<Handoff<Jobs>>);

impl Drop for CloseOnExit {
    fn drop(&mut self) {
        let left: Result<_, ()> = self.0.put(|jobs| {
            jobs.closed = true;
            Ok(std::mem::take(&mut jobs.queue))
        });
        drop(left);
    }
}

impl fmt::Debug for FastWorker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FastWorker")
            .field("name", &self.name)
            .field("tuning", &self.tuning)
            .finish_non_exhaustive()
    }
}

impl<T> fmt::Debug for FastHandle<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FastHandle").finish_non_exhaustive()
    }
}
