//! [`Worker`]: an actor whose messages are jobs, each answered through a
//! [`ResultHandle`].

use std::panic::{self, AssertUnwindSafe};

use kit::panic_message;

use crate::actor::{Actor, ActorPanicked, Inbox};
use crate::mailbox::Closed;
use crate::result::{Promise, ResultHandle, result_handle};

/// A job in a worker's mailbox: the submitted function, already tied to the
/// promise it reports to. Boxed, because every job is a different closure
/// type and a mailbox holds one type.
type Job = Box<dyn FnOnce() + Send>;

// ANCHOR: worker
/// An actor that runs the functions submitted to it, one at a time, in
/// order: the Cookbook's `Worker`. [`submit`](Worker::submit) returns a
/// [`ResultHandle`] at once; its `result()` waits for the answer.
///
/// ```
/// use actors::Worker;
///
/// let worker = Worker::spawn("worker");
/// let eight = worker.submit(|| 2_i32.pow(3)).unwrap();
/// assert_eq!(eight.result(), Ok(8));
/// worker.join().unwrap();
/// ```
#[derive(Debug)]
pub struct Worker {
    actor: Actor<Job>,
}

impl Worker {
    /// Starts a worker on a new thread called `name`.
    pub fn spawn(name: &str) -> Self {
        let actor = Actor::spawn(name, |inbox: Inbox<Job>| {
            for job in inbox {
                job();
            }
        });
        Self { actor }
    }
    // ANCHOR_END: worker

    // ANCHOR: submit
    /// Sends `f` to the worker and returns a handle to its result. Refused
    /// with [`Closed`] once the worker is closed or has ended.
    pub fn submit<T, F>(&self, f: F) -> Result<ResultHandle<T>, Closed>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let (promise, handle) = result_handle();
        let id = handle.id(); // the pictures' arrow from here to the worker
        trace::flow_out("job", id);
        let job: Job = Box::new(move || {
            trace::flow_in("job", id);
            run_and_report(f, promise)
        });
        // A refused job is dropped here, and its promise with it: nobody
        // holds the handle, since we return `Err` instead.
        self.actor.send(job).map_err(|_refused| Closed(()))?;
        Ok(handle)
    }
    // ANCHOR_END: submit

    /// Closes the worker's mailbox: jobs already submitted still run.
    pub fn close(&self) {
        self.actor.close();
    }

    /// Closes the worker, waits for the jobs already submitted, and reports
    /// whether a job panicked (which ended the worker).
    pub fn join(self) -> Result<(), ActorPanicked> {
        self.actor.join()
    }

    /// Whether the worker is closed (by [`close`](Worker::close), or because
    /// a job panicked).
    pub fn is_closed(&self) -> bool {
        self.actor.is_closed()
    }
}

// ANCHOR: run_and_report
/// Runs one job on the worker's thread and reports its outcome to `promise`.
///
/// A panic is reported twice, and so can never be lost: to the job's waiter
/// (`fail`), and then, by letting the panic go on unwinding, to whoever joins
/// the worker. The worker's thread ends, its mailbox closes, and the jobs
/// still queued are dropped, each telling its own waiter `NotRun`.
fn run_and_report<T>(f: impl FnOnce() -> T, promise: Promise<T>) {
    // `AssertUnwindSafe`: after a panic nothing here looks at what `f` may
    // have left half-done; the panic is passed on at once.
    match panic::catch_unwind(AssertUnwindSafe(f)) {
        Ok(value) => promise.set(value),
        Err(payload) => {
            promise.fail(panic_message(&*payload).to_owned());
            panic::resume_unwind(payload);
        }
    }
}
// ANCHOR_END: run_and_report
