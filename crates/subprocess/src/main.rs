//! The `subprocess` lesson: child processes, after Effective Python Item 52.
//! The chapter is `book/src/subprocess.md`.
//!
//! Run it with `cargo run -p subprocess`. `main` runs the sections in the
//! order they print. They live in `src/lesson/`, one file for each part of a
//! child's life:
//!
//! - `starting.rs`: start a child and wait for it (run it to the end and
//!   capture its output, poll it while doing other work, start ten at once);
//! - `pipes.rs`: talk to children through pipes (data on stdin and stdout
//!   with the secret in the environment, children chained like a shell
//!   pipeline, the pipe-buffer deadlock and the safe ways);
//! - `ending.rs`: end every child, whatever happens (a deadline then
//!   SIGTERM, a program that does not exist, reaping).
//!
//! Each `yes`/`no` is computed by a function of `src/verdict.rs` from the
//! figures printed beside it. The pieces std lacks (a wait with a deadline,
//! SIGTERM then SIGKILL, a guard that reaps, a pipeline builder) are in the
//! library, one module per step (`src/lib.rs` lists them).
//!
//! The binary is also its own helper: started as `subprocess --xor-helper`
//! it is a filter that encrypts stdin to stdout with a key from its
//! environment, the part `openssl enc` plays in the Python notes (that side
//! is `subprocess::xor_helper`, in `src/cipher.rs`).

use std::env;
use std::error::Error;
use std::ffi::OsStr;
use std::process::ExitCode;

use subprocess::HELPER_ARG;

/// The sections, one file per part of a child's life (see the module doc).
mod lesson {
    pub(crate) mod ending;
    pub(crate) mod pipes;
    pub(crate) mod starting;
}

/// What a section returns: an error it could not handle ends the lesson
/// with a message (a missing `gzip`, say), never a panic.
type Result<T = (), E = Box<dyn Error>> = std::result::Result<T, E>;

fn main() -> ExitCode {
    // Started by the pipes sections as a child: be the helper, nothing else.
    if env::args_os().nth(1).as_deref() == Some(OsStr::new(HELPER_ARG)) {
        return subprocess::xor_helper();
    }
    if env::args_os().len() > 1 {
        eprintln!(
            "usage: subprocess\n(the lesson takes no arguments: run `cargo run -p subprocess`; \
             `{HELPER_ARG}` is for the lesson's own children)"
        );
        return ExitCode::from(2);
    }
    match run_the_lesson() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

fn run_the_lesson() -> Result {
    use lesson::{ending, pipes, starting};
    // The lesson's own binary, re-run as the cipher helper by the pipes
    // sections.
    let me = env::current_exe()?;
    starting::a_child_reports_its_output_and_status()?;
    starting::poll_while_doing_other_work()?;
    starting::ten_children_sleep_in_parallel()?;
    pipes::stdin_in_stdout_out_secret_in_the_environment(&me)?;
    pipes::children_chain_like_a_shell_pipeline(&me)?;
    pipes::a_full_pipe_blocks_its_writer()?;
    ending::a_child_that_never_finishes_is_terminated()?;
    ending::a_missing_program_is_a_clear_error()?;
    ending::every_child_is_reaped()
}
