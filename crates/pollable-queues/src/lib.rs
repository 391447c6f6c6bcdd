//! Lesson 11: waiting on several queues at once (Python Cookbook 12.13).
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
//!   while it holds items;
//! - [`ready`]: one `poll()` over any set of descriptors.

pub mod flag;
pub mod queue;
mod sync;

pub use queue::PollableQueue;

use std::io;
use std::os::fd::BorrowedFd;
use std::time::Duration;

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
    let timeout = match timeout {
        None => PollTimeout::NONE,
        // poll() counts in whole milliseconds, up to about 24 days.
        Some(limit) => PollTimeout::try_from(limit).unwrap_or(PollTimeout::MAX),
    };
    loop {
        match poll(&mut poll_fds, timeout) {
            // A signal interrupted the wait: wait again. (A long timeout
            // restarts from the beginning; fine for this lesson.)
            Err(nix::errno::Errno::EINTR) => continue,
            Err(errno) => return Err(errno.into()),
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
