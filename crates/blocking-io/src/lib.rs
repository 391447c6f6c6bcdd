//! What the `blocking-io` lesson needs that is not the point of its sections
//! (Effective Python Items 53 and 64). The chapter is `book/src/blocking-io.md`.
//!
//! - [`wait_readable`]: one genuinely blocking system call, `poll(2)` with a
//!   timeout, on any file descriptor.
//! - [`Line`]: a descriptor nobody writes to (our end of a socket pair), so the
//!   call really blocks; [`fresh_tcp_socket`]: the descriptor the Python notes
//!   used, which is "ready" at once on Linux.
//! - [`slow_system_call`]: the notes' `slow_systemcall()`, made to block.
//! - [`divisors`]: the notes' deliberately slow `factorize`, on [`NUMBERS`].
//! - [`one_thread_each`]: run jobs on a thread each, results in job order.
//! - [`best_speed_up`]: the most that N cores can give a set of jobs.
//! - [`shares`]: the same work split into shares, one thread per share:
//!   one per number, or equal slices, one per core.
//! - [`verdict`]: every `yes`/`no` the lesson prints, computed from its
//!   evidence.
//!
//! Nothing here is a synchronisation primitive built by hand: the threads share
//! no mutable state (each owns its job or its share and returns its result),
//! so the lesson has no loom model to check.

use std::io::{self, Write};
use std::num::{NonZeroU64, NonZeroUsize};
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::net::UnixStream;
use std::panic;
use std::thread;
use std::time::{Duration, Instant};

use nix::errno::Errno;
use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use nix::sys::socket::{AddressFamily, SockFlag, SockType, socket};

pub mod shares;
pub mod verdict;

// ANCHOR: wait_readable
/// How a wait for a descriptor to become readable ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waited {
    /// The whole timeout passed and the descriptor never became readable.
    TimedOut,
    /// The kernel reported the descriptor ready. `hung_up` is poll's
    /// `POLLHUP`: the other side has gone, or (for a socket that was never
    /// connected) was never there. `select` and `poll` count a hang-up as
    /// readable, because a read would not block: it returns end of file, or
    /// fails at once.
    Ready { hung_up: bool },
}

/// Blocks the calling thread in `poll(2)` until `fd` is readable or `timeout`
/// has passed, and says which.
///
/// The thread sleeps in the kernel the whole time: it uses no CPU, and other
/// threads run on. Returns [`Waited::TimedOut`] only once at least `timeout`
/// has passed: a signal that interrupts the call (`EINTR`), or a wake-up a
/// little early, makes it wait out the rest.
///
/// # Errors
///
/// `InvalidInput` when `timeout` is longer than `poll` can wait
/// (`i32::MAX` milliseconds, about 24.8 days); any error `poll` reports.
///
/// ```
/// use blocking_io::{Waited, wait_readable};
/// use std::io::Write;
/// use std::os::unix::net::UnixStream;
/// use std::time::{Duration, Instant};
///
/// let (ours, mut theirs) = UnixStream::pair()?;
/// // Nobody has written: the call sits out its whole timeout.
/// let started = Instant::now();
/// assert_eq!(wait_readable(&ours, Duration::from_millis(20))?, Waited::TimedOut);
/// assert!(started.elapsed() >= Duration::from_millis(20));
/// // One byte from the other end, and it returns at once.
/// theirs.write_all(b"!")?;
/// assert_eq!(wait_readable(&ours, Duration::from_secs(10))?, Waited::Ready { hung_up: false });
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn wait_readable(fd: impl AsFd, timeout: Duration) -> io::Result<Waited> {
    // Refuse a timeout poll cannot express before starting the clock.
    whole_millis_rounded_up(timeout)?;
    let deadline = Instant::now()
        .checked_add(timeout)
        .ok_or_else(|| too_long(timeout))?;
    let mut fds = [PollFd::new(fd.as_fd(), PollFlags::POLLIN)];
    let _waiting = trace::waiting(trace::Wait::Io, "poll"); // for the chapter's pictures
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match poll(&mut fds, whole_millis_rounded_up(left)?) {
            // Nothing became ready: done, unless we woke before the deadline.
            Ok(0) if Instant::now() >= deadline => return Ok(Waited::TimedOut),
            Ok(0) => continue,
            Ok(_) => {
                let events = fds[0].revents().unwrap_or(PollFlags::empty());
                let hung_up = events.contains(PollFlags::POLLHUP);
                return Ok(Waited::Ready { hung_up });
            }
            // A signal handler ran while we waited: wait out the rest.
            Err(Errno::EINTR) => continue,
            Err(errno) => return Err(errno.into()),
        }
    }
}
// ANCHOR_END: wait_readable

/// `duration` in whole milliseconds, rounded up (poll counts in milliseconds;
/// rounding down would wake us before the deadline).
fn whole_millis_rounded_up(duration: Duration) -> io::Result<PollTimeout> {
    let millis = duration.as_nanos().div_ceil(1_000_000);
    PollTimeout::try_from(millis).map_err(|_| too_long(duration))
}

fn too_long(timeout: Duration) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("a timeout of {timeout:?} is longer than poll(2) can wait (about 24.8 days)"),
    )
}

// ANCHOR: line
/// A serial line to the helicopter that never answers: our end of a Unix
/// socket pair whose other end we hold open and never write to.
///
/// Both ends are kept: if the far end were closed, our end would read end of
/// file at once, which `poll` reports as ready (a hang-up), and the wait would
/// not block at all.
#[derive(Debug)]
pub struct Line {
    ours: UnixStream,
    theirs: UnixStream,
}

impl Line {
    /// Opens a new, silent line.
    ///
    /// # Errors
    ///
    /// When the process may open no more descriptors (`EMFILE`).
    pub fn new() -> io::Result<Line> {
        let (ours, theirs) = UnixStream::pair()?;
        Ok(Line { ours, theirs })
    }

    /// Waits up to `timeout` for the helicopter to answer: [`wait_readable`]
    /// on our end.
    ///
    /// # Errors
    ///
    /// As [`wait_readable`].
    pub fn wait_for_reply(&self, timeout: Duration) -> io::Result<Waited> {
        wait_readable(&self.ours, timeout)
    }

    /// The helicopter answers: one byte written at the far end makes our end
    /// readable, and ends any wait on it. Takes `&self`: a `UnixStream` may be
    /// written through a shared reference, so one thread can wait on a line
    /// while another answers it.
    ///
    /// # Errors
    ///
    /// Any error writing to the socket.
    pub fn answer(&self) -> io::Result<()> {
        (&self.theirs).write_all(b"!")
    }
}
// ANCHOR_END: line

// ANCHOR: slow_system_call
/// The notes' `slow_systemcall()`, made to block: waits `timeout` on a fresh
/// line that nobody writes to, so it always takes at least `timeout`.
///
/// ```
/// use std::time::{Duration, Instant};
///
/// let started = Instant::now();
/// blocking_io::slow_system_call(Duration::from_millis(20))?;
/// assert!(started.elapsed() >= Duration::from_millis(20));
/// # Ok::<(), std::io::Error>(())
/// ```
///
/// # Errors
///
/// As [`Line::new`] and [`wait_readable`].
pub fn slow_system_call(timeout: Duration) -> io::Result<()> {
    match Line::new()?.wait_for_reply(timeout)? {
        Waited::TimedOut => Ok(()),
        Waited::Ready { .. } => Err(io::Error::other(
            "a line that nobody writes to became readable",
        )),
    }
}
// ANCHOR_END: slow_system_call

/// A new TCP socket, never bound or connected: what the notes' `socket.socket()`
/// creates, and what their `select` waits on.
///
/// ```
/// # #[cfg(target_os = "linux")] {
/// use blocking_io::{Waited, fresh_tcp_socket, wait_readable};
/// use std::time::Duration;
///
/// // On Linux it is "ready" at once, however long the timeout.
/// let socket = fresh_tcp_socket()?;
/// assert_eq!(wait_readable(&socket, Duration::from_secs(10))?, Waited::Ready { hung_up: true });
/// # }
/// # Ok::<(), std::io::Error>(())
/// ```
///
/// # Errors
///
/// When the process may open no more descriptors.
pub fn fresh_tcp_socket() -> io::Result<OwnedFd> {
    Ok(socket(
        AddressFamily::Inet,
        SockType::Stream,
        SockFlag::empty(),
        None,
    )?)
}

/// Where the helicopter should fly at `step` of its patrol: the corners of a
/// pentagon on a circle of 100 m around the base, as whole metres `(x, y)`.
/// The work the main thread does while the slow calls wait.
///
/// ```
/// assert_eq!(blocking_io::helicopter_location(0), (100, 0));
/// assert_eq!(blocking_io::helicopter_location(1), (31, 95));
/// assert_eq!(blocking_io::helicopter_location(5), (100, 0));
/// ```
pub fn helicopter_location(step: u32) -> (i32, i32) {
    let angle = f64::from(step % 5) * std::f64::consts::TAU / 5.0;
    // Both values lie in -100.0..=100.0, so the casts cannot overflow.
    let x = (100.0 * angle.cos()).round() as i32;
    let y = (100.0 * angle.sin()).round() as i32;
    (x, y)
}

/// The four numbers the notes factorise.
pub const NUMBERS: [NonZeroU64; 4] = [
    non_zero(2_139_079),
    non_zero(1_214_759),
    non_zero(1_516_637),
    non_zero(1_852_285),
];

/// `n` as a `NonZeroU64`, checked when the program is compiled (a zero here
/// is a compile error, not a panic at run time).
const fn non_zero(n: u64) -> NonZeroU64 {
    match NonZeroU64::new(n) {
        Some(n) => n,
        None => panic!("NUMBERS holds only non-zero numbers"),
    }
}

// ANCHOR: divisors
/// Every divisor of `number`, in ascending order, found the slow way the notes
/// chose on purpose: by trying each candidate from 1 to `number`. Its work is
/// `number` trial divisions, all on the CPU. (`trace::work` hands the
/// candidates through unchanged; when the chapter's pictures are recorded, it
/// also notes when the thread was really running.)
///
/// Zero is refused by the type: every number divides zero, so there is no
/// list to return.
///
/// ```
/// use std::num::NonZeroU64;
///
/// let twelve = NonZeroU64::new(12).expect("12 is not zero");
/// assert_eq!(blocking_io::divisors(twelve), [1, 2, 3, 4, 6, 12]);
/// ```
pub fn divisors(number: NonZeroU64) -> Vec<u64> {
    let number = number.get();
    trace::work(1..=number)
        .filter(|&i| number.is_multiple_of(i))
        .collect()
}
// ANCHOR_END: divisors

// ANCHOR: one_thread_each
/// Runs every job on a thread of its own, all at once, and returns their
/// results in the order of `jobs`.
///
/// The bounds are the whole safety argument, checked by the compiler: each
/// job is moved to another thread, so it must be `Send`, and so must what it
/// returns. The threads are scoped, so a job may borrow the caller's locals;
/// all are joined before this returns.
///
/// ```
/// let words = ["blocking", "io"];
/// let lengths = blocking_io::one_thread_each(words.map(|word| move || word.len()));
/// assert_eq!(lengths, [8, 2]);
/// ```
///
/// An `Rc` is not `Send` (its count is updated without atomics), so a job that
/// holds one does not compile: `tests/wont_compile/rc_is_not_send.rs` is such
/// a program, and `tests/wont_compile.rs` checks, with `trybuild`, that rustc
/// refuses it with `error[E0277]` (the message is in the `.stderr` file
/// beside it).
///
/// # Panics
///
/// If a job panics, with that job's panic (the first in job order, if several
/// do), once every thread has been joined, so that no job is left running:
/// the caller sees the panic as if it had run the job itself. Also if the
/// operating system cannot start a thread.
pub fn one_thread_each<T, F>(jobs: impl IntoIterator<Item = F>) -> Vec<T>
where
    F: FnOnce() -> T + Send,
    T: Send,
{
    thread::scope(|scope| {
        let handles: Vec<_> = jobs.into_iter().map(|job| scope.spawn(job)).collect();
        // Join all of them first, so that no thread is left running if one failed.
        let joining = trace::waiting(trace::Wait::Join, "join");
        let results: Vec<thread::Result<T>> =
            handles.into_iter().map(|handle| handle.join()).collect();
        joining.end();
        results
            .into_iter()
            .map(|result| result.unwrap_or_else(|payload| panic::resume_unwind(payload)))
            .collect()
    })
}
// ANCHOR_END: one_thread_each

// ANCHOR: best_speed_up
/// The most that `cores` cores can speed up `jobs`, one thread per job, where
/// each entry of `jobs` is how much work that job is.
///
/// On one core the jobs take their total. On many, no schedule can beat the
/// larger of two limits: the longest job, which one thread must do alone, and
/// the total shared equally by every core. (The operating system moves threads
/// between cores, so it can come close to that.) The speed-up is the ratio:
/// `min(cores, total / longest)`.
///
/// ```
/// use std::num::NonZeroUsize;
/// use blocking_io::best_speed_up;
///
/// let cores = |n| NonZeroUsize::new(n).expect("not zero");
/// // Four equal jobs: as many times as there are cores, up to four.
/// assert_eq!(best_speed_up(&[10, 10, 10, 10], cores(2)), 2.0);
/// assert_eq!(best_speed_up(&[10, 10, 10, 10], cores(8)), 4.0);
/// // One long job caps it, however many cores there are.
/// assert_eq!(best_speed_up(&[40, 10, 10], cores(8)), 1.5);
/// ```
pub fn best_speed_up(jobs: &[u64], cores: NonZeroUsize) -> f64 {
    let total: u64 = jobs.iter().sum();
    let longest = jobs.iter().copied().max().unwrap_or(0);
    if longest == 0 {
        return 1.0; // no work at all: nothing to speed up
    }
    let cores = cores.get() as f64;
    (total as f64 / longest as f64).min(cores)
}
// ANCHOR_END: best_speed_up

#[cfg(test)]
mod tests {
    use super::*;

    /// Each number's prime factorisation, worked out by hand.
    const PRIME_FACTORS: [(u64, &[u64]); 4] = [
        (2_139_079, &[101, 21_179]),
        (1_214_759, &[7, 7, 13, 1_907]),
        (1_516_637, &[19, 79_823]),
        (1_852_285, &[5, 271, 1_367]),
    ];

    fn is_prime(n: u64) -> bool {
        n >= 2
            && (2..)
                .take_while(|d| d * d <= n)
                .all(|d| !n.is_multiple_of(d))
    }

    #[test]
    fn each_number_is_the_product_of_its_prime_factors() {
        for (number, (expected, factors)) in NUMBERS.iter().zip(PRIME_FACTORS) {
            assert_eq!(number.get(), expected);
            assert!(factors.iter().all(|&f| is_prime(f)), "{factors:?}");
            assert_eq!(factors.iter().product::<u64>(), number.get());
        }
        assert!(!is_prime(1) && !is_prime(49) && is_prime(2) && is_prime(21_179));
    }

    #[test]
    fn rounding_up_to_milliseconds_never_shortens_a_wait() {
        let millis = |d| i32::from(whole_millis_rounded_up(d).unwrap());
        assert_eq!(millis(Duration::ZERO), 0);
        assert_eq!(millis(Duration::from_nanos(1)), 1);
        assert_eq!(millis(Duration::from_micros(100_001)), 101);
        assert_eq!(millis(Duration::from_millis(100)), 100);
    }

    #[test]
    fn the_helicopter_flies_a_pentagon() {
        let course: Vec<_> = (0..5).map(helicopter_location).collect();
        assert_eq!(
            course,
            [(100, 0), (31, 95), (-81, 59), (-81, -59), (31, -95)]
        );
    }
}
