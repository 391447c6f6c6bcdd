//! The photo pipeline of Effective Python Item 55 (download → resize →
//! upload), and the helpers that start and stop a stage of several workers
//! on [`ClosableQueue`]s or [`FastQueue`]s (the notes' `start_threads` and
//! `stop_threads`).

use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread::{self, Scope, ScopedJoinHandle};

use crate::{ClosableQueue, Closed, FastQueue};

/// A photo on its way through the pipeline: which one it is, and which
/// stages it has been through, so the end of the pipeline can check that
/// every photo arrived exactly once and went through every stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Photo {
    pub id: u32,
    pub resized: bool,
    pub uploaded: bool,
}

// Each stage marks where a photo leaves it and where the next stage takes
// it up (`trace::flow_out`, `flow_in`): the chapter's pictures draw each
// hand-off as an arrow. Nothing is recorded unless COURSE_TRACE is set.

/// Stage 1: fetch photo `id` from the camera.
pub fn download(id: u32) -> Photo {
    trace::flow_out("downloaded", id.into());
    Photo {
        id,
        resized: false,
        uploaded: false,
    }
}

/// Stage 2: make it smaller.
pub fn resize(photo: Photo) -> Photo {
    trace::flow_in("downloaded", photo.id.into());
    trace::flow_out("resized", photo.id.into());
    Photo {
        resized: true,
        ..photo
    }
}

/// Stage 3: put it in the online gallery.
pub fn upload(photo: Photo) -> Photo {
    trace::flow_in("resized", photo.id.into());
    trace::flow_out("uploaded", photo.id.into());
    Photo {
        uploaded: true,
        ..photo
    }
}

/// Whether `photos` are exactly photos `0..count`, each once, each resized
/// and uploaded: the pipeline lost nothing, duplicated nothing and skipped
/// no stage.
pub fn each_photo_once(photos: &[Photo], count: u32) -> bool {
    let mut ids: Vec<u32> = photos.iter().map(|photo| photo.id).collect();
    ids.sort_unstable();
    ids.iter().copied().eq(0..count) && photos.iter().all(|p| p.resized && p.uploaded)
}

/// Starts `f` in `scope` on a thread called `name`, and returns once the
/// thread is running: a panic's message names the thread, and so does its
/// lane in the chapter's pictures.
pub fn spawn_named<'scope, T: Send + 'scope>(
    scope: &'scope Scope<'scope, '_>,
    name: &str,
    f: impl FnOnce() -> T + Send + 'scope,
) -> ScopedJoinHandle<'scope, T> {
    // A picture draws the lanes in the order the threads first recorded
    // something, and a busy machine may run the last thread started first:
    // the thread makes its lane (`name_thread`) before this returns.
    let (started, has_started) = mpsc::sync_channel(1);
    let lane = name.to_owned();
    let thread = thread::Builder::new()
        .name(name.to_owned())
        .spawn_scoped(scope, move || {
            trace::name_thread(lane);
            let _ = started.send(());
            f()
        })
        .expect("the OS can start one more thread");
    let _ = has_started.recv();
    thread
}

/// A worker found its output queue closed while it still had a result for
/// it: a stage was stopped before the stage feeding it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutputClosed {
    /// Items the worker had passed on before that happened.
    pub handled: usize,
}

impl fmt::Display for OutputClosed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the next stage's queue was closed under a worker (after {} items): stop stages in order",
            self.handled
        )
    }
}

impl std::error::Error for OutputClosed {}

/// What a worker returns through `join`: how many items it handled.
pub type Worker<'scope> = ScopedJoinHandle<'scope, Result<usize, OutputClosed>>;

// ANCHOR: start_workers
/// A pipeline's head count, kept by the workers themselves: each worker is
/// counted in when it is started, and counts itself out as the last thing
/// it does, and only once its loop has ended because its input queue was
/// closed and drained. A worker still in its loop, or one that gave up on a
/// closed output, is never counted out.
#[derive(Debug, Default)]
pub struct Roster {
    started: AtomicUsize,
    finished: AtomicUsize,
}

impl Roster {
    /// An empty roster.
    pub fn new() -> Self {
        Self::default()
    }

    /// Workers started so far.
    pub fn started(&self) -> usize {
        self.started.load(Ordering::SeqCst)
    }

    /// Workers whose loop has ended because their input was closed and
    /// drained, by their own account.
    pub fn finished(&self) -> usize {
        self.finished.load(Ordering::SeqCst)
    }
}

/// What a stage needs of the queues around it: `for item in &input` (the
/// loop ends once the queue is closed and drained), `put`, and `close`.
pub trait StageQueue<T>: Sync {
    /// Adds `item`, or hands it back if the queue is closed.
    fn put(&self, item: T) -> Result<(), Closed<T>>;
    /// No more puts; the consumers' loops end once the queue is drained.
    fn close(&self);
}

/// Starts `count` workers in `scope`, each running
/// `for item in input { output.put(work(item)) }` until `input` is closed
/// and drained, and signing them in and out on `roster`.
pub fn start_workers<'scope, 'env, T: Send + 'env, U: Send + 'env, In, Out>(
    scope: &'scope Scope<'scope, 'env>,
    count: usize,
    work: fn(T) -> U,
    input: &'env In,
    output: &'env Out,
    roster: &'env Roster,
) -> Vec<Worker<'scope>>
where
    In: StageQueue<T>,
    &'env In: IntoIterator<Item = T>,
    Out: StageQueue<U>,
{
    (0..count)
        .map(|_| {
            roster.started.fetch_add(1, Ordering::SeqCst);
            scope.spawn(move || {
                let mut handled = 0;
                // The loop ends when `input` is closed and empty (a
                // `ClosableQueue`'s iterator also calls `task_done` for
                // each item; a `FastQueue` keeps no such count).
                for item in input {
                    if output.put(work(item)).is_err() {
                        return Err(OutputClosed { handled });
                    }
                    handled += 1;
                }
                roster.finished.fetch_add(1, Ordering::SeqCst);
                Ok(handled)
            })
        })
        .collect()
}

/// Stops a stage: closes its input queue, then joins every one of its
/// workers. Returns how many items each worker handled, in the order they
/// were started.
pub fn stop_stage<T>(
    input: &impl StageQueue<T>,
    workers: Vec<Worker<'_>>,
) -> Result<Vec<usize>, OutputClosed> {
    input.close();
    // Join every worker before looking at any result, so that none is
    // still running when this returns, whatever the others report.
    let results: Vec<_> = workers
        .into_iter()
        .map(|worker| worker.join().expect("a pipeline worker does not panic"))
        .collect();
    results.into_iter().collect()
}
// ANCHOR_END: start_workers

impl<T: Send> StageQueue<T> for ClosableQueue<T> {
    fn put(&self, item: T) -> Result<(), Closed<T>> {
        ClosableQueue::put(self, item)
    }

    fn close(&self) {
        ClosableQueue::close(self);
    }
}

impl<T: Send> StageQueue<T> for FastQueue<T> {
    fn put(&self, item: T) -> Result<(), Closed<T>> {
        FastQueue::put(self, item)
    }

    fn close(&self) {
        FastQueue::close(self);
    }
}
