//! [`Gauge`]: counts how many jobs are running at once and remembers the
//! most it ever saw, so the lesson can *show* that a pool of N never runs
//! more than N jobs at once instead of assuming it.

use kit::sync::{AtomicUsize, Ordering};

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
        // `Relaxed` is enough for the counting itself. Whoever reads `peak`
        // must know the jobs have finished, and that knowledge orders the
        // read after them: a `join` of their threads, or (in the lesson's
        // pool) each job's `result()`, which takes the lock its worker
        // released after the job, and its guard, had finished.
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
