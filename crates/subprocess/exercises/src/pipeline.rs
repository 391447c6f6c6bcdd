//! # Exercise `subprocess-pipeline`: `first | second`, with end-of-file
//!
//! Read first, in book/src/subprocess.md (`cargo xtask learn` prints the
//! link to the section): "Children chained like a shell pipeline", and "The
//! pipe-buffer deadlock, and the safe ways".
//!
//! Write [`pipe`]: start `first` and `second` chained like the shell's
//! `first | second`, feed `input` to `first`'s stdin, and return everything
//! `second` printed, with both exit statuses (both children reaped).
//!
//! - `first`'s stdout is `second`'s stdin (`Stdio::from(child_stdout)`):
//!   the data flows from child to child; the parent never touches it.
//! - A pipe reports end-of-file to its reader only when *every* copy of its
//!   write end is closed, and SIGPIPE to its writer only when every copy of
//!   its read end is. The parent must keep no copy: close `first`'s stdin
//!   once `input` is written, and drop each `Command` once its child is
//!   spawned (a `Command` holds on to the pipe ends it was given).
//! - `input` may be larger than a pipe holds (a mebibyte): write it from
//!   another thread while this one reads `second`'s output.
//! - If `second` cannot be started, return its error, and leave no `first`
//!   behind.
//!
//! A hang here is the pipeline waiting for an end-of-file that never comes.
//!
//! Check it: `cargo xtask learn check subprocess-pipeline`.

use std::io::{self, Read, Write};
use std::process::{Command, ExitStatus, Stdio};
use std::thread;

/// What a two-stage pipeline left behind: the second child's stdout and how
/// each child ended (both reaped).
#[derive(Debug)]
pub struct Piped {
    pub output: Vec<u8>,
    pub first: ExitStatus,
    pub second: ExitStatus,
}

/// Runs `first | second`: `input` goes to `first`'s stdin, `first`'s
/// stdout is `second`'s stdin, and `second`'s stdout comes back.
pub fn pipe(mut first: Command, mut second: Command, input: &[u8]) -> io::Result<Piped> {
    // TODO: spawn `first` with stdin and stdout piped; then drop `first`.
    // TODO: spawn `second` with `first`'s stdout as its stdin
    // (`Stdio::from(...)`) and its own stdout piped; then drop `second`.
    // TODO: in a scoped thread, write `input` to `first`'s stdin and drop it
    // (a `BrokenPipe` there only means `second` quit early); meanwhile read
    // `second`'s stdout to the end on this thread.
    // TODO: wait for both children, and return what `second` printed.
    todo!("pipe")
}
