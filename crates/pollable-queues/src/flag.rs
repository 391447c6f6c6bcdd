//! The "items are waiting" flag a [`PollableQueue`](crate::PollableQueue)
//! raises and lowers.
//!
//! The queue calls [`Flag::raise`] when it goes from empty to non-empty and
//! [`Flag::lower`] when it goes back to empty, both while holding its lock.
//! So the flag changes only on those two edges, never twice in a row the
//! same way.

use std::io::{self, Read, Write};
use std::os::fd::{AsFd, BorrowedFd};
use std::os::unix::net::UnixStream;

use kit::sync::{AtomicBool, Ordering};

/// A signal with two states. Raising a raised flag, or lowering a lowered
/// one, never happens (see the module docs).
pub trait Flag {
    /// Empty to not empty: items are waiting now.
    fn raise(&self);
    /// Not empty to empty: the last item was taken.
    fn lower(&self);
}

// ANCHOR: socket_flag
/// A flag `poll()` can see: a connected pair of sockets holding one byte
/// while the flag is raised, none while it is lowered. The reading end is
/// readable exactly while the byte is there.
///
/// Why one byte per *state change*, not one per item as in the cookbook: a
/// socket's buffer is limited, and one-byte writes fill it fast (each
/// carries bookkeeping far larger than its byte: on Linux a few hundred
/// fill a Unix socket pair). Once it is full the cookbook's `put` blocks —
/// or, with a non-blocking socket, fails. One byte in flight at most never
/// fills it.
#[derive(Debug)]
pub struct SocketFlag {
    reader: UnixStream,
    writer: UnixStream,
}

impl SocketFlag {
    /// A lowered flag: a fresh socket pair, both ends non-blocking.
    pub fn new() -> io::Result<Self> {
        let (reader, writer) = UnixStream::pair()?;
        // Neither call can block while the invariant holds (at most one
        // byte, read only after it was written). Non-blocking turns a broken
        // invariant into a loud error instead of a silent hang.
        reader.set_nonblocking(true)?;
        writer.set_nonblocking(true)?;
        Ok(SocketFlag { reader, writer })
    }
}

impl Flag for SocketFlag {
    fn raise(&self) {
        (&self.writer)
            .write_all(&[1])
            .expect("one byte always fits: the flag holds at most one byte");
    }

    fn lower(&self) {
        (&self.reader)
            .read_exact(&mut [0])
            .expect("the byte is there: lower() only follows a raise()");
    }
}

impl AsFd for SocketFlag {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.reader.as_fd()
    }
}
// ANCHOR_END: socket_flag

/// The same flag as an atomic boolean: what the loom models check the queue
/// with, since loom can explore threads and memory but not sockets.
#[derive(Debug, Default)]
pub struct AtomicFlag(AtomicBool);

impl AtomicFlag {
    /// Whether the flag is raised: what a `poll()` on a [`SocketFlag`]
    /// would report as readable.
    pub fn is_raised(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

impl Flag for AtomicFlag {
    fn raise(&self) {
        let was = self.0.swap(true, Ordering::SeqCst);
        assert!(!was, "raised twice: the queue's invariant is broken");
    }

    fn lower(&self) {
        let was = self.0.swap(false, Ordering::SeqCst);
        assert!(was, "lowered twice: the queue's invariant is broken");
    }
}
