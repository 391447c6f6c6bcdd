//! What the `pollable-queues` lesson builds: waiting on several queues at
//! once (Python Cookbook 12.13). The program is `src/main.rs`, the chapter
//! `book/src/pollable-queues.md`.
//!
//! A thread that blocks in `get()` on one queue cannot notice an item
//! arriving on another, nor data on a socket. The operating system already
//! knows how to wait on many things at once — `poll()` over file descriptors —
//! so the recipe gives each queue a descriptor of its own that is readable
//! while the queue has items. Then one `poll()` waits on queues and sockets
//! together.
//!
//! - [`flag`]: the "items are waiting" signal, as a descriptor (the real
//!   one) or as an atomic (the one the loom models use);
//! - [`queue`]: the [`PollableQueue`], which keeps that flag raised exactly
//!   while it holds items; its lock and flag come from `kit::sync`, loom's
//!   types under `--cfg loom`;
//! - [`ready`]: one `poll()` over any set of descriptors, and
//!   [`bytes_until_blocked`] and [`slept_through_an_item`], the evidence the
//!   program gathers with it;
//! - [`verdict`]: how the lesson decides each `yes`/`no` it prints, shared
//!   with the tests that show every one of them can come out the other way.

pub mod flag;
pub mod queue;
pub mod verdict;

pub use queue::PollableQueue;

use std::io::{self, ErrorKind, Write};
use std::os::fd::BorrowedFd;
use std::time::{Duration, Instant};

use nix::poll::{PollFd, PollFlags, PollTimeout, poll};

// ANCHOR: ready
/// Waits until at least one of `fds` is readable, or `timeout` passes, and
/// returns the positions of the readable ones (empty on timeout).
/// `None` waits for ever.
///
/// ```
/// use std::os::fd::AsFd;
/// use std::time::Duration;
/// use pollable_queues::{PollableQueue, ready};
///
/// let numbers: PollableQueue<u32> = PollableQueue::new()?;
/// let words = PollableQueue::new()?;
/// words.put("hello");
/// let readable = ready(&[numbers.as_fd(), words.as_fd()], Some(Duration::ZERO))?;
/// assert_eq!(readable, [1]);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn ready(fds: &[BorrowedFd<'_>], timeout: Option<Duration>) -> io::Result<Vec<usize>> {
    let mut poll_fds: Vec<PollFd<'_>> = fds
        .iter()
        .map(|fd| PollFd::new(*fd, PollFlags::POLLIN))
        .collect();
    // A deadline, not a duration: a signal that interrupts the wait (EINTR)
    // must not start the whole timeout again, or a steady stream of signals
    // would keep the caller waiting for ever.
    let deadline = timeout.and_then(|limit| Instant::now().checked_add(limit));
    loop {
        let left = match (timeout, deadline) {
            (None, _) => PollTimeout::NONE,
            // Too far off to express as an instant: as good as for ever.
            (Some(_), None) => PollTimeout::MAX,
            (Some(_), Some(deadline)) => poll_timeout(deadline, Instant::now()),
        };
        match poll(&mut poll_fds, left) {
            // A signal handler ran while we waited: wait out the rest.
            Err(nix::errno::Errno::EINTR) => continue,
            Err(errno) => return Err(errno.into()),
            // Nothing ready, but woken before the deadline: wait out the rest.
            Ok(0) if deadline.is_some_and(|deadline| Instant::now() < deadline) => continue,
            Ok(_) => break,
        }
    }
    // POLLHUP counts as readable: reading will report the end of the stream.
    let readable = PollFlags::POLLIN | PollFlags::POLLHUP;
    Ok(poll_fds
        .iter()
        .enumerate()
        .filter(|(_, fd)| {
            fd.revents()
                .is_some_and(|events| events.intersects(readable))
        })
        .map(|(index, _)| index)
        .collect())
}
// ANCHOR_END: ready

/// What is left until `deadline`, seen at `now`, as `poll()` counts it:
/// whole milliseconds rounded up (rounding down would wake before the
/// deadline), zero once it has passed, at most `PollTimeout::MAX`.
///
/// ```
/// use std::time::{Duration, Instant};
/// use nix::poll::PollTimeout;
/// use pollable_queues::poll_timeout;
///
/// let now = Instant::now();
/// let deadline = now + Duration::from_micros(2_500);
/// assert_eq!(poll_timeout(deadline, now), PollTimeout::from(3u8));
/// assert_eq!(poll_timeout(deadline, deadline + Duration::from_secs(1)), PollTimeout::ZERO);
/// ```
pub fn poll_timeout(deadline: Instant, now: Instant) -> PollTimeout {
    let left = deadline.saturating_duration_since(now);
    PollTimeout::try_from(left.as_nanos().div_ceil(1_000_000)).unwrap_or(PollTimeout::MAX)
}

/// Writes one byte at a time into `writer` (set non-blocking by the caller)
/// until a write would block, or `limit` bytes went in; returns how many
/// did. The cookbook's queue writes one byte per item: this is how many
/// items it could hold before its `put` blocked.
///
/// ```
/// use std::os::unix::net::UnixStream;
/// use pollable_queues::bytes_until_blocked;
///
/// let (_reader, writer) = UnixStream::pair()?;
/// writer.set_nonblocking(true)?;
/// assert_eq!(bytes_until_blocked(&writer, 10)?, 10); // ten bytes fit
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn bytes_until_blocked(mut writer: impl Write, limit: u64) -> io::Result<u64> {
    let mut fitted = 0;
    while fitted < limit {
        match writer.write(&[1]) {
            Ok(_) => fitted += 1,
            Err(err) if err.kind() == ErrorKind::WouldBlock => break,
            Err(err) if err.kind() == ErrorKind::Interrupted => {}
            Err(err) => return Err(err),
        }
    }
    Ok(fitted)
}

/// A lost wake-up, seen by the one consumer of a queue: items were waiting
/// (`waiting_before`) when it called `poll()`, and the poll still timed out
/// without reporting the queue readable (`woke` false). Only that consumer
/// takes items, so they were still waiting while the poll looked.
pub fn slept_through_an_item(waiting_before: bool, woke: bool) -> bool {
    waiting_before && !woke
}
