//! What starting a worker costs: an empty thread against an empty process.

use std::hint::black_box;
use std::io;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use nix::sys::resource::{UsageWho, getrusage};

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

/// The CPU time (user and system) one start of an empty thread costs,
/// averaged over `runs`: what the kernel and the runtime spend creating,
/// running and ending it. Waiting for a free core is not CPU time, so this
/// figure, unlike the wall-clock one, is the same on a busy machine.
///
/// # Panics
///
/// If `runs` is 0, or the OS cannot start a thread.
pub fn thread_start_cpu(runs: u32) -> Duration {
    thread_cpu(runs, || {})
}

/// The CPU time one thread running `body` costs, from spawn to join,
/// averaged over `runs` threads started one after another:
/// [`thread_start_cpu`] with an empty body, and the tests' control with a
/// thread that is not empty.
///
/// # Panics
///
/// If `runs` is 0, or the OS cannot start a thread, or `body` panics.
pub fn thread_cpu(runs: u32, body: fn()) -> Duration {
    assert!(runs > 0, "at least one run");
    let before = cpu_time(UsageWho::RUSAGE_SELF);
    for _ in 0..runs {
        thread::spawn(move || black_box(body)())
            .join()
            .expect("the thread's body does not panic");
    }
    cpu_time(UsageWho::RUSAGE_SELF).saturating_sub(before) / runs
}

/// The CPU time one start of a process made by `process` costs, averaged
/// over `runs`: the parent's share (spawning and reaping it) and the child's
/// own (loading the program, starting its runtime, exiting), which the OS
/// counts once the child is reaped.
///
/// # Errors
///
/// If the process cannot be started or waited for.
pub fn process_start_cpu(process: impl Fn() -> Command, runs: u32) -> io::Result<Duration> {
    assert!(runs > 0, "at least one run");
    let before = cpu_time(UsageWho::RUSAGE_SELF) + cpu_time(UsageWho::RUSAGE_CHILDREN);
    for _ in 0..runs {
        process()
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .status()?;
    }
    let after = cpu_time(UsageWho::RUSAGE_SELF) + cpu_time(UsageWho::RUSAGE_CHILDREN);
    Ok(after.saturating_sub(before) / runs)
}

/// User plus system CPU time used so far by `who`.
fn cpu_time(who: UsageWho) -> Duration {
    let Ok(usage) = getrusage(who) else {
        return Duration::ZERO; // getrusage cannot fail for these two
    };
    let micros = |t: nix::sys::time::TimeVal| {
        let us = t.tv_sec() * 1_000_000 + t.tv_usec();
        Duration::from_micros(u64::try_from(us).unwrap_or(0))
    };
    micros(usage.user_time()) + micros(usage.system_time())
}
// ANCHOR_END: start_costs
