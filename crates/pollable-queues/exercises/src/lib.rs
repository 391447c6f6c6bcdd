//! The exercises of the `pollable-queues` lesson
//! (book/src/pollable-queues.md): each module is a file you edit, checked by
//! `cargo xtask learn check <name>`:
//!
//! - `pollable-queues-flag-queue`: [`flag_queue`], a queue whose descriptor
//!   is readable exactly while items wait in it;
//! - `pollable-queues-poll`: [`poll_many`], one `poll()` over two queues and
//!   a socket;
//! - `pollable-queues-select`: [`select_many`], the same over channels, with
//!   crossbeam's `select!`.
//!
//! The rest of this file is given: the [`flag::Flag`] a queue raises and
//! lowers, the recipe's queue ([`given::ByteQueue`]), which the poll exercise
//! waits on (so it does not depend on your first answer), and [`Gathered`].
//!
//! With `--features solutions` each module is the answer from
//! `solutions/` instead.
#![cfg_attr(not(feature = "solutions"), allow(clippy::todo, unused))]

#[cfg_attr(feature = "solutions", path = "../solutions/flag_queue.rs")]
pub mod flag_queue;
#[cfg_attr(feature = "solutions", path = "../solutions/poll_many.rs")]
pub mod poll_many;
#[cfg_attr(feature = "solutions", path = "../solutions/select_many.rs")]
pub mod select_many;

/// What a consumer gathered from its sources, each in the order it arrived.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Gathered {
    pub numbers: Vec<u32>,
    pub words: Vec<String>,
    /// Everything read from the socket (or the byte channel), in order.
    pub bytes: Vec<u8>,
}

/// The "items are waiting" signal a [`flag_queue::FlagQueue`] keeps.
pub mod flag {
    use std::io::{Read, Write};
    use std::os::fd::{AsFd, BorrowedFd};
    use std::os::unix::net::UnixStream;
    use std::sync::{Mutex, PoisonError};

    /// A signal with two states, raised or lowered. Raising a raised flag,
    /// or lowering a lowered one, changes nothing.
    pub trait Flag {
        /// From now on, the flag is raised (its descriptor readable).
        fn raise(&self);
        /// From now on, the flag is lowered (its descriptor not readable).
        fn lower(&self);
    }

    /// A flag `poll()` can see: a socket pair holding one byte while the
    /// flag is raised, none while it is lowered. Its reading end (what
    /// [`AsFd`] lends) is readable exactly while the flag is raised.
    #[derive(Debug)]
    pub struct SocketFlag {
        reader: UnixStream,
        writer: UnixStream,
        raised: Mutex<bool>,
    }

    impl SocketFlag {
        pub fn new() -> std::io::Result<SocketFlag> {
            let (reader, writer) = UnixStream::pair()?;
            reader.set_nonblocking(true)?;
            writer.set_nonblocking(true)?;
            Ok(SocketFlag {
                reader,
                writer,
                raised: Mutex::new(false),
            })
        }

        /// Whether the flag is raised now.
        pub fn is_raised(&self) -> bool {
            *self.raised.lock().unwrap_or_else(PoisonError::into_inner)
        }
    }

    impl Flag for SocketFlag {
        fn raise(&self) {
            let mut raised = self.raised.lock().unwrap_or_else(PoisonError::into_inner);
            if !*raised {
                (&self.writer)
                    .write_all(&[1])
                    .expect("one byte always fits: the socket holds at most one");
                *raised = true;
            }
        }

        fn lower(&self) {
            let mut raised = self.raised.lock().unwrap_or_else(PoisonError::into_inner);
            if *raised {
                (&self.reader)
                    .read_exact(&mut [0])
                    .expect("the byte is there while the flag is raised");
                *raised = false;
            }
        }
    }

    impl AsFd for SocketFlag {
        fn as_fd(&self) -> BorrowedFd<'_> {
            self.reader.as_fd()
        }
    }
}

/// Given code the exercises wait on.
pub mod given {
    use std::collections::VecDeque;
    use std::io::{self, ErrorKind, Read, Write};
    use std::os::fd::{AsFd, BorrowedFd};
    use std::os::unix::net::UnixStream;
    use std::sync::{Mutex, PoisonError};

    /// The Cookbook's pollable queue (recipe 12.13): a byte written into a
    /// socket pair for every item put, read back for every item taken. Its
    /// descriptor is readable while items wait. (Its weakness, a socket
    /// that fills after a few hundred waiting items and then blocks `put`,
    /// is the lesson's "Put never blocks" subject; the exercises keep well
    /// below that.)
    #[derive(Debug)]
    pub struct ByteQueue<T> {
        items: Mutex<VecDeque<T>>,
        reader: UnixStream,
        writer: UnixStream,
    }

    impl<T> ByteQueue<T> {
        pub fn new() -> io::Result<ByteQueue<T>> {
            let (reader, writer) = UnixStream::pair()?;
            reader.set_nonblocking(true)?;
            Ok(ByteQueue {
                items: Mutex::new(VecDeque::new()),
                reader,
                writer,
            })
        }

        /// Adds an item, then its byte: a reader that sees the byte finds
        /// the item.
        pub fn put(&self, item: T) {
            self.items
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push_back(item);
            (&self.writer)
                .write_all(&[1])
                .expect("the queue's socket pair is open while the queue lives");
        }

        /// Takes an item if one waits (one byte, then one item); never blocks.
        pub fn try_get(&self) -> Option<T> {
            match (&self.reader).read(&mut [0]) {
                Ok(1) => self
                    .items
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .pop_front(),
                Ok(_) => None,
                Err(err) if err.kind() == ErrorKind::WouldBlock => None,
                Err(err) => panic!("the queue's socket failed: {err}"),
            }
        }
    }

    impl<T> AsFd for ByteQueue<T> {
        /// Readable while items wait.
        fn as_fd(&self) -> BorrowedFd<'_> {
            self.reader.as_fd()
        }
    }
}

/// The synchronisation types your code uses: std's in a normal build,
/// loom's under `--cfg loom`, so that the loom model
/// (`tests/flag_queue_loom.rs`) tries every interleaving of *your* code.
/// Import them from here (`use crate::sync::{Mutex, lock};`).
pub mod sync {
    #[cfg(loom)]
    pub use loom::sync::{Mutex, MutexGuard};
    #[cfg(not(loom))]
    pub use std::sync::{Mutex, MutexGuard};

    use std::sync::PoisonError;

    /// `mutex.lock()`, through poisoning: a queue changes its items and its
    /// flag together under the lock, so a panic elsewhere leaves them whole.
    pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
        mutex.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
