//! [`model`] and [`check`]: `loom::model` and `loom::model::Builder::check`
//! for the exercises' loom tests, which can also write down the schedule of
//! a failing run, so that `cargo xtask learn` shows a learner the
//! interleaving that broke their answer.
//!
//! Normally they are loom's own functions and cost nothing more. When
//! [`RECORD_ENV`] names a file (the checker sets it only to replay the one
//! failing path loom saved in its checkpoint), every loom operation of the
//! run is written to that file: the loom thread that ran it, loom's name for
//! it, and the source lines of the workspace on the stack at that moment
//! (a backtrace, taken by a `tracing` layer on loom's own trace events).
//! Loom's log alone cannot say where: its events name the object and the
//! operation, not the line that called it.
//!
//! The file is plain text, one record a line, tab-separated, with `\`, tab
//! and newline escaped as `\\`, `\t`, `\n`:
//!
//! ```text
//! step   <thread>  <loom's event and fields>  <path>:<line> <path>:<line> …
//! panic  <thread>  <message>                  <path>:<line> …
//! ```
//!
//! Paths are as the debug info gives them (for the replay the checker
//! builds the exercise package with line tables and no inlining), innermost
//! first; the standard library, loom and other dependencies are left out.
//! Each record is written as it is made: a deadlock panics again while loom
//! unwinds, and the process aborts.

use std::backtrace::Backtrace;
use std::fmt::Write as _;
use std::fs::File;
use std::io::Write as _;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use loom::model::Builder;
use tracing::field::{Field, Visit};
use tracing::{Event, Subscriber};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};

/// The variable that turns recording on: the file to write the schedule to.
/// (`xtask/src/learn/schedule.rs` sets it under the same name.)
pub const RECORD_ENV: &str = "KIT_LOOM_SCHEDULE";

/// The target of the event the panic hook sends while recording.
const PANIC_TARGET: &str = "kit::schedule::panic";

/// `loom::model(f)`; with [`RECORD_ENV`] set, recorded (see the module doc).
pub fn model<F>(f: F)
where
    F: Fn() + Sync + Send + 'static,
{
    match std::env::var_os(RECORD_ENV) {
        None => loom::model(f),
        Some(file) => record(&Builder::new(), f, Path::new(&file)),
    }
}

/// `builder.check(f)`, for a model that sets a bound (a preemption bound);
/// with [`RECORD_ENV`] set, recorded (see the module doc).
pub fn check<F>(builder: &Builder, f: F)
where
    F: Fn() + Sync + Send + 'static,
{
    match std::env::var_os(RECORD_ENV) {
        None => builder.check(f),
        Some(file) => record(builder, f, Path::new(&file)),
    }
}

/// Runs the model with the recorder as the only subscriber and a panic hook
/// that reports the panic to it. Each record is written to `file` as it is
/// made: a deadlock panics again while loom unwinds, and the test process
/// aborts without finishing its unwinding.
fn record<F>(builder: &Builder, f: F, file: &Path)
where
    F: Fn() + Sync + Send + 'static,
{
    let records = Arc::new(Mutex::new(Records {
        path: file.to_path_buf(),
        thread: 0,
        file: None,
    }));
    let subscriber = tracing_subscriber::registry().with(Recorder {
        records: Arc::clone(&records),
    });
    let previous = Arc::new(panic::take_hook());
    let hook_previous = Arc::clone(&previous);
    panic::set_hook(Box::new(move |info| {
        let message = panic_text(info.payload());
        tracing::error!(target: PANIC_TARGET, panic = %message);
        hook_previous(info);
    }));
    let outcome = tracing::subscriber::with_default(subscriber, || {
        panic::catch_unwind(AssertUnwindSafe(|| builder.check(f)))
    });
    // Back to the hook the test harness had (ours holds a clone of it).
    let _ = panic::take_hook();
    panic::set_hook(Box::new(move |info| previous(info)));
    if let Err(payload) = outcome {
        panic::resume_unwind(payload);
    }
}

/// A panic's message, whatever its payload.
fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "(a panic without a message)".to_owned()
    }
}

/// Where the current iteration's records go.
struct Records {
    path: PathBuf,
    /// The loom thread running now: loom says so at every switch.
    thread: usize,
    /// `path`, emptied when an iteration begins.
    file: Option<File>,
}

impl Records {
    fn write(&mut self, line: &str) {
        if self.file.is_none() {
            self.file = File::create(&self.path).ok();
        }
        let written = match &mut self.file {
            Some(file) => file.write_all(line.as_bytes()),
            None => Err(std::io::Error::other("not open")),
        };
        if let Err(err) = written {
            eprintln!(
                "kit::schedule: could not write {}: {err}",
                self.path.display()
            );
        }
    }
}

/// The `tracing` layer that turns loom's trace events into records.
struct Recorder {
    records: Arc<Mutex<Records>>,
}

impl<S: Subscriber> Layer<S> for Recorder {
    fn on_new_span(
        &self,
        attrs: &tracing::span::Attributes<'_>,
        _id: &tracing::span::Id,
        _ctx: Context<'_, S>,
    ) {
        // Each iteration opens an `iter` span: only the last one is kept
        // (a replayed checkpoint runs one; a passing model runs many).
        if attrs.metadata().name() == "iter" {
            let mut records = self.records.lock().unwrap_or_else(PoisonError::into_inner);
            records.thread = 0;
            records.file = None;
        }
    }

    fn on_event(&self, event: &Event<'_>, _ctx: Context<'_, S>) {
        let target = event.metadata().target();
        let is_panic = target == PANIC_TARGET;
        if !is_panic && !target.starts_with("loom") {
            return;
        }
        let mut fields = Fields::default();
        event.record(&mut fields);
        let mut records = self.records.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(thread) = switched_to(&fields.message) {
            records.thread = thread;
            return;
        }
        if fields.message.is_empty() && !is_panic {
            return;
        }
        // What loom logs about iterations, and its bookkeeping between
        // operations, are not steps.
        if matches!(fields.message.as_str(), "branch" | "synchronize")
            || fields.message.starts_with("Completed in")
            || fields.message.contains("=== Iteration")
        {
            return;
        }
        let frames = source_frames(&Backtrace::force_capture());
        let (kind, what) = if is_panic {
            ("panic", fields.panic)
        } else {
            ("step", format!("{}{}", fields.message, fields.rest))
        };
        let thread = records.thread;
        records.write(&format!(
            "{kind}\t{thread}\t{}\t{}\n",
            escape(&what),
            escape(&frames.join(" "))
        ));
    }
}

/// `~~~~~~~~ THREAD 2 ~~~~~~~~`, loom's mark of a switch, gives 2.
fn switched_to(message: &str) -> Option<usize> {
    message
        .strip_prefix("~~~~~~~~ THREAD ")?
        .strip_suffix(" ~~~~~~~~")?
        .parse()
        .ok()
}

/// An event's message, its `panic` field, and its other fields as
/// ` name=value`.
#[derive(Default)]
struct Fields {
    message: String,
    panic: String,
    rest: String,
}

impl Visit for Fields {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        match field.name() {
            "message" => self.message = format!("{value:?}"),
            "panic" => self.panic = format!("{value:?}"),
            name => {
                let _ = write!(self.rest, " {name}={value:?}");
            }
        }
    }
}

/// The `<path>:<line>` of each frame with a source line, innermost first,
/// leaving out the standard library, crates.io's crates (loom) and this
/// file: what remains is the workspace's code, the exercise and its test.
fn source_frames(backtrace: &Backtrace) -> Vec<String> {
    let text = format!("{backtrace:#}");
    let mut frames: Vec<String> = Vec::new();
    for line in text.lines() {
        let Some(at) = line.trim_start().strip_prefix("at ") else {
            continue;
        };
        // `path:line:column` → `path:line`
        let Some((path_line, _column)) = at.rsplit_once(':') else {
            continue;
        };
        let path = path_line.rsplit_once(':').map_or(path_line, |(p, _)| p);
        if is_library(path) {
            continue;
        }
        if frames.last().map(String::as_str) != Some(path_line) {
            frames.push(path_line.to_owned());
        }
    }
    frames
}

/// Is `path` the standard library's, a dependency's, or this file?
fn is_library(path: &str) -> bool {
    path.starts_with("/rustc/")
        || path.contains("/.cargo/registry/")
        || path.contains("/.cargo/git/")
        || path.contains("/.rustup/")
        || Path::new(path).ends_with(file!())
}

/// `\`, tab and newline escaped, so a record stays one line of tab-separated
/// fields.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_switch_names_its_thread() {
        assert_eq!(switched_to("~~~~~~~~ THREAD 2 ~~~~~~~~"), Some(2));
        assert_eq!(switched_to("Object::branch_action"), None);
    }

    #[test]
    fn only_the_workspaces_frames_are_kept() {
        assert!(is_library("/rustc/59807616/library/core/src/panicking.rs"));
        assert!(is_library(
            "/home/a/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/loom-0.7.3/src/model.rs"
        ));
        assert!(is_library("/work/main/crates/kit/src/schedule.rs"));
        assert!(!is_library(
            "/work/main/crates/queues/exercises/src/blocking.rs"
        ));
    }

    #[test]
    fn escaped_text_stays_on_one_line() {
        assert_eq!(escape("a\tb\nc\\d"), "a\\tb\\nc\\\\d");
    }
}
