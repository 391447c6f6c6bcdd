//! The Rust side of `cargo xtask compare`: runs one of the notes' experiments
//! several times and prints how long each run took.
//!
//! ```text
//! compare <experiment> [--runs N] [--size N]
//! ```
//!
//! For each way it runs the experiment (a *variant*: the lesson's own type,
//! the best tool for the job, a floor), it prints one line, the same line
//! the Python programs `python/<lesson>/compare_<experiment>.py` print:
//!
//! ```text
//! timings <variant> <seconds> <seconds> ...
//! ```
//!
//! `--size` is the experiment's one size (items, increments, milliseconds;
//! each function below says which), so that `cargo xtask compare` hands the
//! same size to both sides. Every run checks its own result (every increment
//! counted, every item delivered once) and the program fails if one is
//! wrong: a fast wrong answer is not a time.
//!
//! Build it with `--release` (`cargo xtask compare` does): these are the
//! course's figures.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::hint::black_box;
use std::io::{self, Read, Write};
use std::num::NonZeroU64;
use std::os::fd::AsFd;
use std::os::unix::net::UnixStream;
use std::process::{Command, ExitCode};
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

/// What went wrong, in words.
type Result<T = ()> = std::result::Result<T, String>;

/// One variant's times, one per run.
struct Timings {
    variant: &'static str,
    runs: Vec<Duration>,
}

/// An experiment: it runs at a size, so many times, and returns its timings.
type Experiment = fn(u64, usize) -> Result<Vec<Timings>>;

const EXPERIMENTS: &[(&str, Experiment, &str)] = &[
    ("counter", counter, "increments per thread (5 threads)"),
    (
        "factorize",
        factorize,
        "divide each number by this (1: the notes' numbers)",
    ),
    (
        "slow-calls",
        slow_calls,
        "milliseconds each call waits (5 calls)",
    ),
    ("pipeline", pipeline, "items through three stages"),
    (
        "children",
        children,
        "milliseconds each of 10 children sleeps",
    ),
    (
        "spawn",
        spawn,
        "trivial children started in turn (time per child)",
    ),
    (
        "actor-scheduler",
        actor_scheduler,
        "messages between counter and printer",
    ),
    ("worker", worker, "submit + result round trips"),
    ("pollable", pollable, "items through three queues"),
    ("gcd", gcd_pairs, "seeded pairs (2 000 000..5 000 000)"),
    (
        "crowd",
        crowd,
        "sleeping tasks started (a tenth as many threads)",
    ),
];

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("compare: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Vec<String>) -> Result {
    let usage = || {
        let list: Vec<String> = EXPERIMENTS
            .iter()
            .map(|(name, _, size)| format!("  {name:16} --size: {size}"))
            .collect();
        format!(
            "usage: compare <experiment> [--runs N] [--size N]\n\nexperiments:\n{}",
            list.join("\n")
        )
    };
    let mut args = args.into_iter();
    let name = args.next().ok_or_else(usage)?;
    let &(_, experiment, _) = EXPERIMENTS
        .iter()
        .find(|(n, _, _)| *n == name)
        .ok_or_else(|| format!("no experiment `{name}`\n\n{}", usage()))?;
    let (mut runs, mut size) = (1, None);
    while let Some(flag) = args.next() {
        let value = args.next().and_then(|v| v.parse::<u64>().ok());
        match (flag.as_str(), value) {
            ("--runs", Some(n)) if n > 0 => runs = n as usize,
            ("--size", Some(n)) if n > 0 => size = Some(n),
            _ => return Err(format!("`{flag}` takes a positive number\n\n{}", usage())),
        }
    }
    let size = size.ok_or_else(|| format!("--size is required\n\n{}", usage()))?;
    for timings in experiment(size, runs)? {
        let seconds: Vec<String> = timings
            .runs
            .iter()
            .map(|d| format!("{:.9}", d.as_secs_f64()))
            .collect();
        println!("timings {} {}", timings.variant, seconds.join(" "));
    }
    Ok(())
}

/// Runs `work` `runs` times, timing each run.
fn timed(variant: &'static str, runs: usize, mut work: impl FnMut() -> Result) -> Result<Timings> {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        work().map_err(|e| format!("{variant}: {e}"))?;
        times.push(started.elapsed());
    }
    Ok(Timings {
        variant,
        runs: times,
    })
}

fn check(ok: bool, what: impl FnOnce() -> String) -> Result {
    if ok { Ok(()) } else { Err(what()) }
}

// ---------------------------------------------------------------- locks

/// Five threads each add 1 `size` times to one counter (Effective Python
/// Item 54's `LockingCounter`): under the lesson's `std::sync::Mutex`
/// counter, and under the two best tools, an `AtomicU64` and
/// `parking_lot::Mutex` (both as the lesson builds them).
fn counter(size: u64, runs: usize) -> Result<Vec<Timings>> {
    use locks::{AtomicCounter, Counter, ParkingLotCounter, StdMutexCounter, count_in_threads};
    const THREADS: usize = 5;
    fn count(counter: &impl Counter, size: u64) -> Result {
        let total = count_in_threads(counter, THREADS, size);
        let expected = THREADS as u64 * size;
        check(total == expected, || {
            format!("counted {total}, expected {expected}")
        })
    }
    Ok(vec![
        timed("mutex", runs, || count(&StdMutexCounter::new(), size))?,
        timed("atomic", runs, || count(&AtomicCounter::new(), size))?,
        timed("parking_lot", runs, || {
            count(&ParkingLotCounter::new(), size)
        })?,
    ])
}

// ---------------------------------------------------------------- blocking-io

/// Every divisor of the notes' four numbers (each divided by `size`; 1
/// keeps them), found by trial division: one after another, then one
/// thread each (the lesson's `divisors` and `one_thread_each`), then in
/// equal shares, one thread per core (section 7's `equal_shares` and
/// `divisors_in_shares`).
fn factorize(size: u64, runs: usize) -> Result<Vec<Timings>> {
    use blocking_io::shares::{divisors_in_shares, equal_shares};
    use blocking_io::{NUMBERS, divisors, one_thread_each};
    let numbers: Vec<NonZeroU64> = NUMBERS
        .iter()
        .map(|n| NonZeroU64::new(n.get() / size).ok_or("--size is larger than the numbers"))
        .collect::<std::result::Result<_, _>>()?;
    let cores = thread::available_parallelism().map_err(|e| format!("how many cores: {e}"))?;
    // What every split must find (computed once, outside the timings).
    let expected: Vec<Vec<u64>> = numbers.iter().map(|&n| divisors(n)).collect();
    let all_found = |found: &[Vec<u64>]| {
        check(
            found.len() == numbers.len()
                && found.iter().zip(&numbers).all(|(divisors, n)| {
                    divisors.first() == Some(&1) && divisors.last() == Some(&n.get())
                }),
            || "a list of divisors does not run from 1 to the number".to_owned(),
        )
    };
    Ok(vec![
        timed("sequential", runs, || {
            let found: Vec<Vec<u64>> = numbers.iter().map(|&n| divisors(n)).collect();
            all_found(black_box(&found))
        })?,
        timed("threads", runs, || {
            let found = one_thread_each(numbers.iter().map(|&n| move || divisors(n)));
            all_found(black_box(&found))
        })?,
        timed("shares", runs, || {
            let shared = divisors_in_shares(&numbers, equal_shares(&numbers, cores));
            // Each list is put back together from the pieces of several
            // threads: it must be the whole list, in order.
            check(black_box(&shared.divisors) == &expected, || {
                "the shares' divisors, put together, differ from one thread's".to_owned()
            })
        })?,
    ])
}

/// Five blocking system calls that each wait `size` ms (the lesson's
/// `slow_system_call`: `poll()` on a socket nobody writes to), one after
/// another, then one thread each.
fn slow_calls(size: u64, runs: usize) -> Result<Vec<Timings>> {
    use blocking_io::{one_thread_each, slow_system_call};
    const CALLS: usize = 5;
    let wait = Duration::from_millis(size);
    let io = |e: io::Error| e.to_string();
    Ok(vec![
        timed("sequential", runs, || {
            (0..CALLS).try_for_each(|_| slow_system_call(wait).map_err(io))
        })?,
        timed("threads", runs, || {
            one_thread_each((0..CALLS).map(|_| move || slow_system_call(wait)))
                .into_iter()
                .try_for_each(|result| result.map_err(io))
        })?,
    ])
}

// ---------------------------------------------------------------- queues

/// Effective Python Item 55's pipeline, download → resize → upload, one
/// worker per stage, `size` items: on the lesson's `ClosableQueue` (step 4),
/// on its `FastQueue` (step 5: notify only a sleeper, spin first), then on
/// crossbeam's channels.
fn pipeline(size: u64, runs: usize) -> Result<Vec<Timings>> {
    use queues::pipeline::{Photo, download, each_photo_once, resize, upload};
    use queues::{ClosableQueue, FastQueue};
    let count = u32::try_from(size).map_err(|_| "--size must fit in a u32")?;

    // Steps 4 and 5 have the same methods and no trait in common: the same
    // pipeline, written once, on either.
    macro_rules! on_hand_built {
        ($queue:ident) => {
            || -> Result {
                fn stage<T, U>(input: &$queue<T>, output: &$queue<U>, work: fn(T) -> U) -> Result {
                    for item in input {
                        output
                            .put(work(item))
                            .map_err(|_| "a stage's output was closed under it".to_owned())?;
                    }
                    Ok(())
                }
                let download_queue = $queue::unbounded();
                let resize_queue = $queue::unbounded();
                let upload_queue = $queue::unbounded();
                let done_queue = $queue::unbounded();
                thread::scope(|s| {
                    let downloader = s.spawn(|| stage(&download_queue, &resize_queue, download));
                    let resizer = s.spawn(|| stage(&resize_queue, &upload_queue, resize));
                    let uploader = s.spawn(|| stage(&upload_queue, &done_queue, upload));
                    for id in 0..count {
                        download_queue
                            .put(id)
                            .map_err(|_| "the first queue is open until all are put".to_owned())?;
                    }
                    // Stop the stages in order: close a stage's input, wait for it.
                    let stopped = |worker: thread::ScopedJoinHandle<'_, Result>| {
                        worker.join().map_err(|_| "a stage panicked".to_owned())?
                    };
                    download_queue.close();
                    stopped(downloader)?;
                    resize_queue.close();
                    stopped(resizer)?;
                    upload_queue.close();
                    stopped(uploader)?;
                    Ok::<_, String>(())
                })?;
                let done: Vec<Photo> = (0..done_queue.len())
                    .filter_map(|_| done_queue.get())
                    .collect();
                check(each_photo_once(&done, count), || {
                    format!("{} photos came out, not each of {count} once", done.len())
                })
            }
        };
    }
    let closable = on_hand_built!(ClosableQueue);
    let fast = on_hand_built!(FastQueue);
    let crossbeam = || -> Result {
        use crossbeam::channel::{Receiver, Sender, unbounded};
        fn stage<T, U>(input: Receiver<T>, output: Sender<U>, work: fn(T) -> U) -> Result {
            for item in input {
                output
                    .send(work(item))
                    .map_err(|_| "a stage's receiver was dropped".to_owned())?;
            }
            Ok(())
        }
        let (download_tx, download_rx) = unbounded();
        let (resize_tx, resize_rx) = unbounded();
        let (upload_tx, upload_rx) = unbounded();
        let (done_tx, done_rx) = unbounded();
        let done: Vec<Photo> = thread::scope(|s| {
            let workers = [
                s.spawn(move || stage(download_rx, resize_tx, download)),
                s.spawn(move || stage(resize_rx, upload_tx, resize)),
                s.spawn(move || stage(upload_rx, done_tx, upload)),
            ];
            for id in 0..count {
                download_tx
                    .send(id)
                    .map_err(|_| "the first stage runs until its sender is dropped".to_owned())?;
            }
            // Dropping a sender closes the channel: each stage ends once its
            // input is drained, and drops its own sender in turn.
            drop(download_tx);
            for worker in workers {
                worker.join().map_err(|_| "a stage panicked".to_owned())??;
            }
            Ok::<_, String>(done_rx.iter().collect())
        })?;
        check(each_photo_once(&done, count), || {
            format!("{} photos came out, not each of {count} once", done.len())
        })
    };
    Ok(vec![
        timed("closable", runs, closable)?,
        timed("fast", runs, fast)?,
        timed("crossbeam", runs, crossbeam)?,
    ])
}

// ---------------------------------------------------------------- subprocess

/// Ten children that each sleep `size` ms, all started before any is
/// waited for (the lesson's `spawn`).
fn children(size: u64, runs: usize) -> Result<Vec<Timings>> {
    const CHILDREN: usize = 10;
    let seconds = format!("{:.3}", size as f64 / 1000.0);
    Ok(vec![timed("sleepers", runs, || {
        let mut started = Vec::with_capacity(CHILDREN);
        for _ in 0..CHILDREN {
            match subprocess::spawn(Command::new("sleep").arg(&seconds)) {
                Ok(child) => started.push(subprocess::ReapOnDrop::new(child)),
                Err(e) => return Err(e.to_string()), // those started are reaped on drop
            }
        }
        for child in started {
            let status = child.into_inner().wait().map_err(|e| e.to_string())?;
            check(status.success(), || format!("sleep ended with {status}"))?;
        }
        Ok(())
    })?])
}

/// Starts `size` trivial children (`true`) one after another, each run to
/// its end (the lesson's `output`); the time reported is per child.
fn spawn(size: u64, runs: usize) -> Result<Vec<Timings>> {
    let mut timings = timed("trivial", runs, || {
        for _ in 0..size {
            let output =
                subprocess::output(&mut Command::new("true")).map_err(|e| e.to_string())?;
            check(output.status.success(), || {
                format!("true ended with {}", output.status)
            })?;
        }
        Ok(())
    })?;
    let per_child = u32::try_from(size).map_err(|_| "--size must fit in a u32")?;
    timings.runs.iter_mut().for_each(|d| *d /= per_child);
    Ok(vec![timings])
}

// ---------------------------------------------------------------- generator-schedulers

/// The cookbook's counter and printer actors passing `size` messages (the
/// counter counts down from `size / 2`), on the lesson's `ActorScheduler`
/// (by name) and on its `IndexedScheduler` (by `ActorId`, section 4 made
/// fast); then on the best tool, the same loop with the actors in a `Vec`
/// and messages that name them by index instead of by a string looked up
/// in a `HashMap`, with nothing general about it: no boxed actors, no
/// stack probe.
fn actor_scheduler(size: u64, runs: usize) -> Result<Vec<Timings>> {
    use generator_schedulers::actor::{ActorScheduler, Counter, Printer};
    let start = size / 2;
    let expected = |delivered: u64, printed: usize| {
        check(
            delivered == 2 * start + 1 && printed as u64 == start,
            || {
                format!(
                    "{delivered} messages delivered and {printed} printed, counting down from {start}"
                )
            },
        )
    };
    Ok(vec![
        timed("scheduler", runs, || {
            let printed = RefCell::new(Vec::with_capacity(start as usize));
            let mut scheduler = ActorScheduler::default();
            scheduler.new_actor("printer", Printer::new(&printed));
            scheduler.new_actor("counter", Counter::new("counter", "printer"));
            scheduler.send("counter", start);
            let report = scheduler.run();
            expected(report.delivered, black_box(printed.borrow().len()))
        })?,
        timed("indexed", runs, || {
            use generator_schedulers::indexed::IndexedScheduler;
            let printed = RefCell::new(Vec::with_capacity(start as usize));
            let mut scheduler = IndexedScheduler::default();
            let printer = scheduler.new_actor(|_| Printer::new(&printed));
            let counter = scheduler.new_actor(|me| Counter::new(me, printer));
            scheduler.send(counter, start);
            let report = scheduler.run();
            expected(report.delivered, black_box(printed.borrow().len()))
        })?,
        timed("vec_loop", runs, || {
            let (delivered, printed) = vec_indexed_actors(start);
            expected(delivered, black_box(printed.len()))
        })?,
    ])
}

/// The counter and the printer as slots in a `Vec`, addressed by index.
fn vec_indexed_actors(start: u64) -> (u64, Vec<String>) {
    #[derive(Clone, Copy)]
    enum Actor {
        Printer,
        Counter { printer: usize, me: usize },
    }
    const PRINTER: usize = 0;
    const COUNTER: usize = 1;
    // A `Vec`, as a scheduler that can add actors needs: an actor's
    // address is the index of its slot.
    let mut actors: Vec<Option<Actor>> = Vec::from([
        Some(Actor::Printer),
        Some(Actor::Counter {
            printer: PRINTER,
            me: COUNTER,
        }),
    ]);

    let mut printed = Vec::with_capacity(start as usize);
    let mut queue = VecDeque::from([(COUNTER, start)]);
    let mut delivered = 0;
    while let Some((to, n)) = queue.pop_front() {
        let Some(actor) = actors[to] else {
            continue; // the actor has stopped: the message is dropped
        };
        delivered += 1;
        match actor {
            Actor::Printer => printed.push(format!("Got: {n}")),
            Actor::Counter { .. } if n == 0 => actors[to] = None,
            Actor::Counter { printer, me } => {
                queue.push_back((printer, n));
                queue.push_back((me, n - 1));
            }
        }
    }
    (delivered, printed)
}

// ---------------------------------------------------------------- actors

/// `size` round trips to a worker actor: submit a job, wait for its result
/// (the lesson's `Worker`, then section 9's `FastWorker` with
/// `Tuning::FAST`: it wakes only a sleeper, and spins first); then the best
/// tool, a thread fed jobs through a
/// crossbeam `bounded(1)` channel that answers on another; then the floor,
/// two threads that wake each other with `park`/`unpark` and pass nothing
/// else: each round trip is two wake-ups and nothing more.
fn worker(size: u64, runs: usize) -> Result<Vec<Timings>> {
    use actors::Worker;
    let lesson = || -> Result {
        let worker = Worker::spawn("compare worker");
        for n in 0..size {
            let handle = worker
                .submit(move || n.wrapping_mul(3))
                .map_err(|_| "the worker is open until it is joined".to_owned())?;
            let answer = handle.result().map_err(|e| e.to_string())?;
            check(answer == n.wrapping_mul(3), || {
                format!("{n} came back as {answer}")
            })?;
        }
        worker.join().map_err(|e| e.to_string())
    };
    let fast = || -> Result {
        use actors::{FastWorker, Tuning};
        let worker = FastWorker::spawn("compare fast worker", Tuning::FAST);
        for n in 0..size {
            let handle = worker
                .submit(move || n.wrapping_mul(3))
                .map_err(|_| "the worker is open until it is joined".to_owned())?;
            let answer = handle.result().map_err(|e| e.to_string())?;
            check(answer == n.wrapping_mul(3), || {
                format!("{n} came back as {answer}")
            })?;
        }
        worker.join().map_err(|e| e.to_string())
    };
    let crossbeam = || -> Result {
        use crossbeam::channel::bounded;
        type Job = Box<dyn FnOnce() -> u64 + Send>;
        let (jobs, inbox) = bounded::<Job>(1);
        let (results, answers) = bounded::<u64>(1);
        let worker = thread::spawn(move || {
            for job in inbox {
                if results.send(job()).is_err() {
                    break;
                }
            }
        });
        for n in 0..size {
            jobs.send(Box::new(move || n.wrapping_mul(3)))
                .map_err(|_| "the worker runs until `jobs` is dropped".to_owned())?;
            let answer = answers
                .recv()
                .map_err(|_| "the worker answers every job".to_owned())?;
            check(answer == n.wrapping_mul(3), || {
                format!("{n} came back as {answer}")
            })?;
        }
        drop(jobs);
        worker.join().map_err(|_| "the worker panicked".to_owned())
    };
    let wake_ups = || -> Result {
        // Two flags, each raised by one thread and lowered by the other;
        // whoever waits for a flag parks until it is raised.
        let (to_worker, to_caller) = (AtomicBool::new(false), AtomicBool::new(false));
        let wait_for = |flag: &AtomicBool| {
            while !flag.swap(false, Ordering::Acquire) {
                thread::park();
            }
        };
        let caller = thread::current();
        thread::scope(|s| {
            let worker = s.spawn(|| {
                for _ in 0..size {
                    wait_for(&to_worker);
                    to_caller.store(true, Ordering::Release);
                    caller.unpark();
                }
            });
            for _ in 0..size {
                to_worker.store(true, Ordering::Release);
                worker.thread().unpark();
                wait_for(&to_caller);
            }
        });
        Ok(())
    };
    Ok(vec![
        timed("worker", runs, lesson)?,
        timed("fast", runs, fast)?,
        timed("crossbeam", runs, crossbeam)?,
        timed("wake_ups", runs, wake_ups)?,
    ])
}

// ---------------------------------------------------------------- pollable-queues

/// Three queues, one producer putting `size` items in turn into each, one
/// consumer that waits on all three with `poll()` and takes an item from
/// each that is ready (the cookbook's consumer): on the lesson's
/// `PollableQueue`; then raw, the items written into three socket pairs
/// themselves, waited for with `poll()` and read in whatever batches have
/// arrived.
fn pollable(size: u64, runs: usize) -> Result<Vec<Timings>> {
    use pollable_queues::{PollableQueue, ready};
    let expected_sum = size * size.saturating_sub(1) / 2;
    let lesson = || -> Result {
        let new = || PollableQueue::new().map_err(|e| e.to_string());
        let queues: [PollableQueue<u64>; 3] = [new()?, new()?, new()?];
        let sum = thread::scope(|s| {
            let consumer = s.spawn(|| -> Result<u64> {
                let fds = queues.each_ref().map(|q| q.as_fd());
                let (mut got, mut sum) = (0, 0);
                while got < size {
                    for index in ready(&fds, None).map_err(|e| e.to_string())? {
                        if let Some(item) = queues[index].try_get() {
                            got += 1;
                            sum += item;
                        }
                    }
                }
                Ok(sum)
            });
            for n in 0..size {
                queues[(n % 3) as usize].put(n);
            }
            consumer
                .join()
                .map_err(|_| "the consumer panicked".to_owned())?
        })?;
        check(sum == expected_sum, || {
            format!("the items add up to {sum}, not {expected_sum}")
        })
    };
    let raw = || -> Result {
        let pairs = [UnixStream::pair(), UnixStream::pair(), UnixStream::pair()];
        let mut writers = Vec::new();
        let mut readers = Vec::new();
        for pair in pairs {
            let (writer, reader) = pair.map_err(|e| e.to_string())?;
            writers.push(writer);
            readers.push(reader);
        }
        let sum = thread::scope(|s| {
            let consumer = s.spawn(move || raw_consumer(&mut readers, size));
            for n in 0..size {
                writers[(n % 3) as usize]
                    .write_all(&n.to_le_bytes())
                    .map_err(|e| e.to_string())?;
            }
            consumer
                .join()
                .map_err(|_| "the consumer panicked".to_owned())?
        })?;
        check(sum == expected_sum, || {
            format!("the items add up to {sum}, not {expected_sum}")
        })
    };
    Ok(vec![
        timed("queue", runs, lesson)?,
        timed("raw", runs, raw)?,
    ])
}

/// Reads `size` eight-byte items from whichever of `readers` has data.
fn raw_consumer(readers: &mut [UnixStream], size: u64) -> Result<u64> {
    use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
    const ITEM: usize = size_of::<u64>();
    let mut buffer = [0u8; 4096];
    // A read may end inside an item: its first bytes wait here per stream.
    let mut partial: Vec<Vec<u8>> = vec![Vec::new(); readers.len()];
    let (mut got, mut sum) = (0, 0);
    while got < size {
        let ready: Vec<usize> = {
            let mut fds: Vec<PollFd<'_>> = readers
                .iter()
                .map(|r| PollFd::new(r.as_fd(), PollFlags::POLLIN))
                .collect();
            match poll(&mut fds, PollTimeout::NONE) {
                Err(nix::errno::Errno::EINTR) => continue,
                Err(e) => return Err(e.to_string()),
                Ok(_) => {}
            }
            (0..fds.len())
                .filter(|&i| {
                    fds[i]
                        .revents()
                        .is_some_and(|r| r.contains(PollFlags::POLLIN))
                })
                .collect()
        };
        for index in ready {
            let read = readers[index]
                .read(&mut buffer)
                .map_err(|e| e.to_string())?;
            check(read > 0, || "a writer closed its end early".to_owned())?;
            let bytes = &mut partial[index];
            bytes.extend_from_slice(&buffer[..read]);
            let whole = bytes.len() / ITEM * ITEM;
            for item in bytes[..whole].chunks_exact(ITEM) {
                let item: [u8; ITEM] = item.try_into().expect("chunks_exact yields ITEM bytes");
                sum += u64::from_le_bytes(item);
                got += 1;
            }
            bytes.drain(..whole);
        }
    }
    Ok(sum)
}

// ---------------------------------------------------------------- parallelism

/// Item 64's workload: the slow gcd of `size` pairs from the lesson's seeded
/// generator (the Python side makes the same pairs), in sequence, then on
/// rayon's pool (the lesson's `gcds_with_rayon`).
fn gcd_pairs(size: u64, runs: usize) -> Result<Vec<Timings>> {
    use parallelism::{euclid, gcd, gcds_with_rayon, pairs};
    let count = usize::try_from(size).map_err(|_| "--size must fit in a usize")?;
    let pairs = pairs(64, count, 2_000_000, 5_000_000);
    let expected: Vec<u64> = pairs.iter().map(|&pair| euclid(pair)).collect();
    let agrees = |answers: &[u64]| {
        check(answers == expected, || {
            "an answer differs from Euclid's".to_owned()
        })
    };
    Ok(vec![
        timed("sequential", runs, || {
            let answers: Vec<u64> = pairs.iter().map(|&pair| gcd(pair)).collect();
            agrees(black_box(&answers))
        })?,
        timed("rayon", runs, || {
            let answers: Vec<u64> = gcds_with_rayon(&pairs, gcd)
                .into_iter()
                .map(|(answer, _thread)| answer)
                .collect();
            agrees(black_box(&answers))
        })?,
    ])
}

// ---------------------------------------------------------------- async-tasks

/// What it costs to start a task, and a thread: `size` tasks that each
/// sleep 100 ms on a one-thread tokio runtime, then `size / 10` threads
/// with 64 KiB stacks that do the same (the lesson's `crowd_of_tasks` and
/// `crowd_of_threads`). The time reported for a run is the lesson's own
/// measure, per task or thread: the fastest tenth of the starting loop,
/// divided by its size. (The Python side measures the same way.)
fn crowd(size: u64, runs: usize) -> Result<Vec<Timings>> {
    use async_tasks::cost::{crowd_of_tasks, crowd_of_threads};
    const NAP: Duration = Duration::from_millis(100);
    const STACK: usize = 64 * 1024;
    let tasks = usize::try_from(size).map_err(|_| "--size must fit in a usize")?;
    let threads = (tasks / 10).max(1);
    let mut timings = Vec::new();
    for (variant, count, start) in [
        (
            "tasks",
            tasks,
            &(|| crowd_of_tasks(tasks, || tokio::time::sleep(NAP))) as &dyn Fn() -> io::Result<_>,
        ),
        ("threads", threads, &|| {
            crowd_of_threads(threads, STACK, NAP)
        }),
    ] {
        let mut each = Vec::with_capacity(runs);
        for _ in 0..runs {
            let crowd = start().map_err(|e| format!("{variant}: {e}"))?;
            check(crowd.count == count, || {
                format!("{variant}: {} started, not {count}", crowd.count)
            })?;
            each.push(crowd.start_each);
        }
        timings.push(Timings {
            variant,
            runs: each,
        });
    }
    Ok(timings)
}
