//! The interleaving that broke an answer: when loom rejects an exercise,
//! the schedule it found, one column per thread, each step a line of the
//! learner's own file, ending with what went wrong.
//!
//! Only a failing check pays for it. The checker builds the failing model
//! once more, the exercise package alone with line tables and without
//! inlining (`Profile::LoomReplay`), so that backtraces name every line; a
//! passing check runs the build it always ran. Then the one failing test
//! runs three more times: twice to save the failing path (loom's
//! checkpoint, `LOOM_CHECKPOINT_FILE`, written before an iteration runs:
//! every [`COARSE`] iterations, then, from the last one saved, every
//! iteration, so the last one written is the one that failed), and once
//! replaying that path alone with `LOOM_LOCATION=1` and `kit::schedule`'s
//! recorder on, which writes each loom operation with its thread and the
//! source lines on its stack (loom's own log names operations, not lines).
//!
//! Short by default: the steps on shared state (locks, condition
//! variables, atomics) at lines of the learner's file. `--verbose` shows
//! every step, the tests' lines and reference counts included.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use harness::RunError;

use crate::i18n::{tr, trf};

mod render;

/// The variable that turns `kit::schedule`'s recorder on (`RECORD_ENV`
/// there): the file it writes the replayed run's steps to.
const RECORD_ENV: &str = "KIT_LOOM_SCHEDULE";

/// The first run of a replay saves loom's path every this many iterations.
const COARSE: usize = 100;

/// At most this many rows by default: a busy wait runs for a thousand steps.
const SHORT_ROWS: usize = 40;

/// The width the table is drawn to (it stays the same at any terminal, so
/// the tests can expect it exactly).
const WIDTH: usize = 100;

/// What a shown schedule holds (`learn --verify` checks it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown {
    /// The threads with a column.
    pub threads: usize,
    /// The rows at a line of the learner's file.
    pub answer_steps: usize,
}

/// The files a step's stack is matched against, relative to the workspace
/// root, with their text.
#[derive(Debug, Clone)]
pub struct Files {
    /// The learner's file (`crates/<lesson>/exercises/src/<file>.rs`).
    pub answer: PathBuf,
    pub answer_text: String,
    /// The loom test (`crates/<lesson>/exercises/tests/<model>.rs`).
    pub test: PathBuf,
    pub test_text: String,
}

/// Replays the failing test of a loom binary and draws its schedule; `None`
/// when there is nothing to show (no failed test named, a replay that did
/// not fail again, or a model that does not record: not `kit::schedule`).
pub fn show(
    binary: &Path,
    package_dir: &Path,
    output: &str,
    files: &Files,
    limit: Duration,
    verbose: bool,
) -> Option<(String, Shown)> {
    let test = failing_test(output)?;
    let records = replay(binary, package_dir, &test, limit).ok()?;
    let schedule = build(&parse(&records), files, verbose);
    schedule.ending.as_ref()?;
    Some(render::render(&schedule, files, verbose))
}

/// The first test libtest reported as failed (`test <name> ... FAILED`),
/// or else the first that panicked (`thread '<name>' (…) panicked at`:
/// libtest names a test's thread after it): a deadlock panics again while
/// loom unwinds, and the binary aborts before libtest reports anything.
pub fn failing_test(output: &str) -> Option<String> {
    let failed = output.lines().find_map(|line| {
        line.strip_prefix("test ")?
            .strip_suffix(" ... FAILED")
            .map(str::to_owned)
    });
    failed.or_else(|| {
        output.lines().find_map(|line| {
            let (name, rest) = line.strip_prefix("thread '")?.split_once('\'')?;
            rest.contains(" panicked at ").then(|| name.to_owned())
        })
    })
}

/// Runs `test` twice more: once to save its failing path, once to replay
/// it with the recorder on. `Ok` is the recorder's file.
fn replay(
    binary: &Path,
    package_dir: &Path,
    test: &str,
    limit: Duration,
) -> Result<String, String> {
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    let scratch = std::env::temp_dir().join(format!(
        "xtask-loom-schedule-{}-{}",
        std::process::id(),
        RUNS.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&scratch).map_err(|e| e.to_string())?;
    let checkpoint = scratch.join("checkpoint.json");
    let steps = scratch.join("steps.txt");
    let run = |interval: usize, record: bool| -> Result<(), String> {
        let mut command = Command::new(binary);
        command
            .current_dir(package_dir)
            .args([test, "--exact", "--test-threads=1"])
            .env("LOOM_CHECKPOINT_FILE", &checkpoint)
            .env("LOOM_CHECKPOINT_INTERVAL", interval.to_string())
            .env("RUST_BACKTRACE", "0");
        if record {
            command.env("LOOM_LOCATION", "1").env(RECORD_ENV, &steps);
        }
        match harness::run_with_timeout(command, limit) {
            Ok(run) if !run.status.success() => Ok(()),
            Ok(_) => Err("the replay passed".into()),
            Err(RunError::TimedOut { .. }) => Err("the replay did not finish".into()),
            Err(err) => Err(err.to_string()),
        }
    };
    // A checkpoint written before every iteration costs a file a time: to
    // the last multiple of `COARSE` before the failure, then one by one
    // from there (thousands of iterations take a few seconds on a busy
    // disk, written one by one; tenths of a second this way).
    let result = run(COARSE, false)
        .and_then(|()| run(1, false))
        .and_then(|()| run(1, true))
        .and_then(|()| std::fs::read_to_string(&steps).map_err(|e| e.to_string()));
    let _ = std::fs::remove_dir_all(&scratch);
    result
}

/// One line of the recorder's file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Record {
    panic: bool,
    thread: usize,
    /// loom's event and its fields, or the panic's message.
    what: String,
    /// `<path>:<line>`, innermost first.
    frames: Vec<String>,
}

/// The recorder's file, read back (see `kit::schedule`).
fn parse(text: &str) -> Vec<Record> {
    text.lines()
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let panic = match fields.next()? {
                "step" => false,
                "panic" => true,
                _ => return None,
            };
            let thread = fields.next()?.parse().ok()?;
            let what = unescape(fields.next()?);
            let frames = unescape(fields.next().unwrap_or(""))
                .split(' ')
                .filter(|f| !f.is_empty())
                .map(str::to_owned)
                .collect();
            Some(Record {
                panic,
                thread,
                what,
                frames,
            })
        })
        .collect()
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// Where a step ran: the innermost frame in the learner's file, else in the
/// test, else elsewhere in the workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Place {
    Answer(usize),
    Test(usize),
    Elsewhere(String),
}

/// A row of the table: one thread's step (consecutive steps of a thread at
/// one line are one row).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Row {
    thread: usize,
    place: Place,
    notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Ending {
    /// Every thread blocked: the deadlock panic.
    Deadlock,
    /// A thread panicked (an assertion, an `expect`), at a place.
    Panic {
        thread: usize,
        place: Option<Place>,
        message: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Schedule {
    rows: Vec<Row>,
    /// Rows left out before the first shown (short form only).
    hidden: usize,
    ending: Option<Ending>,
}

/// What a step does, in words, and whether it touches shared state (the
/// short form keeps only those); `None` for loom's events that are not a
/// step of the program (an object created, a lock's bookkeeping).
fn step_kind(what: &str) -> Option<(Option<String>, bool)> {
    let field = |name: &str| {
        what.split(' ')
            .find_map(|f| f.strip_prefix(name)?.strip_prefix('='))
            .unwrap_or("")
            .to_owned()
    };
    let message = what.split(' ').next().unwrap_or("");
    let kind = match message {
        // The code says it locks; what is worth saying is when it cannot.
        "Object::branch_acquire" if field("is_locked") == "true" => {
            (Some(tr("lock held: blocks").to_owned()), true)
        }
        "Object::branch_acquire" => (None, true),
        "Condvar::wait" => (Some(tr("waits").to_owned()), true),
        "Condvar::notify_one" => {
            let woken = field("thread");
            let note = match woken
                .strip_prefix("Some(Id(")
                .and_then(|t| t.strip_suffix("))"))
            {
                // i18n: `{thread}` is "main" or "thread 2".
                Some(id) => trf(
                    "wakes {thread}",
                    &[("thread", &thread_name(id.parse().unwrap_or(0)))],
                ),
                None => tr("wakes nobody").to_owned(),
            };
            (Some(note), true)
        }
        "Condvar::notify_all" => {
            let note = if what.contains("threads=[]") {
                tr("wakes nobody")
            } else {
                tr("wakes all")
            };
            (Some(note.to_owned()), true)
        }
        "Atomic::load" => (Some(tr("loads").to_owned()), true),
        "Atomic::store" => (Some(tr("stores").to_owned()), true),
        "Atomic::rmw" => (Some(tr("updates").to_owned()), true),
        "spawn" => {
            let id = field("thread");
            let id = id.trim_start_matches("Id(").trim_end_matches(')');
            (
                Some(trf(
                    "starts {thread}",
                    &[("thread", &thread_name(id.parse().unwrap_or(0)))],
                )),
                false,
            )
        }
        "park" => (Some(tr("sleeps").to_owned()), false),
        "yield_now" => (Some(tr("yields").to_owned()), false),
        "Object::branch_action" | "Object::branch_disable" => {
            // A condition variable's own events follow with their words;
            // an Arc's count and loom's join machinery are bookkeeping.
            if what.contains("condvar::State") {
                return None;
            }
            if what.contains("atomic::State") {
                return None;
            }
            (
                None,
                !(what.contains("arc::State") || what.contains("notify::State")),
            )
        }
        _ => return None,
    };
    Some(kind)
}

/// `main` for loom's thread 0 (the model's own body), `thread <n>` else.
fn thread_name(thread: usize) -> String {
    if thread == 0 {
        // i18n: loom's thread 0, the model's own body, as a column's name.
        tr("main").to_owned()
    } else {
        trf("thread {n}", &[("n", &thread)])
    }
}

/// The place of the innermost frame that is in one of the files.
fn place(frames: &[String], files: &Files) -> Option<Place> {
    let split = |frame: &str| -> Option<(PathBuf, usize)> {
        let (path, line) = frame.rsplit_once(':')?;
        Some((PathBuf::from(path), line.parse().ok()?))
    };
    let located: Vec<(PathBuf, usize)> = frames.iter().filter_map(|f| split(f)).collect();
    if let Some((_, line)) = located.iter().find(|(p, _)| p.ends_with(&files.answer)) {
        return Some(Place::Answer(*line));
    }
    if let Some((_, line)) = located.iter().find(|(p, _)| p.ends_with(&files.test)) {
        return Some(Place::Test(*line));
    }
    located.first().map(|(path, line)| {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        Place::Elsewhere(format!("{name}:{line}"))
    })
}

/// The rows and the ending of the replayed run: the steps up to the first
/// panic, short or whole.
fn build(records: &[Record], files: &Files, verbose: bool) -> Schedule {
    let mut rows: Vec<Row> = Vec::new();
    let mut ending = None;
    // Threads inside a condition variable's wait: their next lock is the
    // wait waking up.
    let mut waiting: Vec<usize> = Vec::new();
    for record in records {
        if record.panic {
            if record.what.starts_with("deadlock;") {
                ending = Some(Ending::Deadlock);
                break;
            }
            let at = place(&record.frames, files);
            // The line that panicked, in its thread's column.
            if let Some(at) = &at
                && (verbose || matches!(at, Place::Answer(_)))
            {
                rows.push(Row {
                    thread: record.thread,
                    place: at.clone(),
                    notes: vec![tr("panics").to_owned()],
                });
            }
            ending = Some(Ending::Panic {
                thread: record.thread,
                place: at,
                message: record.what.clone(),
            });
            break;
        }
        let Some((mut note, shared)) = step_kind(&record.what) else {
            continue;
        };
        if record.what.starts_with("Condvar::wait") {
            waiting.push(record.thread);
        } else if record.what.starts_with("Object::branch_acquire")
            && let Some(at) = waiting.iter().position(|t| *t == record.thread)
        {
            waiting.swap_remove(at);
            note.get_or_insert_with(|| tr("wakes up").to_owned());
        }
        let Some(place) = place(&record.frames, files) else {
            continue;
        };
        if !verbose && (!shared || !matches!(place, Place::Answer(_))) {
            continue;
        }
        match rows.last_mut() {
            Some(last) if last.thread == record.thread && last.place == place => {
                if let Some(note) = note
                    && !last.notes.contains(&note)
                {
                    last.notes.push(note);
                }
            }
            _ => rows.push(Row {
                thread: record.thread,
                place,
                notes: note.into_iter().collect(),
            }),
        }
    }
    let hidden = if verbose {
        0
    } else {
        rows.len().saturating_sub(SHORT_ROWS)
    };
    rows.drain(..hidden);
    Schedule {
        rows,
        hidden,
        ending,
    }
}

#[cfg(test)]
mod tests;
