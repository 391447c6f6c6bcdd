//! The checks behind every `yes`/`no` the lesson prints.
//!
//! `main.rs` prints what these return; `tests/verdicts.rs` feeds each one a
//! broken variant (a flag that is never raised, a stack instead of a queue,
//! a producer that drops items) and watches the answer flip. A verdict that
//! could only ever say `yes` would prove nothing.

use std::io::{self, ErrorKind, Write};
use std::os::fd::BorrowedFd;
use std::time::Duration;

use crate::ready;

/// `yes` or `no`, as the lesson prints a verdict.
pub fn yes_no(claim: bool) -> &'static str {
    if claim { "yes" } else { "no" }
}

/// Whether `fd` is readable right now: one `poll()` that does not wait.
///
/// ```
/// use std::io::Write;
/// use std::os::fd::AsFd;
/// use std::os::unix::net::UnixStream;
/// use pollable_queues::verdict::readable;
///
/// let (ours, mut theirs) = UnixStream::pair()?;
/// assert!(!readable(ours.as_fd())?);
/// theirs.write_all(b"!")?;
/// assert!(readable(ours.as_fd())?);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn readable(fd: BorrowedFd<'_>) -> io::Result<bool> {
    Ok(!ready(&[fd], Some(Duration::ZERO))?.is_empty())
}

/// Writes one byte at a time into `writer` (set non-blocking by the caller)
/// until a write would block, or `limit` bytes went in; returns how many
/// did. The cookbook's queue writes one byte per item: this is how many
/// items it could hold before its `put` blocked.
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

/// Whether a writer that `fitted` bytes before it would block (see
/// [`bytes_until_blocked`]) blocks before `items` one-byte puts.
pub fn blocks_before(fitted: u64, items: u64) -> bool {
    fitted < items
}

/// Whether `take` hands out exactly `expected`, in that order, and then
/// nothing more.
///
/// ```
/// use std::collections::VecDeque;
/// use pollable_queues::verdict::drained_in_order;
///
/// let mut fifo: VecDeque<u32> = (0..3).collect();
/// assert!(drained_in_order(|| fifo.pop_front(), 0..3));
/// let mut stack: Vec<u32> = (0..3).collect();
/// assert!(!drained_in_order(|| stack.pop(), 0..3));
/// ```
pub fn drained_in_order<T: PartialEq>(
    mut take: impl FnMut() -> Option<T>,
    expected: impl IntoIterator<Item = T>,
) -> bool {
    let mut in_order = true;
    for item in expected {
        in_order &= take() == Some(item);
    }
    in_order && take().is_none()
}

/// Whether `got`, in any order, is exactly `0..total`: each item once,
/// none lost, none twice. Sorts `got`.
///
/// ```
/// use pollable_queues::verdict::each_exactly_once;
///
/// assert!(each_exactly_once(&mut vec![2, 0, 1], 3));
/// assert!(!each_exactly_once(&mut vec![2, 0, 0], 3)); // 1 lost, 0 twice
/// ```
pub fn each_exactly_once(got: &mut [u32], total: u32) -> bool {
    got.sort_unstable();
    got.iter().copied().eq(0..total)
}

/// A lost wake-up: items were waiting before a `poll()` that still timed
/// out without reporting the queue readable.
pub fn slept_through_an_item(waiting_before: bool, woke: bool) -> bool {
    waiting_before && !woke
}
