//! [`work`]: CPU-bound items, timed in slices against the thread's own CPU
//! time, so that a picture shows when the thread was really running.
//!
//! A thread that computes does not know when the scheduler takes its core
//! away (or, in Python, when the GIL passes to another thread): to its own
//! clock the work just took longer. Its CPU time knows better: it stops
//! while the thread is not running. So every [`SLICE`] items the recorder
//! reads both, and a slice that took longer than the CPU time it used is
//! drawn as running for that CPU time, then waiting for a core for the
//! rest. The slices are short (a quarter of a millisecond in a debug build,
//! tens of microseconds in a release build), so where in the slice the wait
//! really fell is off by less than that. Slices that ran throughout are
//! joined into one span.

use nix::time::{ClockId, clock_gettime};

use crate::recorder::recorder;

/// How many items make one slice.
pub const SLICE: u32 = 1 << 14;

/// `items`, each of them work for the calling thread, recorded in slices of
/// [`SLICE`] items when the recorder is on. Off, it costs one branch an
/// item.
///
/// ```
/// let number = 1_214_759u64;
/// let divisors: Vec<u64> = trace::work(1..=number)
///     .filter(|&i| number.is_multiple_of(i))
///     .collect();
/// assert_eq!(divisors.len(), 12);
/// ```
///
/// For CPU-bound items only: a thread that blocks inside a slice (a read, a
/// lock) is drawn as waiting for a core, not for what it waited on.
#[inline]
pub fn work<I: IntoIterator>(items: I) -> Work<I::IntoIter> {
    Work {
        items: items.into_iter(),
        slice: recorder().map(|recorder| Slice {
            left: SLICE,
            wall: recorder.now(),
            cpu: thread_cpu_ns(),
        }),
    }
}

/// The iterator [`work`] returns.
#[derive(Debug)]
pub struct Work<I> {
    items: I,
    slice: Option<Slice>,
}

/// The slice in progress: how many items are left in it, and when it began
/// on the recorder's clock and on the thread's CPU clock.
#[derive(Debug)]
struct Slice {
    left: u32,
    wall: u64,
    cpu: Option<u64>,
}

impl Slice {
    #[cold]
    #[inline(never)]
    fn cut(&mut self) {
        if let Some(recorder) = recorder() {
            let wall = recorder.now();
            let cpu = thread_cpu_ns();
            let used = self.cpu.zip(cpu).map(|(from, to)| to.saturating_sub(from));
            recorder.work_slice(self.wall, wall, used);
            self.wall = wall;
            self.cpu = cpu;
        }
        self.left = SLICE;
    }
}

impl<I: Iterator> Iterator for Work<I> {
    type Item = I::Item;

    #[inline]
    fn next(&mut self) -> Option<I::Item> {
        if let Some(slice) = &mut self.slice {
            slice.left -= 1;
            if slice.left == 0 {
                slice.cut();
            }
        }
        self.items.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.items.size_hint()
    }
}

impl<I> Drop for Work<I> {
    /// The last, partial slice.
    #[inline]
    fn drop(&mut self) {
        if let Some(slice) = &mut self.slice {
            slice.cut();
        }
    }
}

/// The CPU time the calling thread has used, in nanoseconds, if the system
/// can say.
fn thread_cpu_ns() -> Option<u64> {
    let time = clock_gettime(ClockId::CLOCK_THREAD_CPUTIME_ID).ok()?;
    let secs = u64::try_from(time.tv_sec()).ok()?;
    let nanos = u64::try_from(time.tv_nsec()).ok()?;
    Some(secs * 1_000_000_000 + nanos)
}
