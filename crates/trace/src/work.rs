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
    work_every(items, SLICE)
}

/// [`work`], in slices of `every` items instead of [`SLICE`] (`0` counts as
/// 1): for items that are each a long piece of work, such as a pair whose
/// slow gcd takes milliseconds, so that each is timed on its own. The
/// slices meet end to end, as [`work`]'s do, where timing each item with a
/// `work` of its own would leave out the moments between them. (Python's
/// `work(items, every=…)`.)
///
/// ```
/// let pairs = [(12u64, 18u64), (9, 28)];
/// let gcds: Vec<u64> = trace::work_every(pairs, 1)
///     .map(|(a, b)| (1..=a.min(b)).rev().find(|d| a % d == 0 && b % d == 0).unwrap_or(1))
///     .collect();
/// assert_eq!(gcds, [6, 1]);
/// ```
#[inline]
pub fn work_every<I: IntoIterator>(items: I, every: u32) -> Work<I::IntoIter> {
    let every = every.max(1);
    Work {
        items: items.into_iter(),
        slice: recorder().map(|recorder| Slice {
            every,
            // `next` counts the call that asks for an item: the first cut
            // comes when `every` items have been taken and the next is
            // asked for, not one earlier.
            left: every.saturating_add(1),
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

/// The slice in progress: how many items make one, how many are left in
/// it, and when it began on the recorder's clock and on the thread's CPU
/// clock.
#[derive(Debug)]
struct Slice {
    every: u32,
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
        self.left = self.every;
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
