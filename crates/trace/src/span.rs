//! Spans: a guard that records, when dropped, what its thread did from the
//! guard's making to its drop.

use crate::lane::{Event, Kind};
use crate::recorder::recorder;

/// What a waiting thread waits for; each is drawn with a mark of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Wait {
    /// For a lock another thread holds.
    Lock,
    /// On a condition variable, for a notify.
    Condvar,
    /// In a blocking system call: a read, a `poll`, an `accept`.
    Io,
    /// For another thread (or process) to end.
    Join,
    /// Asleep, for a set time.
    Sleep,
}

impl Wait {
    /// The event category the renderer draws.
    pub fn category(self) -> &'static str {
        match self {
            Wait::Lock => "wait.lock",
            Wait::Condvar => "wait.condvar",
            Wait::Io => "wait.io",
            Wait::Join => "wait.join",
            Wait::Sleep => "wait.sleep",
        }
    }
}

/// A span of the calling thread's time, recorded when the guard is dropped
/// (or [`end`](Span::end)ed). Off, it holds nothing and records nothing.
///
/// Bind it to a named variable, `let _waiting = …`: `let _ = …` drops it at
/// once, and records a span of no length.
#[must_use = "a span ends when its guard is dropped: bind it, `let _span = …`"]
#[derive(Debug)]
pub struct Span {
    started: Option<u64>,
    cat: &'static str,
    name: &'static str,
    often: bool,
}

impl Span {
    #[inline]
    fn begin(cat: &'static str, name: &'static str) -> Span {
        Span {
            started: recorder().map(|recorder| recorder.now()),
            cat,
            name,
            often: false,
        }
    }

    /// Ends the span now (the same as dropping it).
    pub fn end(self) {}

    /// Marks a span taken so often that only its stretches can be drawn: a
    /// lock taken for each of 100 000 increments, say, and the waits for it.
    /// When it ends, it joins the span this thread recorded last if that
    /// one is of the same kind and name and ended less than the recorder's
    /// resolution (20 µs) before this one began; and a wait shorter than the
    /// resolution is not recorded at all. A picture of milliseconds looks
    /// the same, and the trace stays small: one span for a run of holds,
    /// one for each wait long enough to see.
    ///
    /// ```
    /// let _held = trace::holding("count").often();
    /// ```
    #[inline]
    pub fn often(mut self) -> Span {
        self.often = true;
        self
    }
}

impl Drop for Span {
    #[inline]
    fn drop(&mut self) {
        if let Some(started) = self.started {
            self.record(started);
        }
    }
}

impl Span {
    #[cold]
    #[inline(never)]
    fn record(&self, started: u64) {
        if let Some(recorder) = recorder() {
            let now = recorder.now();
            let event = Event::new(
                Kind::Span,
                self.cat,
                self.name,
                started,
                now.saturating_sub(started),
            );
            if self.often {
                recorder.push_often(event);
            } else {
                recorder.push(event);
            }
        }
    }
}

/// The calling thread runs `what` (a step worth seeing on its own; for a
/// loop of CPU-bound work, [`work`](crate::work) shows when the thread was
/// really on a core).
#[inline]
pub fn running(what: &'static str) -> Span {
    Span::begin("run", what)
}

/// The calling thread waits, blocked, for `kind`: `what` says on what
/// (`"poll"`, `"queue not empty"`).
#[inline]
pub fn waiting(kind: Wait, what: &'static str) -> Span {
    Span::begin(kind.category(), what)
}

/// The calling thread holds the lock `lock`.
#[inline]
pub fn holding(lock: &'static str) -> Span {
    Span::begin("hold", lock)
}

/// The stretch of the program a picture shows: `cargo xtask pictures`
/// draws the time from this guard's making to its drop, when a picture
/// names the region `name`.
#[inline]
pub fn region(name: &'static str) -> Span {
    Span::begin("region", name)
}
