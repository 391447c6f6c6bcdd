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
//! Everything here takes its synchronisation types from the `sync` shim below,
//! so `tests/loom.rs` can run the same code under the loom model checker.
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

pub mod cost;
pub mod net;
pub mod verdict;

use std::collections::VecDeque;
use std::fmt;
use std::io;
use std::panic::{self, AssertUnwindSafe};

use sync::{Arc, AtomicUsize, Condvar, Mutex, MutexGuard, Ordering, thread};

/// The synchronisation types the primitives use: std's normally, loom's under
/// `--cfg loom`, so the model tests check the code that really runs.
mod sync {
    #[cfg(loom)]
    pub(crate) use loom::sync::atomic::{AtomicUsize, Ordering};
    #[cfg(loom)]
    pub(crate) use loom::sync::{Arc, Condvar, Mutex, MutexGuard};
    #[cfg(loom)]
    pub(crate) use loom::thread;

    #[cfg(not(loom))]
    pub(crate) use std::sync::atomic::{AtomicUsize, Ordering};
    #[cfg(not(loom))]
    pub(crate) use std::sync::{Arc, Condvar, Mutex, MutexGuard};
    #[cfg(not(loom))]
    pub(crate) use std::thread;
}

/// Locks `mutex`, ignoring poisoning: no code in this crate panics while it
/// holds one of its own locks (jobs run with no lock held), so the data
/// behind a poisoned lock would still be consistent.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Waits on `condvar`, ignoring poisoning for the same reason as [`lock`].
fn wait<'a, T>(condvar: &Condvar, guard: MutexGuard<'a, T>) -> MutexGuard<'a, T> {
    condvar
        .wait(guard)
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

// ANCHOR: channel
/// A queue that many threads can send to and receive from (std's
/// `mpsc::Receiver` has one owner; the Rust Book shares it behind a `Mutex`,
/// crossbeam's receiver can be cloned; this is the twenty lines inside).
///
/// [`recv`](Channel::recv) blocks while the channel is empty and open. After
/// [`close`](Channel::close), sends are refused, but what is already queued is
/// still handed out; `recv` returns `None` only once the channel is closed
/// *and* empty. That is what lets a pool finish its queued jobs on shutdown.
///
/// ```
/// use thread_pools::Channel;
///
/// let channel = Channel::new();
/// channel.send(1).expect("open");
/// channel.send(2).expect("open");
/// channel.close();
/// assert_eq!(channel.send(3), Err(3)); // refused: closed
/// assert_eq!(channel.recv(), Some(1)); // but what was queued is delivered
/// assert_eq!(channel.recv(), Some(2));
/// assert_eq!(channel.recv(), None); // closed and empty: the end
/// ```
pub struct Channel<T> {
    state: Mutex<ChannelState<T>>,
    /// Signalled when an item arrives or the channel closes.
    changed: Condvar,
}

struct ChannelState<T> {
    items: VecDeque<T>,
    closed: bool,
}

impl<T> Channel<T> {
    pub fn new() -> Self {
        Channel {
            state: Mutex::new(ChannelState {
                items: VecDeque::new(),
                closed: false,
            }),
            changed: Condvar::new(),
        }
    }

    /// Queues `item`, or hands it back if the channel is closed.
    pub fn send(&self, item: T) -> Result<(), T> {
        let mut state = lock(&self.state);
        if state.closed {
            return Err(item);
        }
        state.items.push_back(item);
        drop(state);
        // One item, one receiver to wake.
        self.changed.notify_one();
        Ok(())
    }

    /// The next item, waiting for one if need be; `None` once the channel is
    /// closed and empty.
    pub fn recv(&self) -> Option<T> {
        let mut state = lock(&self.state);
        loop {
            if let Some(item) = state.items.pop_front() {
                return Some(item);
            }
            if state.closed {
                return None;
            }
            // In a loop: a wake-up is a hint to look again, never a promise.
            state = wait(&self.changed, state);
        }
    }

    /// Refuses further sends and wakes every waiting receiver, so each one
    /// drains what is left and then sees the end.
    pub fn close(&self) {
        lock(&self.state).closed = true;
        self.changed.notify_all();
    }
}
// ANCHOR_END: channel

impl<T> Default for Channel<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> fmt::Debug for Channel<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = lock(&self.state);
        f.debug_struct("Channel")
            .field("queued", &state.items.len())
            .field("closed", &state.closed)
            .finish()
    }
}

// ANCHOR: pool
/// A job as the workers see it: any closure they can run once, on another
/// thread. `submit` wraps the caller's closure into one of these.
type Job = Box<dyn FnOnce() + Send + 'static>;

/// A fixed set of worker threads that run submitted jobs, Python's
/// `ThreadPoolExecutor(max_workers=size)`.
///
/// At most `size` jobs run at once; the rest wait in the pool's channel.
///
/// **Shutdown.** Dropping the pool, or calling [`shutdown`](Self::shutdown),
/// closes the channel, **finishes every job already queued** (nothing
/// submitted is thrown away), and **joins every worker** before returning:
/// when `drop` returns, no thread of the pool is left running. (Python's
/// `with ThreadPoolExecutor(...)` does the same; `shutdown(cancel_futures=True)`
/// would discard the queue, which this pool never does.) No job can be
/// submitted after that: `submit` borrows the pool, and drop needs it whole.
/// (So do not hand a job an `Arc` of its own pool: if the job held the last
/// one, a worker would end up waiting to join itself.)
///
/// ```
/// use std::convert::Infallible;
/// use thread_pools::{Shutdown, ThreadPool};
///
/// let pool = ThreadPool::new(2).expect("two workers");
/// for n in 0..5 {
///     let _ = pool.submit(move || Ok::<_, Infallible>(n * n));
/// }
/// // Whatever was still queued runs before the workers are joined.
/// assert_eq!(pool.shutdown(), Shutdown { workers_joined: 2, jobs_run: 5 });
/// ```
pub struct ThreadPool {
    jobs: Arc<Channel<Job>>,
    /// Each worker returns how many jobs it ran.
    workers: Vec<thread::JoinHandle<usize>>,
}

impl ThreadPool {
    /// Starts `size` workers, named `pool-worker-0`, `pool-worker-1`, ...
    pub fn new(size: usize) -> Result<ThreadPool, PoolError> {
        if size == 0 {
            return Err(PoolError::NoWorkers);
        }
        let mut pool = ThreadPool {
            jobs: Arc::new(Channel::new()),
            workers: Vec::with_capacity(size),
        };
        for id in 0..size {
            let jobs = Arc::clone(&pool.jobs);
            let worker = thread::Builder::new()
                .name(format!("pool-worker-{id}"))
                .spawn(move || work(&jobs))
                // On `?`, `pool` is dropped: the workers already started are
                // shut down and joined, not leaked.
                .map_err(PoolError::Spawn)?;
            pool.workers.push(worker);
        }
        Ok(pool)
    }

    /// How many workers the pool has.
    pub fn size(&self) -> usize {
        self.workers.len()
    }
}

/// A worker's whole life: take the next job, run it, repeat; stop when the
/// channel is closed and empty. Jobs cannot panic out of here: `submit`
/// wraps each one in `catch_unwind`.
fn work(jobs: &Channel<Job>) -> usize {
    let mut ran = 0;
    while let Some(job) = jobs.recv() {
        job();
        ran += 1;
    }
    ran
}
// ANCHOR_END: pool

// ANCHOR: shutdown
/// What [`ThreadPool::shutdown`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Shutdown {
    /// Workers joined: every worker the pool started.
    pub workers_joined: usize,
    /// Jobs the workers ran, all together, over the pool's life.
    pub jobs_run: usize,
}

impl ThreadPool {
    /// Closes the pool: finishes the queued jobs, joins every worker, and
    /// reports what they did. Dropping the pool does the same, silently.
    pub fn shutdown(mut self) -> Shutdown {
        self.close_and_join()
    }

    fn close_and_join(&mut self) -> Shutdown {
        self.jobs.close();
        let mut report = Shutdown::default();
        for worker in self.workers.drain(..) {
            // `join` returns `Err` only if the worker panicked, and it cannot:
            // every job runs under `catch_unwind`.
            if let Ok(ran) = worker.join() {
                report.jobs_run += ran;
            }
            report.workers_joined += 1;
        }
        report
    }
}

impl Drop for ThreadPool {
    fn drop(&mut self) {
        self.close_and_join();
    }
}
// ANCHOR_END: shutdown

impl fmt::Debug for ThreadPool {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ThreadPool")
            .field("size", &self.size())
            .field("jobs", &self.jobs)
            .finish()
    }
}

/// Why a pool could not be made.
#[derive(Debug)]
pub enum PoolError {
    /// A pool of zero workers would accept jobs and never run them.
    NoWorkers,
    /// The operating system refused to start a worker thread.
    Spawn(io::Error),
}

impl fmt::Display for PoolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PoolError::NoWorkers => write!(f, "a pool needs at least one worker"),
            PoolError::Spawn(err) => write!(f, "could not start a worker thread: {err}"),
        }
    }
}

impl std::error::Error for PoolError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            PoolError::NoWorkers => None,
            PoolError::Spawn(err) => Some(err),
        }
    }
}

impl From<PoolError> for io::Error {
    fn from(err: PoolError) -> io::Error {
        match err {
            PoolError::Spawn(err) => err,
            PoolError::NoWorkers => io::Error::new(io::ErrorKind::InvalidInput, err),
        }
    }
}

// ANCHOR: handle
/// How a job can fail, as seen from its [`JobHandle`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobError<E> {
    /// The job returned `Err(e)`: Python's "the function raised".
    Failed(E),
    /// The job panicked; this is the panic's message. The worker survived.
    Panicked(String),
}

/// The result of a submitted job, Python's `concurrent.futures.Future`.
#[must_use = "dropping a JobHandle throws away the job's result and its error"]
pub struct JobHandle<T, E> {
    slot: Arc<Slot<T, E>>,
}

/// Where the worker leaves a job's outcome for its handle: a `Mutex` for the
/// outcome, a `Condvar` to wake whoever waits for it.
struct Slot<T, E> {
    state: Mutex<SlotState<T, E>>,
    done: Condvar,
}

struct SlotState<T, E> {
    outcome: Option<Result<T, JobError<E>>>,
    /// Set by `as_completed`: where to announce that this job has finished.
    watcher: Option<(Arc<Channel<usize>>, usize)>,
}

impl<T, E> JobHandle<T, E> {
    /// Waits until the job has run, and returns what it returned; a panic in
    /// the job comes back as [`JobError::Panicked`].
    pub fn result(self) -> Result<T, JobError<E>> {
        let mut state = lock(&self.slot.state);
        loop {
            if let Some(outcome) = state.outcome.take() {
                return outcome;
            }
            state = wait(&self.slot.done, state);
        }
    }

    /// Whether the job has finished (Python's `future.done()`); never blocks.
    pub fn is_done(&self) -> bool {
        lock(&self.slot.state).outcome.is_some()
    }
}

impl<T, E> Slot<T, E> {
    /// Called once, by the worker, when the job has returned or panicked.
    fn complete(&self, outcome: Result<T, JobError<E>>) {
        let watcher = {
            let mut state = lock(&self.state);
            state.outcome = Some(outcome);
            state.watcher.take()
        };
        self.done.notify_all();
        if let Some((finished, index)) = watcher {
            // `as_completed` never closes its channel, so this cannot be refused.
            let _ = finished.send(index);
        }
    }
}
// ANCHOR_END: handle

// ANCHOR: submit
impl ThreadPool {
    /// Queues `job` to run on one of the workers, and returns its handle at
    /// once. The job returns `Result<T, E>`; its `Err` comes back from
    /// [`JobHandle::result`] as [`JobError::Failed`], and its panic as
    /// [`JobError::Panicked`].
    pub fn submit<T, E, F>(&self, job: F) -> JobHandle<T, E>
    where
        F: FnOnce() -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: Send + 'static,
    {
        let slot = Arc::new(Slot {
            state: Mutex::new(SlotState {
                outcome: None,
                watcher: None,
            }),
            done: Condvar::new(),
        });
        let for_worker = Arc::clone(&slot);
        let wrapped: Job = Box::new(move || {
            // `AssertUnwindSafe`: if `job` panics, whatever it captured is
            // dropped during the unwind and nobody sees it half-changed; state
            // it shares through a `Mutex` is marked poisoned by std.
            let outcome = match panic::catch_unwind(AssertUnwindSafe(job)) {
                Ok(Ok(value)) => Ok(value),
                Ok(Err(err)) => Err(JobError::Failed(err)),
                Err(payload) => Err(JobError::Panicked(panic_message(payload.as_ref()))),
            };
            for_worker.complete(outcome);
        });
        if self.jobs.send(wrapped).is_err() {
            unreachable!("the channel is closed only by shutdown, which needs the pool whole");
        }
        JobHandle { slot }
    }
}

/// The text of a panic: `panic!("literal")` carries a `&str`, a formatted
/// `panic!("{x}")` a `String`; anything else (`panic_any`) has no text.
pub(crate) fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "a panic with no message".to_owned()
    }
}
// ANCHOR_END: submit

// ANCHOR: as_completed
/// Yields each job's `(index, result)` as the job finishes, fastest first;
/// `index` is the handle's position in `handles`.
///
/// Each handle is told where to announce that it finished (a shared
/// [`Channel`] of indices); a handle that finished already announces itself
/// at once. So every handle is yielded exactly once, whichever comes first.
///
/// ```
/// use thread_pools::{as_completed, ThreadPool};
///
/// let pool = ThreadPool::new(2).expect("two workers");
/// let handles: Vec<_> = ["1", "2", "x"]
///     .into_iter()
///     .map(|text| pool.submit(move || text.parse::<u32>()))
///     .collect();
/// let mut seen: Vec<_> = as_completed(handles)
///     .map(|(index, result)| (index, result.is_ok()))
///     .collect();
/// seen.sort(); // completion order varies: sort before comparing
/// assert_eq!(seen, [(0, true), (1, true), (2, false)]);
/// ```
pub fn as_completed<T, E>(handles: impl IntoIterator<Item = JobHandle<T, E>>) -> AsCompleted<T, E> {
    let finished = Arc::new(Channel::new());
    let handles: Vec<_> = handles.into_iter().collect();
    for (index, handle) in handles.iter().enumerate() {
        // Under the slot's lock, the job either has finished (announce it
        // now) or has not (leave the watcher for `complete` to find): it
        // cannot finish in between, so no index is lost or sent twice.
        let mut state = lock(&handle.slot.state);
        if state.outcome.is_some() {
            drop(state);
            let _ = finished.send(index);
        } else {
            state.watcher = Some((Arc::clone(&finished), index));
        }
    }
    AsCompleted {
        remaining: handles.len(),
        handles: handles.into_iter().map(Some).collect(),
        finished,
    }
}

/// The iterator [`as_completed`] returns.
pub struct AsCompleted<T, E> {
    handles: Vec<Option<JobHandle<T, E>>>,
    /// Indices of finished jobs, in the order they finished.
    finished: Arc<Channel<usize>>,
    remaining: usize,
}

impl<T, E> Iterator for AsCompleted<T, E> {
    type Item = (usize, Result<T, JobError<E>>);

    fn next(&mut self) -> Option<Self::Item> {
        if self.remaining == 0 {
            return None;
        }
        let index = self.finished.recv()?;
        let handle = self.handles[index].take()?;
        self.remaining -= 1;
        // The job has finished, so this does not wait.
        Some((index, handle.result()))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}
// ANCHOR_END: as_completed

impl<T, E> ExactSizeIterator for AsCompleted<T, E> {}

impl<T, E> fmt::Debug for JobHandle<T, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JobHandle")
            .field("done", &self.is_done())
            .finish()
    }
}

impl<T, E> fmt::Debug for AsCompleted<T, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AsCompleted")
            .field("remaining", &self.remaining)
            .finish()
    }
}

impl<E: fmt::Display> fmt::Display for JobError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JobError::Failed(err) => write!(f, "failed: {err}"),
            JobError::Panicked(message) => write!(f, "panicked: {message}"),
        }
    }
}

impl<E: fmt::Debug + fmt::Display> std::error::Error for JobError<E> {}

// ANCHOR: gauge
/// Counts how many are inside right now, and remembers the most there ever
/// were at once: a high-water mark.
///
/// ```
/// use thread_pools::Gauge;
///
/// let gauge = Gauge::new();
/// let first = gauge.enter();
/// let second = gauge.enter();
/// drop((first, second));
/// let _third = gauge.enter();
/// assert_eq!((gauge.now(), gauge.peak()), (1, 2));
/// ```
#[derive(Debug, Default)]
pub struct Gauge {
    now: AtomicUsize,
    peak: AtomicUsize,
}

/// Inside the gauge until dropped.
#[derive(Debug)]
#[must_use = "the guard counts as inside only while it is held"]
pub struct Inside<'a>(&'a Gauge);

impl Gauge {
    pub fn new() -> Gauge {
        Gauge {
            now: AtomicUsize::new(0),
            peak: AtomicUsize::new(0),
        }
    }

    pub fn enter(&self) -> Inside<'_> {
        // `fetch_add` returns the count before us: `+ 1` is how many are
        // inside at this instant, us included. Each count is one atomic, so
        // `Relaxed` is enough; whoever reads `peak` after joining the threads
        // is ordered after all of them by the join.
        let inside = self.now.fetch_add(1, Ordering::Relaxed) + 1;
        self.peak.fetch_max(inside, Ordering::Relaxed);
        Inside(self)
    }

    /// How many are inside now.
    pub fn now(&self) -> usize {
        self.now.load(Ordering::Relaxed)
    }

    /// The most that were ever inside at once.
    pub fn peak(&self) -> usize {
        self.peak.load(Ordering::Relaxed)
    }
}

impl Drop for Inside<'_> {
    fn drop(&mut self) {
        self.0.now.fetch_sub(1, Ordering::Relaxed);
    }
}
// ANCHOR_END: gauge

/// `yes` or `no`, for the verdicts the lesson prints.
pub fn yes_no(claim: bool) -> &'static str {
    if claim { "yes" } else { "no" }
}
