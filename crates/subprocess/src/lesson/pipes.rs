//! Talk to children through pipes: the middle three sections. Data goes in
//! on stdin and comes out on stdout while the secret travels in the
//! environment; children chain like a shell pipeline; and a parent that
//! writes everything before it reads anything deadlocks once the pipes are
//! full, unless it takes one of the safe ways.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use subprocess::verdict::{
    byte_identical, each_decrypts_to_its_message, environments_readable, every_byte_came_back,
    every_stage_succeeded, gives_back, key_in_every_environment, key_in_no_argv, read_both,
    would_block_before,
};
use subprocess::{
    HELPER_ARG, KEY_VAR, Pipeline, ReapOnDrop, SEEN_FROM, describe, sample_text, seen_from_outside,
    spawn,
};

use crate::Result;

/// One mebibyte: the size of the "large" data the chain and the deadlock
/// sections push through their pipes.
const MIB: usize = 1024 * 1024;

/// The key the helper children get through their environment.
const KEY: &str = "correct horse battery staple";

/// The lesson's own binary as a cipher child, with the key in its
/// environment (`env=` in Python), never in its arguments.
fn cipher(me: &Path) -> Command {
    let mut command = Command::new(me);
    command.arg(HELPER_ARG).env(KEY_VAR, KEY);
    command
}

// ANCHOR: stdin_and_env
pub(crate) fn stdin_in_stdout_out_secret_in_the_environment(me: &Path) -> Result {
    println!("\n== 4. Data through stdin and stdout, the secret through the environment ==");
    let messages = ["attack at dawn", "retreat at dusk", "hold the bridge"];
    let mut seen = Vec::new();
    let mut children = Vec::new();
    for message in messages {
        let mut command = cipher(me);
        command.stdin(Stdio::piped()).stdout(Stdio::piped());
        let mut child = ReapOnDrop::new(spawn(&mut command)?);
        // While it runs (it waits for our input), read what every other
        // process can read of it, as `ps` does.
        seen.push(seen_from_outside(child.id())?);
        let mut stdin = child.stdin.take().expect("spawned with a piped stdin");
        // Writing everything before reading anything is safe only because a
        // few bytes fit in the pipe's buffer (`a_full_pipe_blocks_its_writer`
        // shows when they do not).
        stdin.write_all(message.as_bytes())?;
        drop(stdin); // end-of-file: the helper finishes its work and exits
        children.push(child);
    }
    // All three ran at once; now collect each one's output and status:
    // `wait_with_output` is Python's `communicate()` with no input.
    let mut decrypted = Vec::new();
    for (message, child) in messages.into_iter().zip(children) {
        let out = child.into_inner().wait_with_output()?;
        let hex: String = out.stdout.iter().map(|b| format!("{b:02x}")).collect();
        let quoted = format!("{message:?}");
        println!("{quoted:<17} -> {hex} ({})", describe(out.status));
        decrypted.push(Pipeline::new().pipe(cipher(me)).run(out.stdout)?);
    }
    println!("while they ran, the OS showed {SEEN_FROM}");
    println!(
        "the key was in no child's argv: {}",
        key_in_no_argv(&seen, KEY)
    );
    if environments_readable(&seen) {
        println!(
            "the key was in every child's environment: {}",
            key_in_every_environment(&seen, KEY_VAR, KEY)
        );
    } else {
        println!("the key was in every child's environment: not readable here");
    }
    println!(
        "each ciphertext decrypts to its message: {}",
        each_decrypts_to_its_message(&decrypted, &messages)
    );
    Ok(())
}
// ANCHOR_END: stdin_and_env

// ANCHOR: chain
pub(crate) fn children_chain_like_a_shell_pipeline(me: &Path) -> Result {
    println!("\n== 5. Children chained like a shell pipeline ==");
    let input = sample_text(MIB);
    // Compress, encrypt, armour as text: three children, each one's stdout
    // the next one's stdin. `Pipeline` (src/pipeline.rs) wires them up,
    // drops the parent's copies of the pipe ends, feeds stdin from a thread.
    let mut gzip = Command::new("gzip");
    gzip.args(["-n", "-c"]); // -n: no name or time stamp, the same bytes every run
    let chain = Pipeline::new()
        .pipe(gzip)
        .pipe(cipher(me))
        .pipe(Command::new("base64"))
        .run(input.clone())?;
    println!(
        "gzip -n -c | subprocess {HELPER_ARG} | base64, fed {} bytes:",
        input.len()
    );
    println!(
        "  every stage exited with status 0: {}",
        every_stage_succeeded(&chain)
    );

    // The same chain, built by the shell. "$0" is the lesson binary.
    let script = format!("gzip -n -c | \"$0\" {HELPER_ARG} | base64");
    let mut shell = Command::new("sh");
    shell.arg("-c").arg(&script).arg(me).env(KEY_VAR, KEY);
    let by_shell = Pipeline::new().pipe(shell).run(input.clone())?;
    println!(
        "  byte-identical to what `sh -c '{script}'` wrote: {}",
        byte_identical(&chain, &by_shell)
    );

    // And back: decode, decrypt, decompress.
    let mut decode = Command::new("base64");
    decode.arg("--decode");
    let mut gunzip = Command::new("gzip");
    gunzip.args(["-d", "-c"]);
    let back = Pipeline::new()
        .pipe(decode)
        .pipe(cipher(me))
        .pipe(gunzip)
        .run(chain.stdout)?;
    println!(
        "base64 --decode | subprocess {HELPER_ARG} | gzip -d -c gives back all {} bytes: {}",
        input.len(),
        gives_back(&back, &input)
    );
    Ok(())
}
// ANCHOR_END: chain

// ANCHOR: deadlock
pub(crate) fn a_full_pipe_blocks_its_writer() -> Result {
    println!("\n== 6. The pipe-buffer deadlock, and the safe ways ==");
    // The trap: write all the input, *then* read the output. `cat` echoes
    // what it reads; once its stdout pipe is full and no one reads it, cat
    // stops reading; once its stdin pipe is full too, our write blocks, for
    // ever. We probe that with non-blocking writes instead of falling in.
    let mut cat = Command::new("cat");
    cat.stdin(Stdio::piped()).stdout(Stdio::piped());
    let mut cat = ReapOnDrop::new(spawn(&mut cat)?);
    let stdin = cat.stdin.take().expect("spawned with a piped stdin");
    let accepted = subprocess::fill_until_blocked(&stdin, MIB)?;
    println!(
        "writing to cat without reading it: the pipes took ~{} KiB, then a write would block",
        accepted / 1024
    );
    println!(
        "so writing {} KiB before reading would never finish: {}",
        MIB / 1024,
        would_block_before(accepted, MIB)
    );
    drop(stdin); // end-of-file for cat...
    let mut echoed = Vec::new(); // ...and someone reading: cat can finish
    cat.stdout
        .take()
        .expect("spawned with a piped stdout")
        .read_to_end(&mut echoed)?;
    let status = cat.wait()?;
    println!(
        "reading its output unblocked cat, which {}; every byte came back: {}",
        describe(status),
        every_byte_came_back(echoed.len(), accepted)
    );

    // Safe way 1: a writer thread feeds stdin while this thread reads.
    let input = sample_text(MIB);
    let through_cat = Pipeline::new()
        .pipe(Command::new("cat"))
        .run(input.clone())?;
    println!(
        "safe way 1, a writer thread: {} bytes through cat, all back: {}",
        input.len(),
        gives_back(&through_cat, &input)
    );

    // Safe way 2: `output()` reads stdout and stderr at the same time, so a
    // child that fills one while we wait on the other cannot block.
    let script = format!("head -c {MIB} /dev/zero; head -c {MIB} /dev/zero >&2");
    let both = subprocess::output(Command::new("sh").args(["-c", &script]))?;
    println!(
        "safe way 2, output(): {MIB} bytes on stdout, then {MIB} on stderr, all read: {}",
        read_both(&both, MIB)
    );
    Ok(())
}
// ANCHOR_END: deadlock
