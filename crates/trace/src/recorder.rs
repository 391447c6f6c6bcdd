//! The recorder's state (off, on, finished), one lane of events per thread,
//! and writing them out: at [`finish`], or when the program ends.
//!
//! The state is one atomic byte, read with `Relaxed` ordering: that read is
//! all an off recorder costs. The first read finds it unknown and looks at
//! the environment once. When on, each thread records into a lane of its own
//! (a `Mutex` only that thread takes, until the trace is written), so threads
//! never wait for each other to record.

use std::cell::OnceCell;
use std::ffi::OsString;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering::Relaxed;
use std::sync::atomic::{AtomicU8, AtomicU64};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError};
use std::time::{Instant, SystemTime, UNIX_EPOCH};
use std::{env, fs, panic, process, thread};

use crate::json;
use crate::lane::{Event, Kind, Lane, LaneData, READY, RESOLUTION_NS};

/// The environment variable that turns recording on: the file to write the
/// trace to. A `{pid}` in it is replaced by the process id.
pub const ENV: &str = "COURSE_TRACE";

const UNKNOWN: u8 = 0;
const OFF: u8 = 1;
const ON: u8 = 2;
const FINISHED: u8 = 3;

static STATE: AtomicU8 = AtomicU8::new(UNKNOWN);
static RECORDER: OnceLock<Recorder> = OnceLock::new();

/// Is the recorder on? The first call reads [`ENV`]; every later call is
/// one relaxed atomic load.
#[inline]
pub fn on() -> bool {
    match STATE.load(Relaxed) {
        ON => true,
        UNKNOWN => start_from_env(),
        _ => false,
    }
}

/// The recorder, if it is on.
#[inline]
pub(crate) fn recorder() -> Option<&'static Recorder> {
    if on() { RECORDER.get() } else { None }
}

#[cold]
#[inline(never)]
fn start_from_env() -> bool {
    match env::var_os(ENV).filter(|value| !value.is_empty()) {
        Some(path) => start(PathBuf::from(path)),
        None => {
            // Another thread may have turned it on meanwhile: keep that.
            let _ = STATE.compare_exchange(UNKNOWN, OFF, Relaxed, Relaxed);
            STATE.load(Relaxed) == ON
        }
    }
}

/// Turns recording on now, writing to `path` (a `{pid}` in it is replaced
/// by the process id), whatever [`ENV`] says. For programs and tests that
/// decide for themselves. Returns whether the recorder is now writing to
/// that file: `false` if it was already recording to another, or finished.
pub fn record_to(path: impl AsRef<Path>) -> bool {
    let path = with_pid(path.as_ref());
    if STATE.load(Relaxed) == FINISHED {
        return false;
    }
    start(path.clone()) && RECORDER.get().is_some_and(|r| r.path == path)
}

fn start(path: PathBuf) -> bool {
    let recorder = RECORDER.get_or_init(|| {
        at_exit();
        Recorder::new(with_pid(&path))
    });
    // The thread that turns recording on (the main thread, as a rule) gets
    // the first lane, so it is drawn first.
    recorder.with_lane(|_| {});
    STATE
        .compare_exchange(UNKNOWN, ON, Relaxed, Relaxed)
        .or_else(|state| {
            if state == OFF {
                STATE.compare_exchange(OFF, ON, Relaxed, Relaxed)
            } else {
                Err(state)
            }
        })
        .map_or_else(|state| state == ON, |_| true)
}

fn with_pid(path: &Path) -> PathBuf {
    let text = path.to_string_lossy();
    if text.contains("{pid}") {
        PathBuf::from(text.replace("{pid}", &process::id().to_string()))
    } else {
        path.to_path_buf()
    }
}

/// Writes the trace now and stops recording; later calls record nothing.
/// The program's end does the same, so a lesson need not call it. Does
/// nothing (and succeeds) when the recorder is off.
///
/// # Errors
///
/// When the trace file cannot be written.
pub fn finish() -> io::Result<()> {
    if STATE.swap(FINISHED, Relaxed) != ON {
        return Ok(());
    }
    match RECORDER.get() {
        Some(recorder) => recorder.write(),
        None => Ok(()),
    }
}

/// Registers [`write_at_exit`] with the C library, once, when recording
/// starts: std runs no destructors at the end of `main`, and `exit` runs
/// `atexit` handlers however the program ends normally (a return from
/// `main` or `process::exit`).
#[expect(
    unsafe_code,
    reason = "atexit is the one way to run code when a Rust program ends"
)]
fn at_exit() {
    // SAFETY: `write_at_exit` is an `extern "C" fn()` that never unwinds
    // (it catches panics) and uses nothing that `exit` has torn down: the
    // recorder and its lanes are statics and `Arc`s, not thread-locals.
    let registered = unsafe { libc::atexit(write_at_exit) };
    if registered != 0 {
        let _ = writeln!(
            io::stderr(),
            "trace: could not register the trace to be written at exit; call trace::finish()"
        );
    }
}

extern "C" fn write_at_exit() {
    let _ = panic::catch_unwind(|| {
        if let Err(err) = finish() {
            let path = RECORDER.get().map(|r| r.path.display().to_string());
            let _ = writeln!(
                io::stderr(),
                "trace: could not write {}: {err}",
                path.unwrap_or_default()
            );
        }
    });
}

/// Names the calling thread's lane (a thread's lane is otherwise named
/// after the thread, or numbered if it has no name).
pub fn name_thread(name: impl Into<String>) {
    if let Some(recorder) = recorder() {
        recorder.with_lane(|lane| lane.name = Some(name.into()));
    }
}

/// Marks a moment on the calling thread's lane.
pub fn instant(name: &'static str) {
    if let Some(recorder) = recorder() {
        let now = recorder.now();
        recorder.push(Event::new(Kind::Instant, "instant", name, now, 0));
    }
}

/// The calling thread hands something to another, which will call
/// [`flow_in`] with the same `id` when it takes it: a put and its get, a
/// notify and its wake-up. The picture draws an arrow between the two.
pub fn flow_out(name: &'static str, id: u64) {
    if let Some(recorder) = recorder() {
        let now = recorder.now();
        recorder.push(Event::new(Kind::FlowOut(id), "hand-off", name, now, 0));
    }
}

/// The calling thread takes what another handed off with [`flow_out`] and
/// the same `id`.
pub fn flow_in(name: &'static str, id: u64) {
    if let Some(recorder) = recorder() {
        let now = recorder.now();
        recorder.push(Event::new(Kind::FlowIn(id), "hand-off", name, now, 0));
    }
}

/// Throws away what has been recorded so far (the cost bench records
/// millions of spans and must not keep them).
#[doc(hidden)]
pub fn clear() {
    if let Some(recorder) = RECORDER.get() {
        for lane in recorder.lanes().iter() {
            let mut data = lane.lock();
            data.events.clear();
            data.open_run = None;
        }
    }
}

/// The recorder, once on.
#[derive(Debug)]
pub(crate) struct Recorder {
    path: PathBuf,
    epoch: Instant,
    /// The same moment as `epoch`, on the wall clock: how traces of several
    /// processes are lined up.
    epoch_unix_ns: u128,
    process_name: String,
    lanes: Mutex<Vec<Arc<Lane>>>,
    next_tid: AtomicU64,
}

thread_local! {
    static LANE: OnceCell<Arc<Lane>> = const { OnceCell::new() };
}

impl Recorder {
    fn new(path: PathBuf) -> Self {
        let epoch = Instant::now();
        let epoch_unix_ns = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let process_name = env::args_os()
            .next()
            .map(PathBuf::from)
            .and_then(|p| p.file_name().map(OsString::from))
            .map_or_else(
                || "process".to_owned(),
                |n| n.to_string_lossy().into_owned(),
            );
        Recorder {
            path,
            epoch,
            epoch_unix_ns,
            process_name,
            lanes: Mutex::new(Vec::new()),
            next_tid: AtomicU64::new(1),
        }
    }

    /// Nanoseconds since the recorder started.
    #[inline]
    pub(crate) fn now(&self) -> u64 {
        u64::try_from(self.epoch.elapsed().as_nanos()).unwrap_or(u64::MAX)
    }

    fn lanes(&self) -> MutexGuard<'_, Vec<Arc<Lane>>> {
        self.lanes.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A lane that belongs to no thread, labelled `name`: a child
    /// process's, which its parent records for it ([`child`](crate::child)).
    pub(crate) fn new_lane(&self, name: String) -> Arc<Lane> {
        let lane = Arc::new(Lane {
            tid: self.next_tid.fetch_add(1, Relaxed),
            data: Mutex::new(LaneData {
                name: Some(name),
                ..LaneData::default()
            }),
        });
        self.lanes().push(Arc::clone(&lane));
        lane
    }

    /// Runs `f` on the calling thread's lane, made on first use. A thread
    /// whose thread-locals are already gone (it is exiting) records nothing.
    pub(crate) fn with_lane(&self, f: impl FnOnce(&mut LaneData)) {
        let _ = LANE.try_with(|cell| {
            let lane = cell.get_or_init(|| {
                let lane = Arc::new(Lane {
                    tid: self.next_tid.fetch_add(1, Relaxed),
                    data: Mutex::new(LaneData {
                        name: thread::current().name().map(str::to_owned),
                        ..LaneData::default()
                    }),
                });
                self.lanes().push(Arc::clone(&lane));
                lane
            });
            f(&mut lane.lock());
        });
    }

    pub(crate) fn push(&self, event: Event) {
        self.with_lane(|lane| lane.push(event));
    }

    /// A span marked [`often`](crate::Span::often): joined to the lane's
    /// last span, or left out, when too short to draw on its own.
    pub(crate) fn push_often(&self, event: Event) {
        self.with_lane(|lane| lane.push_often(event));
    }

    /// A slice of [`work`](crate::work) from `start` to `end` in which the
    /// thread used `cpu` of CPU time (`None`: unknown, count it all). What
    /// it did not use, it spent ready but not running: drawn after the part
    /// it ran, so a slice's picture is off by at most the slice's own work.
    pub(crate) fn work_slice(&self, start: u64, end: u64, cpu: Option<u64>) {
        let wall = end.saturating_sub(start);
        let ran = cpu.map_or(wall, |cpu| cpu.min(wall));
        self.with_lane(|lane| {
            if wall - ran < RESOLUTION_NS {
                lane.extend_run(start, end);
            } else {
                lane.extend_run(start, start + ran);
                lane.close_run();
                lane.push(Event::new(
                    Kind::Span,
                    "ready",
                    READY,
                    start + ran,
                    wall - ran,
                ));
            }
        });
    }

    /// Writes every lane's events to the trace file.
    fn write(&self) -> io::Result<()> {
        let lanes: Vec<Arc<Lane>> = self.lanes().clone();
        let mut text = json::Writer::new(process::id(), &self.process_name);
        let mut dropped = 0;
        for lane in &lanes {
            let mut guard = lane.lock();
            let data: &mut LaneData = &mut guard;
            data.close_run();
            dropped += data.dropped;
            text.lane(lane.tid, data.name.as_deref(), &mut data.events);
        }
        let json = text.finish(self.epoch_unix_ns, dropped);
        fs::write(&self.path, json)
    }
}
