//! # Exercise `pollable-queues-poll`: one poll over two queues and a socket
//!
//! Read first, in book/src/pollable-queues.md (`cargo xtask learn` prints
//! the link to the section): "One poll waits on queues and a socket".
//!
//! One consumer thread, three sources: a queue of numbers, a queue of words
//! (both [`ByteQueue`]s, readable while items wait) and a socket. Write
//! [`gather`]: wait on **all three at once** with `nix::poll::poll`, and
//! whenever one is readable, take what it has:
//!
//! - a queue: `try_get` until it returns `None`;
//! - the socket: one `read`; `0` bytes means the end of its stream: stop
//!   watching it (at its end a socket stays readable for ever);
//! - stop once `items` queue items (both queues together) have arrived and
//!   the socket has ended;
//! - if `poll` finds nothing readable for `patience`, return an error of
//!   kind `ErrorKind::TimedOut`: after `patience`, not twice as late (the
//!   tests time it); if it fails with `EINTR` (a signal), wait again.
//!
//! Check it: `cargo xtask learn check pollable-queues-poll`.

use std::io::{self, ErrorKind, Read};
use std::os::fd::AsFd;
use std::time::Duration;

use nix::errno::Errno;
use nix::poll::{PollFd, PollFlags, PollTimeout, poll};

use crate::Gathered;
use crate::given::ByteQueue;

/// Waits on `numbers`, `words` and `socket` at once, with `poll()`, and
/// gathers everything they deliver until `items` queue items (from both
/// queues together) have arrived and the socket has reached the end of its
/// stream. If nothing becomes readable for `patience`, gives up with an
/// error of kind `TimedOut` (a wake-up lost, or a source never watched).
pub fn gather<S: Read + AsFd>(
    numbers: &ByteQueue<u32>,
    words: &ByteQueue<String>,
    socket: &mut S,
    items: usize,
    patience: Duration,
) -> io::Result<Gathered> {
    // TODO: loop until `items` queue items have arrived and the socket has
    // ended: build the `PollFd`s (`PollFd::new(queue.as_fd(),
    // PollFlags::POLLIN)`, the socket's only while it is open), `poll` them
    // with `patience` as the timeout, then serve every one whose `revents()`
    // say it is readable (`POLLIN`, or `POLLHUP` for a socket whose other
    // end has gone).
    todo!("gather")
}
