//! `gcd-worker`: one worker process of `parallelism-processes`. Reads pairs
//! from stdin until end of file, then writes their gcds to stdout, a line
//! each, and exits 0 (see `parallelism_exercises::serve`).
//!
//! `--give-up-after-ms <ms>` (10 000 if not given): a worker whose stdin
//! has not reached end of file by then says so on stderr and exits 3,
//! instead of waiting for ever for a parent that never closes the pipe.

use std::io::{self, Read, Write};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let give_up = match args.as_slice() {
        [] => Duration::from_secs(10),
        [flag, ms] if flag == "--give-up-after-ms" => match ms.parse() {
            Ok(ms) => Duration::from_millis(ms),
            Err(_) => return usage(),
        },
        _ => return usage(),
    };
    let ended = Arc::new(AtomicBool::new(false));
    let watchdog = Arc::clone(&ended);
    thread::spawn(move || {
        thread::sleep(give_up);
        if !watchdog.load(Ordering::SeqCst) {
            // One write, so that workers giving up together do not mix lines.
            let message = format!(
                "gcd-worker {}: did not finish: no end of file on stdin after {give_up:?} (the \
                 parent still holds the write end of the pipe)\n",
                std::process::id()
            );
            let _ = io::stderr().write_all(message.as_bytes());
            std::process::exit(3);
        }
    });
    let mut input = Vec::new();
    if let Err(err) = io::stdin().read_to_end(&mut input) {
        eprintln!("gcd-worker: reading stdin: {err}");
        return ExitCode::from(2);
    }
    ended.store(true, Ordering::SeqCst);
    match parallelism_exercises::serve(&input[..], io::stdout().lock()) {
        Ok(_) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("gcd-worker: {err}");
            ExitCode::from(2)
        }
    }
}

fn usage() -> ExitCode {
    eprintln!("usage: gcd-worker [--give-up-after-ms <ms>]");
    ExitCode::from(64)
}
