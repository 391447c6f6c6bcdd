//! Measuring what a thread costs: the time to start and join one, and the
//! memory it reserves while it lives.

use std::io;
use std::sync::{Condvar, Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

/// The stack std gives a spawned thread unless told otherwise: 2 MiB, or
/// what the `RUST_MIN_STACK` environment variable says.
pub fn default_stack_size() -> usize {
    std::env::var("RUST_MIN_STACK")
        .ok()
        .and_then(|size| size.parse().ok())
        .unwrap_or(2 * 1024 * 1024)
}

/// Starts `count` empty threads one after another, joining each before the
/// next, and returns the average time one took.
pub fn spawn_and_join(count: u32) -> io::Result<Duration> {
    let started = Instant::now();
    for _ in 0..count {
        thread::Builder::new()
            .spawn(|| {})?
            .join()
            .map_err(|_| io::Error::other("an empty thread panicked"))?;
    }
    Ok(started.elapsed() / count.max(1))
}

/// What one thread added to the process's memory while it was alive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Footprint {
    /// Address space reserved (`VmSize`): mostly the thread's stack.
    pub reserved_kib: u64,
    /// Memory actually in use (`VmRSS`): only the pages the thread touched.
    pub resident_kib: u64,
}

/// Starts `count` threads with `stack_size` (std's default if `None`), waits
/// until all of them are running, reads the process's memory, then lets them
/// finish and joins them. Returns the growth per thread.
///
/// The figures come from Linux's `/proc/self/status`; on other systems this
/// returns `Ok(None)` without starting anything.
///
/// A thread's first allocation makes glibc's `malloc` give it an arena of its
/// own, 64 MiB of address space (up to eight arenas per core), which would
/// swamp the stacks we came to see. So a crowd of as many small-stacked
/// threads goes first and leaves those arenas behind; the threads we measure
/// reuse them.
pub fn footprint_per_thread(
    count: u64,
    stack_size: Option<usize>,
) -> io::Result<Option<Footprint>> {
    footprint_per_thread_touching(count, stack_size, 0)
}

/// [`footprint_per_thread`], with each thread first writing to `touch_kib`
/// KiB of its stack (which must fit in it), so those pages become resident.
/// The tests use it to show what a thread that *does* use its stack costs.
pub fn footprint_per_thread_touching(
    count: u64,
    stack_size: Option<usize>,
    touch_kib: usize,
) -> io::Result<Option<Footprint>> {
    if memory_kib()?.is_none() {
        return Ok(None);
    }
    crowd(count, Some(16 * 1024), 0, || Ok(()))?;
    let before = memory_kib()?;
    let during = crowd(count, stack_size, touch_kib, memory_kib)?;
    match (before, during) {
        (Some(before), Some(during)) => Ok(Some(Footprint {
            reserved_kib: during.0.saturating_sub(before.0) / count.max(1),
            resident_kib: during.1.saturating_sub(before.1) / count.max(1),
        })),
        _ => Ok(None),
    }
}

/// Starts `count` threads, runs `measure` once all of them are running, then
/// releases and joins them.
fn crowd<R>(
    count: u64,
    stack_size: Option<usize>,
    touch_kib: usize,
    measure: impl FnOnce() -> io::Result<R>,
) -> io::Result<R> {
    let crowd = Crowd::default();
    thread::scope(|scope| {
        let mut threads = Vec::new();
        let mut spawn_error = None;
        for _ in 0..count {
            let mut builder = thread::Builder::new();
            if let Some(size) = stack_size {
                builder = builder.stack_size(size);
            }
            let arrive = || {
                touch_stack(touch_kib);
                crowd.arrive_and_wait();
            };
            match builder.spawn_scoped(scope, arrive) {
                Ok(thread) => threads.push(thread),
                Err(err) => {
                    spawn_error = Some(err);
                    break;
                }
            }
        }
        crowd.wait_for(threads.len() as u64);
        let measured = measure();
        crowd.release();
        // Joined one by one, not left to the scope: the scope only waits for
        // each closure to return, and the thread's stack is unmapped (or kept
        // for reuse) later, as the thread exits. A stack unmapped during the
        // next crowd's measurement would be subtracted from it. `join` waits
        // for the exit, and the C library frees the stack before it returns.
        for thread in threads {
            thread
                .join()
                .map_err(|_| io::Error::other("a waiting thread panicked"))?;
        }
        match spawn_error {
            Some(err) => Err(err),
            None => measured,
        }
    })
}

/// Writes to `kib` KiB of the calling thread's stack, a KiB per call.
#[inline(never)]
fn touch_stack(kib: usize) {
    if kib == 0 {
        return;
    }
    let mut page = [1u8; 1024];
    std::hint::black_box(&mut page);
    touch_stack(kib - 1);
    std::hint::black_box(&page); // used after the call: no tail call
}

/// Threads that check in and then wait to be released.
#[derive(Default)]
struct Crowd {
    /// (threads arrived, released)
    state: Mutex<(u64, bool)>,
    changed: Condvar,
}

impl Crowd {
    fn arrive_and_wait(&self) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.0 += 1;
        self.changed.notify_all();
        while !state.1 {
            state = self
                .changed
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    fn wait_for(&self, count: u64) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        while state.0 < count {
            state = self
                .changed
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    fn release(&self) {
        self.state.lock().unwrap_or_else(PoisonError::into_inner).1 = true;
        self.changed.notify_all();
    }
}

/// `(VmSize, VmRSS)` of this process in KiB, from `/proc/self/status`;
/// `None` where there is no such file (anything but Linux).
fn memory_kib() -> io::Result<Option<(u64, u64)>> {
    if !cfg!(target_os = "linux") {
        return Ok(None);
    }
    let status = std::fs::read_to_string("/proc/self/status")?;
    let field = |name: &str| {
        status
            .lines()
            .find_map(|line| line.strip_prefix(name))
            .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
    };
    match (field("VmSize:"), field("VmRSS:")) {
        (Some(size), Some(resident)) => Ok(Some((size, resident))),
        _ => Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "no VmSize or VmRSS in /proc/self/status",
        )),
    }
}

/// Runs `task` `runs` times and returns the fastest run's time and its
/// result: the run least disturbed by whatever else the machine was doing.
pub fn fastest_of<R>(runs: u32, mut task: impl FnMut() -> R) -> (Duration, R) {
    let mut best: Option<(Duration, R)> = None;
    for _ in 0..runs.max(1) {
        let started = Instant::now();
        let result = task();
        let took = started.elapsed();
        if best.as_ref().is_none_or(|(fastest, _)| took < *fastest) {
            best = Some((took, result));
        }
    }
    best.expect("runs.max(1) is at least one run")
}

/// A small job: the number of Collatz steps from `n` down to 1. A few dozen
/// to a few hundred arithmetic operations, far less than starting a thread.
pub fn collatz_steps(mut n: u64) -> u64 {
    let mut steps = 0;
    while n > 1 {
        n = if n.is_multiple_of(2) {
            n / 2
        } else {
            3 * n + 1
        };
        steps += 1;
    }
    steps
}
