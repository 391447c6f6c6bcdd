//! [`ResultHandle`] and [`Promise`]: a value one thread will produce and
//! another waits for. The Cookbook's `Result` class (a value and an `Event`),
//! split in two halves so the compiler can check who does what.

use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

use kit::sync::{Arc, Condvar, Mutex, lock, wait};

// ANCHOR: result_handle
/// The waiting half: [`result`](ResultHandle::result) blocks until the value
/// is there. What [`Worker::submit`](crate::Worker::submit) returns; a
/// future, built by hand from a `Mutex` and a `Condvar`.
///
/// ```
/// use std::thread;
///
/// let (promise, handle) = actors::result_handle();
/// thread::spawn(move || promise.set(2_i32.pow(3)));
/// assert_eq!(handle.result(), Ok(8));
/// ```
pub struct ResultHandle<T> {
    shared: Arc<Shared<T>>,
}

/// The producing half: [`set`](Promise::set) it once, with the value, or
/// [`fail`](Promise::fail) it with a panic's message. A promise dropped
/// without either tells the waiter [`JobError::NotRun`], so nobody waits for
/// ever for an answer that cannot come. (The Cookbook's worker dies on an
/// exception, and `r.result()` hangs.)
pub struct Promise<T> {
    /// `None` once `set` or `fail` has delivered, so `drop` knows.
    shared: Option<Arc<Shared<T>>>,
}

struct Shared<T> {
    /// `None` until the outcome arrives; taken by `result`.
    outcome: Mutex<Option<Result<T, JobError>>>,
    /// Notified when the outcome arrives.
    ready: Condvar,
    /// A number of its own, which the chapter's pictures use to join the
    /// answer's hand-off to its wake-up (and the job's, in `Worker::submit`).
    id: u64,
}

/// Why a [`ResultHandle`] has no value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobError {
    /// The job panicked, with this message.
    Panicked(String),
    /// The job was never run: its actor ended (an earlier job panicked)
    /// before reaching it, and it was dropped.
    NotRun,
}
// ANCHOR_END: result_handle

impl fmt::Display for JobError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JobError::Panicked(message) => write!(f, "the job panicked: {message}"),
            JobError::NotRun => f.write_str("the job was never run: its actor had ended"),
        }
    }
}

impl std::error::Error for JobError {}

/// A new, connected [`Promise`] and [`ResultHandle`].
pub fn result_handle<T>() -> (Promise<T>, ResultHandle<T>) {
    // A plain std atomic, not one of loom's: the number only labels the
    // pictures' arrows, and nothing waits on it.
    static NEXT_ID: AtomicU64 = AtomicU64::new(0);
    let shared = Arc::new(Shared {
        outcome: Mutex::new(None),
        ready: Condvar::new(),
        id: NEXT_ID.fetch_add(1, Relaxed),
    });
    let handle = ResultHandle {
        shared: Arc::clone(&shared),
    };
    (
        Promise {
            shared: Some(shared),
        },
        handle,
    )
}

// ANCHOR: promise_deliver
impl<T> Promise<T> {
    /// Delivers the value: Python's `set_result`.
    pub fn set(mut self, value: T) {
        self.deliver(Ok(value));
    }

    /// Delivers the news that the job panicked with `message`.
    pub fn fail(mut self, message: String) {
        self.deliver(Err(JobError::Panicked(message)));
    }

    fn deliver(&mut self, outcome: Result<T, JobError>) {
        // `take` leaves `None`, so the `drop` that follows knows the outcome
        // is delivered. (`set` and `fail` consume the promise, so the
        // compiler already rules out delivering twice.)
        if let Some(shared) = self.shared.take() {
            trace::flow_out("answer", shared.id); // the pictures' arrow to the waiter
            *lock(&shared.outcome) = Some(outcome);
            // One waiter at most: the one `ResultHandle`.
            shared.ready.notify_one();
        }
    }
}

impl<T> Drop for Promise<T> {
    fn drop(&mut self) {
        // Dropped undelivered: the job was dropped with its actor's mailbox,
        // or it unwound without reporting. Either way, say so.
        self.deliver(Err(JobError::NotRun));
    }
}
// ANCHOR_END: promise_deliver

// ANCHOR: result_wait
impl<T> ResultHandle<T> {
    /// Blocks until the outcome is there, and returns it: the value, or why
    /// there is none. Python's `result()`.
    pub fn result(self) -> Result<T, JobError> {
        let mut outcome = lock(&self.shared.outcome);
        loop {
            if let Some(outcome) = outcome.take() {
                trace::flow_in("answer", self.shared.id);
                return outcome;
            }
            // A loop: the wake-up may be spurious.
            let _waiting = trace::waiting(trace::Wait::Condvar, "the answer"); // for the pictures
            outcome = wait(&self.shared.ready, outcome);
        }
    }

    /// Whether the outcome is there, so that [`result`](ResultHandle::result)
    /// would not block. Never blocks.
    pub fn is_ready(&self) -> bool {
        lock(&self.shared.outcome).is_some()
    }

    /// The number that labels this job's hand-offs in a recorded trace.
    pub(crate) fn id(&self) -> u64 {
        self.shared.id
    }
}
// ANCHOR_END: result_wait

impl<T> fmt::Debug for ResultHandle<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResultHandle")
            .field("ready", &self.is_ready())
            .finish()
    }
}

impl<T> fmt::Debug for Promise<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Promise")
            .field("delivered", &self.shared.is_none())
            .finish()
    }
}
