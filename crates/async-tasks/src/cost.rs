//! What a task costs next to a thread: the time to start one, and the memory
//! it holds while it sleeps.

use std::future::Future;
use std::io;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, RwLock};
use std::thread;
use std::time::{Duration, Instant};

/// A crowd of tasks or threads, all started, then measured, then finished.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Crowd {
    /// How many were started.
    pub count: usize,
    /// The time to start one: the loop that started them is timed in ten
    /// batches, and this is the fastest batch's time divided by its size,
    /// the batch least disturbed by whatever else the machine was doing.
    pub start_each: Duration,
    /// Resident memory the process gained while all of them existed,
    /// divided by `count`, in bytes; `None` off Linux.
    pub resident_each: Option<u64>,
}

// ANCHOR: sleeping_tasks
/// Starts `count` tasks on a one-thread runtime, each made by `task` (for
/// the lesson: a `tokio::time::sleep`), waits until every one has been
/// polled once (so each is asleep on its timer), reads the process's memory,
/// then waits for all of them to finish.
pub fn crowd_of_tasks<F>(count: usize, task: impl Fn() -> F) -> io::Result<Crowd>
where
    F: Future<Output = ()> + Send + 'static,
{
    let runtime = crate::one_thread_runtime()?;
    runtime.block_on(async {
        let polled = Arc::new(AtomicUsize::new(0));
        let before = resident_bytes()?;
        let mut timer = BatchTimer::new(count);
        let mut tasks = tokio::task::JoinSet::new();
        for _ in 0..count {
            let polled = Arc::clone(&polled);
            let task = task();
            tasks.spawn(async move {
                polled.fetch_add(1, Ordering::Relaxed);
                task.await
            });
            timer.one_more();
        }
        // Nothing has run yet: on a one-thread runtime the tasks run only
        // when this function waits. Let them run until each is asleep.
        while polled.load(Ordering::Relaxed) < count {
            tokio::task::yield_now().await;
        }
        let during = resident_bytes()?;
        while let Some(finished) = tasks.join_next().await {
            finished.map_err(io::Error::other)?;
        }
        Ok(Crowd {
            count,
            start_each: timer.fastest_each(),
            resident_each: per_item(before, during, count),
        })
    })
}
// ANCHOR_END: sleeping_tasks

// ANCHOR: sleeping_threads
/// Starts `count` threads with a `stack`-byte stack, waits until every one
/// is running, reads the process's memory, then lets each sleep `nap` and
/// joins them all. The threads wait at a gate until the memory is read, so
/// none has ended yet however slowly the crowd started.
pub fn crowd_of_threads(count: usize, stack: usize, nap: Duration) -> io::Result<Crowd> {
    let running = Arc::new(AtomicUsize::new(0));
    let gate = Arc::new(RwLock::new(()));
    let closed = gate
        .write()
        .map_err(|_| io::Error::other("the gate is poisoned"))?;
    let before = resident_bytes()?;
    let mut timer = BatchTimer::new(count);
    let mut threads = Vec::with_capacity(count);
    let mut spawn_error = None;
    for _ in 0..count {
        let running = Arc::clone(&running);
        let gate = Arc::clone(&gate);
        let spawned = thread::Builder::new().stack_size(stack).spawn(move || {
            running.fetch_add(1, Ordering::Relaxed);
            // Blocks until main has read the memory; nobody poisons the gate.
            drop(gate.read());
            thread::sleep(nap);
        });
        match spawned {
            Ok(handle) => {
                threads.push(handle);
                timer.one_more();
            }
            Err(err) => {
                // Out of threads: stop starting, but still join those we have.
                spawn_error = Some(err);
                break;
            }
        }
    }
    while running.load(Ordering::Relaxed) < threads.len() {
        thread::sleep(Duration::from_millis(1));
    }
    let during = resident_bytes();
    drop(closed); // open the gate, even if reading the memory failed
    let during = during?;
    let spawned = threads.len();
    for handle in threads {
        handle
            .join()
            .map_err(|_| io::Error::other("a sleeping thread panicked"))?;
    }
    if let Some(err) = spawn_error {
        return Err(err);
    }
    Ok(Crowd {
        count: spawned,
        start_each: timer.fastest_each(),
        resident_each: per_item(before, during, spawned),
    })
}
// ANCHOR_END: sleeping_threads

/// Times a loop in ten batches and keeps the fastest batch's time per item.
struct BatchTimer {
    batch: u32,
    in_batch: u32,
    started: Instant,
    fastest: Option<Duration>,
}

impl BatchTimer {
    fn new(count: usize) -> Self {
        Self {
            batch: (count / 10).max(1) as u32,
            in_batch: 0,
            started: Instant::now(),
            fastest: None,
        }
    }

    /// One more item started.
    fn one_more(&mut self) {
        self.in_batch += 1;
        if self.in_batch == self.batch {
            let each = self.started.elapsed() / self.batch;
            self.fastest = Some(self.fastest.map_or(each, |fastest| fastest.min(each)));
            self.in_batch = 0;
            self.started = Instant::now();
        }
    }

    fn fastest_each(&self) -> Duration {
        self.fastest
            .unwrap_or_else(|| self.started.elapsed() / self.in_batch.max(1))
    }
}

fn per_item(before: Option<u64>, during: Option<u64>, count: usize) -> Option<u64> {
    Some(during?.saturating_sub(before?) / count.max(1) as u64)
}

/// The process's resident memory (`VmRSS`) in bytes, from Linux's
/// `/proc/self/status`; `None` on other systems (macOS has no such file:
/// `getrusage` there reports only the peak).
pub fn resident_bytes() -> io::Result<Option<u64>> {
    if !cfg!(target_os = "linux") {
        return Ok(None);
    }
    let status = std::fs::read_to_string("/proc/self/status")?;
    let kib = status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| {
            rest.trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<u64>()
                .ok()
        })
        .ok_or_else(|| {
            io::Error::new(io::ErrorKind::InvalidData, "no VmRSS in /proc/self/status")
        })?;
    Ok(Some(kib * 1024))
}
