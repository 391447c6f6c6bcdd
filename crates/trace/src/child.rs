//! A lane for a child process that records nothing itself (`sleep`,
//! `gzip`): its parent draws there what it knows of the child's life.

use std::sync::Arc;

use crate::lane::{Event, Kind, Lane};
use crate::recorder::recorder;
use crate::span::Wait;

/// A child process's life as its parent saw it: a lane of its own, labelled
/// `label`, with one span of `kind`, named `what`, from the guard's making
/// (just after the spawn) to its drop (once the child is reaped). For a
/// child that cannot record itself; a child that runs the course's recorder
/// (with `{pid}` in [`ENV`](crate::ENV)) writes lanes of its own instead.
///
/// The lane belongs to the parent's process in the trace (Perfetto shows it
/// as one of its threads), after the lanes made before it. Off, the guard
/// holds nothing and records nothing.
///
/// ```
/// use std::process::Command;
///
/// let mut child = Command::new("sleep").arg("0.01").spawn()?;
/// let asleep = trace::child("child 1", trace::Wait::Sleep, "sleep 0.01");
/// child.wait()?;
/// asleep.end(); // reaped: its lane ends here
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn child(label: impl Into<String>, kind: Wait, what: &'static str) -> Child {
    let lane = recorder().map(|recorder| (recorder.new_lane(label.into()), recorder.now()));
    Child {
        lane,
        cat: kind.category(),
        what,
    }
}

/// The guard [`child`] returns: its span ends when it is dropped (or
/// [`end`](Child::end)ed).
#[must_use = "the child's span ends when its guard is dropped: bind it, `let asleep = …`"]
#[derive(Debug)]
pub struct Child {
    /// The child's lane and when its span began; `None` when off.
    lane: Option<(Arc<Lane>, u64)>,
    cat: &'static str,
    what: &'static str,
}

impl Child {
    /// Ends the span now (what dropping the guard does).
    pub fn end(self) {}
}

impl Drop for Child {
    fn drop(&mut self) {
        if let (Some((lane, started)), Some(recorder)) = (&self.lane, recorder()) {
            let now = recorder.now();
            lane.lock().push(Event::new(
                Kind::Span,
                self.cat,
                self.what,
                *started,
                now.saturating_sub(*started),
            ));
        }
    }
}
