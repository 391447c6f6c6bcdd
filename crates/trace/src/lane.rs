//! One thread's lane of events, and how work slices join into spans.

use std::borrow::Cow;
use std::sync::{Mutex, MutexGuard, PoisonError};

/// A thread records at most this many events; past it, it counts what it
/// dropped (the trace says how many), so a runaway loop cannot eat memory.
const MAX_EVENTS_PER_LANE: usize = 1 << 20;

/// Work slices closer than this are one span; a slice that ran this much
/// less than it took is drawn as running, then waiting for a core.
pub(crate) const RESOLUTION_NS: u64 = 20_000;

/// What a thread that is ready but not running waits for, in Rust.
pub(crate) const READY: &str = "waiting for a core";

/// What an event is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A span: `ts` to `ts + dur`.
    Span,
    Instant,
    FlowOut(u64),
    FlowIn(u64),
}

/// One recorded event, in nanoseconds since the recorder started.
#[derive(Debug, Clone)]
pub(crate) struct Event {
    pub kind: Kind,
    /// `run`, `ready`, `wait.io`, `hold`, `region`…: what the renderer draws.
    pub cat: &'static str,
    pub name: Cow<'static, str>,
    pub ts: u64,
    pub dur: u64,
}

impl Event {
    pub(crate) fn new(
        kind: Kind,
        cat: &'static str,
        name: &'static str,
        ts: u64,
        dur: u64,
    ) -> Self {
        Event {
            kind,
            cat,
            name: Cow::Borrowed(name),
            ts,
            dur,
        }
    }
}

/// One thread's events.
#[derive(Debug)]
pub(crate) struct Lane {
    pub tid: u64,
    pub(crate) data: Mutex<LaneData>,
}

#[derive(Debug, Default)]
pub(crate) struct LaneData {
    pub name: Option<String>,
    pub events: Vec<Event>,
    pub dropped: u64,
    /// Work slices not yet written as a span: the run they make so far.
    pub open_run: Option<(u64, u64)>,
}

impl Lane {
    pub(crate) fn lock(&self) -> MutexGuard<'_, LaneData> {
        // A thread that panicked while recording left whole events behind.
        self.data.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl LaneData {
    pub(crate) fn push(&mut self, event: Event) {
        if self.events.len() < MAX_EVENTS_PER_LANE {
            self.events.push(event);
        } else {
            self.dropped += 1;
        }
    }

    /// A span taken often ([`Span::often`](crate::Span::often)): it
    /// extends the last event if that is a span of the same kind and name
    /// that ended less than [`RESOLUTION_NS`] before this one began; a wait
    /// shorter than that is left out; anything else is pushed.
    pub(crate) fn push_often(&mut self, event: Event) {
        if let Some(last) = self.events.last_mut()
            && last.kind == Kind::Span
            && last.cat == event.cat
            && last.name == event.name
            && event.ts <= last.ts + last.dur + RESOLUTION_NS
        {
            last.dur = (event.ts + event.dur).max(last.ts + last.dur) - last.ts;
        } else if !(event.cat.starts_with("wait.") && event.dur < RESOLUTION_NS) {
            self.push(event);
        }
    }

    /// Running from `from` to `to`: joins the open run if it starts where
    /// that one ended, or starts a new one.
    pub(crate) fn extend_run(&mut self, from: u64, to: u64) {
        match &mut self.open_run {
            Some((_, end)) if from <= *end + RESOLUTION_NS => *end = to.max(*end),
            _ => {
                self.close_run();
                if to > from {
                    self.open_run = Some((from, to));
                }
            }
        }
    }

    pub(crate) fn close_run(&mut self) {
        if let Some((start, end)) = self.open_run.take() {
            self.push(Event::new(Kind::Span, "run", "work", start, end - start));
        }
    }
}
