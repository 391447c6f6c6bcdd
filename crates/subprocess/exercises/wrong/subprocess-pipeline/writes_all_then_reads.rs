//! expect: did not finish in 10 s
//! Writes all the input before reading any output, on one thread. With a
//! mebibyte, `tr`'s output pipe fills, `tr` stops reading, `cat` fills its
//! pipe and stops reading, and the parent's write blocks: everyone waits for
//! someone else. (Caught by the tests:
//! `a_mebibyte_goes_through_without_the_pipes_filling_up` hangs.)

use std::io::{self, Read, Write};
use std::process::{Command, ExitStatus, Stdio};

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
    let mut first_child = first.stdin(Stdio::piped()).stdout(Stdio::piped()).spawn()?;
    // The `Command` keeps its own copy of each pipe end it was given:
    // dropping it leaves the children the only holders.
    drop(first);
    let mut to_first = first_child.stdin.take().expect("stdin was piped");
    let between = first_child.stdout.take().expect("stdout was piped");
    let second_child = second
        .stdin(Stdio::from(between))
        .stdout(Stdio::piped())
        .spawn();
    // Again: the read end between the two lives on in `second` until it is
    // dropped, and a parent holding it keeps `first` writing into a pipe
    // nobody reads once `second` has quit.
    drop(second);
    let mut second_child = match second_child {
        Ok(child) => child,
        Err(err) => {
            // Do not leave the first stage behind.
            drop(to_first);
            let _ = first_child.kill();
            let _ = first_child.wait();
            return Err(err);
        }
    };
    let mut from_second = second_child.stdout.take().expect("stdout was piped");
    // Write everything, then read: fine for a few bytes, a deadlock once
    // the input is more than the pipes hold.
    let written = match to_first.write_all(input) {
        Err(err) if err.kind() != io::ErrorKind::BrokenPipe => Err(err),
        _ => Ok(()),
    };
    drop(to_first);
    let mut output = Vec::new();
    let output = written
        .and_then(|()| from_second.read_to_end(&mut output))
        .map(|_| output);
    // Reap both, whatever happened above.
    let first_status = first_child.wait();
    let second_status = second_child.wait();
    Ok(Piped {
        output: output?,
        first: first_status?,
        second: second_status?,
    })
}
