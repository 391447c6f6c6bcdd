//! The `threads` lesson: starting, stopping and signalling threads
//! (Python Cookbook 12.1 and 12.2). The chapter is `book/src/threads.md`.
//!
//! Read it top to bottom: `main` runs one function per section, named after
//! the point it makes. Threads here never print; they return or record what
//! they did, and the main thread prints once it has joined them, so the
//! output is the same on every run. Each `yes`/`no` is computed by a function
//! of `src/verdict.rs` from the figures printed beside it. Given one of the
//! arguments in `src/child.rs`, the binary is its own child process instead;
//! any other argument is a usage error (exit status 2).

use std::env;
use std::process::{Command, ExitCode};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Barrier, Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use threads::child::{self, CHILD_ARG, Role};
use threads::verdict;
use threads::{Countdown, Ended, Event, PeriodicTimer, Semaphore};

/// The countdown's pause between steps (the Cookbook sleeps 5 s).
const STEP: Duration = Duration::from_millis(30);
/// How long a waiter waits for an event that never comes.
const TIMEOUT: Duration = Duration::from_millis(20);
/// The periodic timer's interval (the Cookbook ticks every 5 s).
const TICK: Duration = Duration::from_millis(15);
/// How long each worker holds the semaphore's permit.
const WORK: Duration = Duration::from_millis(3);
/// The work that the child of `threads_still_running_when_main_returns_are_gone`
/// never gets to finish.
const LONG_WORK: Duration = Duration::from_secs(10);

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    match child::role(&args) {
        Some(Role::Lesson) => {
            a_thread_returns_its_result_through_join();
            a_panic_comes_back_from_join();
            scoped_threads_borrow_local_data();
            you_ask_a_thread_to_stop_you_never_kill_it();
            threads_still_running_when_main_returns_are_gone();
            has_the_thread_started();
            a_periodic_timer_wakes_every_waiter();
            a_semaphore_lets_workers_through_one_at_a_time();
        }
        // The binary as its own child process: the one whose `main` returns
        // early, or the control test's, whose `main` joins its worker.
        Some(Role::ChildReturnsEarly) => child_main_returns_early(),
        Some(Role::ChildJoins(work)) => child::child_main_joins(work),
        None => {
            eprintln!("{}", child::USAGE);
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}

// ANCHOR: returns_through_join
fn a_thread_returns_its_result_through_join() {
    println!("== 1. A thread returns its result through join ==");
    // Four threads, each summing a quarter of 1..=1_000_000. A spawned thread
    // may outlive the function that started it, so it must own what it uses:
    // `move` gives each closure its own copy of `quarter`.
    let handles: Vec<thread::JoinHandle<u64>> = (0..4u64)
        .map(|quarter| {
            thread::spawn(move || {
                let first = quarter * 250_000 + 1;
                (first..first + 250_000).sum()
            })
        })
        .collect();
    // `join` waits for a thread to finish and hands back what its closure
    // returned. Joining in the order of starting gives the sums in that
    // order, however the threads were scheduled.
    let sums: Vec<u64> = handles
        .into_iter()
        .map(|handle| handle.join().expect("summing numbers does not panic"))
        .collect();
    let total: u64 = sums.iter().sum();
    println!("the four threads returned {sums:?}");
    println!(
        "their total is {total}: equals 1 + 2 + ... + 1000000: {}",
        verdict::sums_add_up_to_one_through(1_000_000, &sums)
    );
}
// ANCHOR_END: returns_through_join

// ANCHOR: panic_from_join
fn a_panic_comes_back_from_join() {
    println!("\n== 2. A panic comes back from join ==");
    // A named thread: its name appears in the panic message on stderr.
    let sensor = thread::Builder::new()
        .name("sensor-3".into())
        .spawn(|| -> u32 {
            let reading = "warm";
            match reading.parse() {
                Ok(celsius) => celsius,
                Err(_) => panic!("sensor 3 sent {reading:?}, not a number"),
            }
        })
        .expect("the OS can start one more thread");
    // The panic ends that thread only. `join` reports it as an `Err` holding
    // the panic's payload; Python's `join()` returns `None` either way.
    match sensor.join() {
        Ok(celsius) => println!("the thread returned {celsius}"),
        Err(payload) => println!(
            "join returned Err: the thread panicked with {:?}",
            kit::panic_message(&*payload)
        ),
    }
    println!("the main thread carries on: a panic stops only its own thread");
}
// ANCHOR_END: panic_from_join

// ANCHOR: scoped_threads
fn scoped_threads_borrow_local_data() {
    println!("\n== 3. Scoped threads borrow local data ==");
    let readings = vec![3, 1, 4, 1, 5, 9, 2, 6];
    let mut doubled = vec![0; readings.len()];
    // Every thread started inside `scope` is joined before `scope` returns,
    // so the threads may borrow locals: all four read `readings`, and each
    // writes its own quarter of `doubled` (`chunks_mut` hands out `&mut`
    // slices that do not overlap, so no two threads can write the same slot).
    thread::scope(|s| {
        for (input, output) in readings.chunks(2).zip(doubled.chunks_mut(2)) {
            // `move` moves the two slice references in, not the vectors.
            s.spawn(move || {
                for (reading, slot) in input.iter().zip(output) {
                    *slot = reading * 2;
                }
            });
        }
    }); // all four threads have been joined here, and the borrows end
    println!("four threads read   {readings:?}");
    println!("and each wrote a quarter of {doubled:?}");
}
// ANCHOR_END: scoped_threads

// ANCHOR: ask_to_stop
fn you_ask_a_thread_to_stop_you_never_kill_it() {
    println!("\n== 4. You ask a thread to stop; you never kill it ==");
    let countdown = Countdown::new();
    // A rendezvous channel (capacity 0): each `send` waits until main has
    // taken the number, so the countdown can never run ahead and reach zero
    // before main asks it to stop, however late the scheduler runs main.
    let (shown_tx, shown_rx) = mpsc::sync_channel(0);
    let (seen, (shown, ended)) = thread::scope(|s| {
        let task = s.spawn(|| {
            // The countdown also keeps the numbers it showed, as evidence
            // of how far it got.
            let mut shown = Vec::new();
            let ended = countdown.run(10, STEP, |n| {
                shown.push(n);
                // Once main stops listening, `send` fails; the countdown
                // does not mind, so the error is ignored.
                let _ = shown_tx.send(n);
            });
            (shown, ended)
        });
        // Watch the first four numbers go by, then ask the countdown to stop:
        // it sees the flag before its next step and returns by itself.
        let seen: Vec<String> = shown_rx.iter().take(4).map(|n| n.to_string()).collect();
        countdown.stop();
        // Stop listening, so a countdown already waiting in `send` with the
        // next number gets an error instead of waiting for main forever.
        drop(shown_rx);
        (seen, task.join().expect("the countdown does not panic"))
    });
    println!(
        "main saw T-minus {}, then asked it to stop",
        seen.join(", ")
    );
    let remaining = match ended {
        Ended::Stopped { remaining } => remaining,
        Ended::ReachedZero => 0,
    };
    println!(
        "the countdown showed ~{} of its 10 numbers and returned with ~{remaining} still to go: stopped early: {}",
        shown.len(),
        verdict::stopped_early(10, &shown)
    );
}
// ANCHOR_END: ask_to_stop

// ANCHOR: main_returns
fn threads_still_running_when_main_returns_are_gone() {
    println!("\n== 5. Threads still running when main returns are gone ==");
    // Run this same program again, as a child process whose `main` starts a
    // worker and returns without joining it (`child_main_returns_early`).
    let started = Instant::now();
    let child = env::current_exe().and_then(|exe| Command::new(exe).arg(CHILD_ARG).output());
    let took = started.elapsed();
    let child = match child {
        Ok(output) => output,
        Err(err) => {
            println!("could not run the child: {err}");
            return;
        }
    };
    let stdout = String::from_utf8_lossy(&child.stdout);
    for line in stdout.lines() {
        println!("child printed: {line}");
    }
    println!(
        "the child ended ({}) after {took:.1?}, before its worker's ten seconds of work were up: {}",
        child.status,
        verdict::ended_before_the_work(took, LONG_WORK)
    );
    println!(
        "the worker's line is missing: {}",
        verdict::worker_line_missing(&stdout)
    );
}

/// The child this section runs: `main` starts a worker and returns without
/// joining it.
fn child_main_returns_early() {
    let worker = thread::spawn(|| {
        thread::sleep(LONG_WORK);
        println!("worker: finished my work");
    });
    println!("main: started a worker; returning without joining it");
    // Dropping a `JoinHandle` detaches its thread: it runs on, but only
    // until the process ends, and the process ends when `main` returns.
    drop(worker);
}
// ANCHOR_END: main_returns

// ANCHOR: has_it_started
fn has_the_thread_started() {
    println!("\n== 6. Has the thread started? Event, Barrier, or a one-shot channel ==");
    // ANCHOR: event_started
    // An `Event`: the worker sets it once it is running; main waits for it.
    // Everything the worker did before `set` happens before `wait` returns,
    // so the log below is always in this order.
    let started = Event::new();
    let log = Mutex::new(Vec::new());
    let note = |line| {
        log.lock()
            .expect("no thread panics holding the log")
            .push(line)
    };
    thread::scope(|s| {
        s.spawn(|| {
            note("worker: countdown starting");
            started.set();
        });
        started.wait();
        note("main: countdown is running");
    });
    let log = log
        .into_inner()
        .expect("no thread panicked holding the log");
    for line in log {
        println!("event: {line}");
    }
    // ANCHOR_END: event_started
    // ANCHOR: event_timeout
    let never = Event::new();
    let waited = Instant::now();
    let was_set = never.wait_timeout(TIMEOUT);
    let waited = waited.elapsed();
    println!(
        "event: wait_timeout on an event nobody sets returned {was_set} after {waited:.1?}: at least its timeout: {}",
        verdict::timed_out(was_set, waited, TIMEOUT)
    );
    // ANCHOR_END: event_timeout

    // ANCHOR: barrier
    // A `Barrier` for two: each side waits until the other arrives too, so
    // it also holds the worker back until main is ready. One is the leader.
    let barrier = Barrier::new(2);
    let leaders = thread::scope(|s| {
        let worker = s.spawn(|| barrier.wait().is_leader());
        let main_leads = barrier.wait().is_leader();
        let worker_leads = worker.join().expect("waiting at a barrier does not panic");
        [main_leads, worker_leads]
    });
    println!(
        "barrier: both threads met; exactly one was the leader: {}",
        verdict::exactly_one_leader(&leaders)
    );
    // ANCHOR_END: barrier

    // ANCHOR: oneshot
    // A one-shot channel: the signal can carry a value, and a worker that
    // gives up before signalling drops its sender, so `recv` returns `Err`
    // instead of waiting forever (an `Event` nobody sets waits forever).
    let (ready_tx, ready_rx) = mpsc::channel();
    let message = thread::scope(|s| {
        s.spawn(move || ready_tx.send("countdown starting"));
        ready_rx.recv()
    });
    match message {
        Ok(message) => println!("channel: main received {message:?}"),
        Err(err) => println!("channel: the worker never signalled ({err})"),
    }
    let (ready_tx, ready_rx) = mpsc::channel::<u16>();
    let answer = thread::scope(|s| {
        s.spawn(move || {
            // A bad setting: the worker gives up before it starts, and
            // `ready_tx` is dropped unsent as the closure returns.
            if let Ok(port) = "eighty".parse() {
                let _ = ready_tx.send(port);
            }
        });
        ready_rx.recv()
    });
    println!(
        "channel: a worker that gave up before signalling: recv returned {answer:?}: main found out: {}",
        verdict::found_out_nobody_signalled(&answer)
    );
    // ANCHOR_END: oneshot
}
// ANCHOR_END: has_it_started

// ANCHOR: periodic_timer
fn a_periodic_timer_wakes_every_waiter() {
    println!("\n== 7. A periodic timer: two threads wait for every tick ==");
    let pictured = trace::region("periodic timer"); // what the chapter's picture shows
    let started = Instant::now();
    let timer = PeriodicTimer::start(TICK);
    // Each thread waits for tick 1, then tick 2, and so on, and records the
    // tick it asked for beside the count `wait_for_tick` returned: a waiter
    // that is late for a tick still gets it, at once, with a higher count.
    let wait_for_ticks = |ticks: u64| -> Vec<(u64, u64)> {
        (1..=ticks)
            .map(|tick| (tick, timer.wait_for_tick(tick)))
            .collect()
    };
    let (down, up) = thread::scope(|s| {
        // Named threads: the names label their lanes in the chapter's picture.
        let down = thread::Builder::new()
            .name("countdown".into())
            .spawn_scoped(s, || wait_for_ticks(10))
            .expect("the OS can start a thread");
        let up = thread::Builder::new()
            .name("count-up".into())
            .spawn_scoped(s, || wait_for_ticks(5))
            .expect("the OS can start a thread");
        let _joining = trace::waiting(trace::Wait::Join, "join");
        let down = down.join().expect("the countdown does not panic");
        let up = up.join().expect("the count-up does not panic");
        (down, up)
    });
    let took = started.elapsed();
    drop(timer); // stops the ticking thread and joins it
    drop(pictured);
    // What each thread did at its tick: the recipe's countdown and count-up.
    for (row, &(tick, _)) in down.iter().enumerate() {
        let line = format!("T-minus {}", 11 - tick);
        let beside = up
            .get(row)
            .map_or(String::new(), |&(tick, _)| format!("Counting {}", tick - 1));
        let row = format!("tick {tick:>2}: {line:<12}{beside}");
        println!("{}", row.trim_end());
    }
    // The count each wait returned varies with timing (a late waiter sees a
    // later count), so it is not printed; the verdict checks it.
    println!(
        "each wait returned only once its tick had come: {}",
        verdict::every_wait_returned_at_its_tick([down.as_slice(), up.as_slice()])
    );
    println!(
        "ten ticks, one every {TICK:?}, took {took:.1?}: at least ten intervals: {}",
        verdict::took_at_least_the_intervals(took, TICK, 10)
    );
}
// ANCHOR_END: periodic_timer

// ANCHOR: semaphore
fn a_semaphore_lets_workers_through_one_at_a_time() {
    println!("\n== 8. A semaphore lets workers through one at a time ==");
    let gate = Semaphore::new(0);
    // Evidence, counted by the workers. Each counter is one atomic updated by
    // read-modify-write operations, which never lose an update: `Relaxed` is
    // enough.
    let inside = AtomicUsize::new(0);
    let most_inside = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let pictured = trace::region("semaphore"); // what the chapter's picture shows
    let joining = thread::scope(|s| {
        for n in 1..=10 {
            // Named, for their lanes in the chapter's picture.
            let worker = thread::Builder::new().name(format!("worker {n}"));
            let started = worker.spawn_scoped(s, || {
                // Bind the permit to a name: `let _ = gate.acquire();` would
                // drop it, and give it back, on the spot.
                let _permit = gate.acquire();
                // The chapter's picture: an arrow from whoever passed the permit on.
                trace::flow_in("permit", done.load(Ordering::Relaxed) as u64);
                let now = inside.fetch_add(1, Ordering::Relaxed) + 1;
                most_inside.fetch_max(now, Ordering::Relaxed);
                let working = trace::waiting(trace::Wait::Sleep, "work");
                thread::sleep(WORK);
                drop(working);
                inside.fetch_sub(1, Ordering::Relaxed);
                let passed = done.fetch_add(1, Ordering::Relaxed) + 1;
                trace::flow_out("permit", passed as u64);
            }); // `_permit` is dropped as the closure ends: the next worker goes in
            started.expect("the OS can start ten threads");
        }
        thread::sleep(TIMEOUT);
        println!(
            "ten workers wait at a semaphore with no permits; after {TIMEOUT:?}, workers done: {}",
            done.load(Ordering::Relaxed)
        );
        println!("main adds one permit (Python's sema.release()), and each worker passes it on");
        trace::flow_out("permit", 0);
        gate.add_permits(1);
        // For the picture: main's wait for the workers, which `scope` joins
        // before it returns this span, to be ended just below.
        trace::waiting(trace::Wait::Join, "join")
    });
    drop(joining);
    drop(pictured);
    println!(
        "workers done: {}; never more than one inside at once: {}; permits free at the end: {}",
        done.load(Ordering::Relaxed),
        verdict::one_at_a_time(most_inside.load(Ordering::Relaxed)),
        gate.available()
    );
}
// ANCHOR_END: semaphore
