//! The cipher helper: the child that reads its input on
//! stdin, its key from its environment, and writes to stdout.
//!
//! The Python notes run `openssl enc` as the child. The lesson runs its own
//! binary instead (`subprocess --xor-helper`, see [`xor_helper`]): `openssl`
//! is not installed everywhere, is a different program on macOS, and would
//! encrypt random bytes that no snapshot can show. Both sides of the
//! contract are here: the parent passes [`HELPER_ARG`] and sets [`KEY_VAR`];
//! the child, in [`xor_helper`], reads them.

use std::env;
use std::io::{self, Read, Write};
use std::os::unix::ffi::OsStrExt;
use std::process::ExitCode;

// ANCHOR: xor_stream
/// The environment variable the lesson's helper reads its key from, as
/// `openssl enc -pass env:password` does: a secret in argv is visible to
/// every user on the machine (`ps`), the environment is not.
pub const KEY_VAR: &str = "LESSON_KEY";

/// The argument that makes the lesson binary run as the cipher helper.
pub const HELPER_ARG: &str = "--xor-helper";

/// XORs everything from `input` with `key`, repeated, and writes it to
/// `output`, chunk by chunk; returns the number of bytes. Applying it twice
/// with the same key gives back the input.
///
/// A toy, not cryptography: the lesson needs a filter that reads a secret
/// and runs on every machine, and `openssl` (the Python notes' choice) is
/// neither always installed nor the same program on Linux and macOS.
///
/// ```
/// let mut secret = Vec::new();
/// subprocess::xor_stream(b"key", &b"attack at dawn"[..], &mut secret)?;
/// let mut plain = Vec::new();
/// subprocess::xor_stream(b"key", &secret[..], &mut plain)?;
/// assert_eq!(plain, b"attack at dawn");
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn xor_stream(key: &[u8], mut input: impl Read, mut output: impl Write) -> io::Result<u64> {
    if key.is_empty() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the key is empty",
        ));
    }
    let mut buffer = vec![0; 64 * 1024];
    let mut position = 0;
    loop {
        let n = match input.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        for byte in &mut buffer[..n] {
            *byte ^= key[position % key.len()];
            position += 1;
        }
        output.write_all(&buffer[..n])?;
    }
    output.flush()?;
    Ok(u64::try_from(position).expect("a byte count fits in u64"))
}
// ANCHOR_END: xor_stream

// ANCHOR: helper
/// The child side of the pipes sections (`src/lesson/pipes.rs`): the
/// lesson binary, started with
/// [`HELPER_ARG`], runs this instead of the lesson, as a filter that
/// encrypts stdin to stdout, its key taken from the environment.
pub fn xor_helper() -> ExitCode {
    let Some(key) = env::var_os(KEY_VAR) else {
        eprintln!("{HELPER_ARG}: no key: set {KEY_VAR} in the environment");
        return ExitCode::from(2);
    };
    let stdout = io::stdout().lock();
    match xor_stream(key.as_bytes(), io::stdin().lock(), stdout) {
        Ok(_) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("{HELPER_ARG}: {err}");
            ExitCode::FAILURE
        }
    }
}
// ANCHOR_END: helper

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xor_stream_uses_the_key_across_chunk_boundaries() {
        // 64 KiB + 1 bytes: the key position must carry over between reads.
        let input = vec![0u8; 64 * 1024 + 1];
        let mut out = Vec::new();
        let n = xor_stream(b"abc", &input[..], &mut out).expect("writing to a Vec cannot fail");
        assert_eq!(n, 64 * 1024 + 1);
        let expected: Vec<u8> = b"abc".iter().copied().cycle().take(input.len()).collect();
        assert_eq!(out, expected);
    }

    #[test]
    fn xor_stream_refuses_an_empty_key() {
        let err = xor_stream(b"", &b"x"[..], Vec::new()).expect_err("an empty key is refused");
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
    }
}
