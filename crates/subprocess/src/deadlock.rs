//! The pipe-buffer deadlock, shown without falling into it (the section
//! `a_full_pipe_blocks_its_writer`).
//!
//! A pipe holds a fixed amount (64 KiB by default on Linux). A child whose
//! output no one reads stops reading its input once its stdout pipe is
//! full; then its stdin pipe fills, and the parent's next write waits for
//! ever. The lesson measures how much went in before a write *would*
//! have blocked, rather than hang to prove the point.

use std::io::{self, Write};
use std::process::ChildStdin;
use std::thread;
use std::time::Duration;

use nix::fcntl::{FcntlArg, OFlag, fcntl};

// ANCHOR: fill_until_blocked
/// Writes zeros into `pipe` until it takes no more, without ever blocking:
/// returns how many bytes went in before a write would have blocked (or
/// `limit`, if that many fit). "Takes no more" means 50 ms without progress,
/// so the reader at the other end had time to drain what it could.
///
/// This is how the lesson shows the pipe-buffer deadlock without falling
/// into it: the pipe is switched to non-blocking mode (`O_NONBLOCK`), so a
/// write that would wait forever fails with `WouldBlock` instead.
pub fn fill_until_blocked(mut pipe: &ChildStdin, limit: usize) -> io::Result<usize> {
    let flags = OFlag::from_bits_truncate(fcntl(pipe, FcntlArg::F_GETFL)?);
    fcntl(pipe, FcntlArg::F_SETFL(flags | OFlag::O_NONBLOCK))?;
    let zeros = [0u8; 4096];
    let mut written = 0;
    let mut stalls = 0;
    while written < limit && stalls < 5 {
        let len = zeros.len().min(limit - written);
        // `Write` is implemented for `&ChildStdin`, so a shared borrow will do.
        match pipe.write(&zeros[..len]) {
            Ok(n) => {
                written += n;
                stalls = 0;
            }
            Err(err) if err.kind() == io::ErrorKind::WouldBlock => {
                stalls += 1;
                thread::sleep(Duration::from_millis(10));
            }
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            Err(err) => return Err(err),
        }
    }
    Ok(written)
}
// ANCHOR_END: fill_until_blocked
