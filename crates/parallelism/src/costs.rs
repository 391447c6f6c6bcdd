//! What starting a worker costs: an empty thread against an empty process.

use std::hint::black_box;
use std::io;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

// ANCHOR: start_costs
/// The fastest of `runs` spawn-and-join round trips of a thread that does
/// nothing. The fastest, not the average: on a busy machine any one run can
/// be delayed by others, and none can be sped up by them.
///
/// # Panics
///
/// If `runs` is 0, or the OS cannot start a thread.
pub fn fastest_thread_start(runs: usize) -> Duration {
    (0..runs)
        .map(|_| {
            let started = Instant::now();
            thread::spawn(|| black_box(()))
                .join()
                .expect("an empty thread does not panic");
            started.elapsed()
        })
        .min()
        .expect("at least one run")
}

/// The fastest of `runs` spawn-and-wait round trips of a process made by
/// `process`, given an empty stdin (a worker with no work exits at once).
///
/// # Errors
///
/// If the process cannot be started or waited for.
pub fn fastest_process_start(process: impl Fn() -> Command, runs: usize) -> io::Result<Duration> {
    let mut fastest = Duration::MAX;
    for _ in 0..runs {
        let started = Instant::now();
        process()
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .status()?;
        fastest = fastest.min(started.elapsed());
    }
    Ok(fastest)
}
// ANCHOR_END: start_costs
