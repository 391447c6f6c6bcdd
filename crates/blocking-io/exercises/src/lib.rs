//! The exercises of the `blocking-io` lesson (book/src/blocking-io.md): each
//! module is a file you edit, checked by `cargo xtask learn check <name>`:
//!
//! - `blocking-io-overlap`: [`overlap`], blocking calls on one thread each,
//!   waiting together;
//! - `blocking-io-factorise`: [`factorise`], one thread per job, results in
//!   the order of the jobs;
//! - `blocking-io-send`: [`send`], a handle that several threads share, and
//!   the `Send` bound that decides which handle it can be.
//!
//! With `--features solutions` each module is the answer from
//! `solutions/` instead.
//!
//! Given here, not exercises: [`slow_system_call`], the lesson's blocking
//! call, and [`on_threads`], a function with a `Send` bound.
//!
//! There is no `sync` shim and no loom model: no exercise here builds a
//! synchronisation primitive; threads own their work and return results
//! through `join`.
#![cfg_attr(not(feature = "solutions"), allow(clippy::todo, unused))]

use std::io::{self, Read};
use std::os::unix::net::UnixStream;
use std::thread;
use std::time::Duration;

#[cfg_attr(feature = "solutions", path = "../solutions/factorise.rs")]
pub mod factorise;
#[cfg_attr(feature = "solutions", path = "../solutions/overlap.rs")]
pub mod overlap;
#[cfg_attr(feature = "solutions", path = "../solutions/send.rs")]
pub mod send;

/// The lesson's slow system call: a read on a line nobody writes to (our end
/// of a socket pair whose other end stays open and silent), given up after
/// `timeout`. The thread sleeps in the kernel for the whole `timeout`.
///
/// # Errors
///
/// If the line could not be made, or if it answered (it never does).
pub fn slow_system_call(timeout: Duration) -> io::Result<()> {
    let (mut ours, _theirs) = UnixStream::pair()?;
    ours.set_read_timeout(Some(timeout))?;
    match ours.read(&mut [0; 1]) {
        Err(err)
            if matches!(
                err.kind(),
                io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
            ) =>
        {
            Ok(())
        }
        Err(err) => Err(err),
        Ok(_) => Err(io::Error::other("a line nobody writes to answered")),
    }
}

/// Runs every job on a thread of its own, all at once, and returns their
/// results in the order of `jobs`. The bound `F: Send` is the point: each
/// job is *moved* to another thread, so everything it holds must be safe to
/// move there.
///
/// # Panics
///
/// If a job panics (with its panic, once every thread is joined).
pub fn on_threads<T, F>(jobs: Vec<F>) -> Vec<T>
where
    F: FnOnce() -> T + Send,
    T: Send,
{
    thread::scope(|scope| {
        let handles: Vec<_> = jobs.into_iter().map(|job| scope.spawn(job)).collect();
        let results: Vec<thread::Result<T>> = handles.into_iter().map(|h| h.join()).collect();
        results
            .into_iter()
            .map(|r| r.unwrap_or_else(|payload| std::panic::resume_unwind(payload)))
            .collect()
    })
}
