//! expect: items missing
//! Polls the first queue and the socket, but not the second queue: its
//! items are never taken, and gather waits for them until its patience runs
//! out. (Caught by the tests: gather returns a TimedOut error.)

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
    let timeout = PollTimeout::try_from(patience).unwrap_or(PollTimeout::MAX);
    let mut got = Gathered::default();
    let mut socket_open = true;
    while got.numbers.len() + got.words.len() < items || socket_open {
        let (numbers_ready, words_ready, socket_ready) = {
            // The mistake: only the first queue (and the socket) is watched.
            let mut fds = vec![PollFd::new(numbers.as_fd(), PollFlags::POLLIN)];
            // A socket at the end of its stream stays readable for ever:
            // still watching it would make this loop spin.
            if socket_open {
                fds.push(PollFd::new(socket.as_fd(), PollFlags::POLLIN));
            }
            match poll(&mut fds, timeout) {
                Err(Errno::EINTR) => continue, // a signal: wait again
                Err(errno) => return Err(errno.into()),
                Ok(0) => {
                    return Err(io::Error::new(
                        ErrorKind::TimedOut,
                        format!("nothing became readable in {patience:?}"),
                    ));
                }
                Ok(_) => {}
            }
            let readable = |fd: &PollFd<'_>| {
                fd.revents()
                    .is_some_and(|events| events.intersects(PollFlags::POLLIN | PollFlags::POLLHUP))
            };
            (readable(&fds[0]), false, fds.get(1).is_some_and(readable))
        };
        if numbers_ready {
            while let Some(n) = numbers.try_get() {
                got.numbers.push(n);
            }
        }
        if words_ready {
            while let Some(word) = words.try_get() {
                got.words.push(word);
            }
        }
        if socket_ready {
            let mut buffer = [0; 256];
            let n = socket.read(&mut buffer)?;
            got.bytes.extend_from_slice(&buffer[..n]);
            socket_open = n > 0;
        }
    }
    Ok(got)
}
