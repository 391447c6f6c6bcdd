//! What the `subprocess` lesson needs that `std::process` does not have.
//!
//! `std::process::Command` starts a child, `Child` waits for it and hands out
//! its pipes. Python's `subprocess` offers a little more, and this crate
//! builds those pieces on top of std (and `nix`, for signals):
//!
//! | Python                               | here                          |
//! |--------------------------------------|-------------------------------|
//! | `FileNotFoundError: [Errno 2] ... 'x'` | [`spawn`] → [`SpawnError`] names the program |
//! | `proc.wait(timeout=...)`             | [`wait_timeout`]              |
//! | `proc.terminate()`, then `proc.kill()` | [`terminate`] → [`Stopped`] |
//! | `proc.returncode` (`-15`)            | [`describe`], [`python_returncode`] |
//! | `with Popen(...) as proc:`           | [`ReapOnDrop`]                |
//! | `Popen(..., stdin=prev.stdout)` chains | [`Pipeline`]                |
//!
//! One module per step of the lesson, in the order the sections use them
//! (each names, in its doc, the sections that use it):
//!
//! - `spawn`: starting a child, with an error that names the program;
//! - `status`: an exit status in words, and as Python's `returncode`;
//! - `cipher`: the helper child, [`xor_helper`], that the lesson's own
//!   binary becomes when started with [`HELPER_ARG`] (in place of `openssl`),
//!   and its toy cipher [`xor_stream`];
//! - `seen`: [`seen_from_outside`], what other processes can read about a
//!   running child, the reason a secret goes in the environment;
//! - `pipeline`: [`Pipeline`], children chained like a shell pipeline;
//! - `deadlock`: [`fill_until_blocked`], the pipe-buffer deadlock measured
//!   without falling into it;
//! - `deadline`: [`wait_timeout`] and [`terminate`], a deadline, then
//!   SIGTERM, then SIGKILL;
//! - `reap`: [`ReapOnDrop`], the guard every section holds its children in;
//! - [`verdict`]: how the lesson decides each `yes`/`no` it prints.
//!
//! Polling a child and starting ten at once need nothing beyond std:
//! `Child::try_wait` and `Child::wait`. The sections themselves are the
//! binary's, in `src/main.rs` and `src/lesson/`.
//!
//! Nothing here is shared between threads by hand, so there is no loom model:
//! loom explores thread interleavings over memory, and the interesting
//! concurrency here happens in other processes, in the kernel's pipes.

use std::io::Write;

mod cipher;
mod deadline;
mod deadlock;
mod pipeline;
mod reap;
mod seen;
mod spawn;
mod status;
pub mod verdict;

pub use cipher::{HELPER_ARG, KEY_VAR, xor_helper, xor_stream};
pub use deadline::{Stopped, terminate, wait_timeout};
pub use deadlock::fill_until_blocked;
pub use pipeline::{Pipeline, PipelineError, PipelineOutput};
pub use reap::ReapOnDrop;
pub use seen::{SEEN_FROM, Seen, seen_from_outside};
pub use spawn::{SpawnError, output, pid, spawn};
pub use status::{describe, python_returncode};

/// `len` bytes of numbered text lines: fixed input for the lesson, so its
/// output is the same on every run.
///
/// ```
/// assert_eq!(&subprocess::sample_text(20), b"line 000001: the qui");
/// ```
pub fn sample_text(len: usize) -> Vec<u8> {
    let mut text = Vec::with_capacity(len + 64);
    let mut line = 0;
    while text.len() < len {
        line += 1;
        writeln!(
            text,
            "line {line:06}: the quick brown fox jumps over the lazy dog"
        )
        .expect("writing to a Vec cannot fail");
    }
    text.truncate(len);
    text
}
