//! Control tests: every verdict the lesson prints can come out "no". Each
//! test runs a broken variant of its section (a countdown nobody stops, a
//! child that joins its worker, a waiter that never waits, a gate with two
//! permits...) through the same function from `threads::verdict` that
//! `main.rs` prints, and checks that it answers "no".
#![cfg(not(loom))]

use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Barrier, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use threads::verdict;
use threads::{Countdown, Event, PeriodicTimer, Semaphore};

/// Section 1: four threads that each stop one number short of their quarter.
#[test]
fn verdict_sums_add_up_can_fail() {
    let sums: Vec<u64> = thread::scope(|s| {
        let handles: Vec<_> = (0..4u64)
            .map(|quarter| {
                s.spawn(move || {
                    let first = quarter * 250_000 + 1;
                    (first..first + 249_999).sum::<u64>() // off by one
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(verdict::sums_add_up_to_one_through(1_000_000, &sums), "no");
    // The right ranges say "yes".
    let right: Vec<u64> = (0..4u64)
        .map(|q| (q * 250_000 + 1..=(q + 1) * 250_000).sum())
        .collect();
    assert_eq!(
        verdict::sums_add_up_to_one_through(1_000_000, &right),
        "yes"
    );
}

/// Section 4: a countdown that nobody asks to stop shows all ten numbers.
#[test]
fn verdict_stopped_early_can_fail() {
    let countdown = Countdown::new();
    let mut shown = Vec::new();
    countdown.run(10, Duration::ZERO, |n| shown.push(n));
    assert_eq!(shown, [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    assert_eq!(verdict::stopped_early(10, &shown), "no");
    // Asked to stop only after it has finished: too late, still "no".
    countdown.stop();
    assert_eq!(verdict::stopped_early(10, &shown), "no");
    // Asked to stop at 7, it says "yes".
    let countdown = Countdown::new();
    let mut shown = Vec::new();
    countdown.run(10, Duration::ZERO, |n| {
        shown.push(n);
        if n == 7 {
            countdown.stop();
        }
    });
    assert_eq!(verdict::stopped_early(10, &shown), "yes");
}

/// Runs the lesson's binary as the child whose `main` joins its worker.
fn run_joining_child(work: Duration) -> (Duration, String) {
    let started = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_threads"))
        .args(["--child-main-joins", &work.as_millis().to_string()])
        .output()
        .expect("the lesson's binary runs");
    let took = started.elapsed();
    assert!(output.status.success(), "{output:?}");
    (
        took,
        String::from_utf8(output.stdout).expect("the child prints UTF-8"),
    )
}

/// Section 5: a child that joins its worker lasts the worker's whole work.
#[test]
fn verdict_child_ended_before_the_work_can_fail() {
    let work = Duration::from_millis(50);
    let (took, _) = run_joining_child(work);
    assert_eq!(verdict::ended_before_the_work(took, work), "no");
}

/// Section 5: a child that joins its worker prints the worker's line.
#[test]
fn verdict_worker_line_missing_can_fail() {
    let (_, stdout) = run_joining_child(Duration::from_millis(10));
    assert_eq!(
        stdout,
        "main: started a worker; joining it\nworker: finished my work\n"
    );
    assert_eq!(verdict::worker_line_missing(&stdout), "no");
    // The lesson's own child, which does not join, says "yes".
    let output = Command::new(env!("CARGO_BIN_EXE_threads"))
        .arg("--child-main-returns-early")
        .output()
        .expect("the lesson's binary runs");
    let stdout = String::from_utf8(output.stdout).expect("the child prints UTF-8");
    assert_eq!(verdict::worker_line_missing(&stdout), "yes");
}

/// Section 6: a wait on an event that is already set returns `true` at once.
#[test]
fn verdict_event_timed_out_can_fail() {
    let timeout = Duration::from_secs(10);
    let event = Event::new();
    event.set();
    let started = Instant::now();
    let was_set = event.wait_timeout(timeout);
    let waited = started.elapsed();
    assert!(was_set);
    assert_eq!(verdict::timed_out(was_set, waited, timeout), "no");
    // Reporting "not set" before the timeout is up is "no" too.
    assert_eq!(
        verdict::timed_out(false, Duration::from_millis(1), timeout),
        "no"
    );
}

/// Section 6: two threads, each at a barrier of its own, both lead.
#[test]
fn verdict_exactly_one_leader_can_fail() {
    let leaders: Vec<bool> = thread::scope(|s| {
        let handles: Vec<_> = (0..2)
            .map(|_| s.spawn(|| Barrier::new(1).wait().is_leader()))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(leaders, [true, true]);
    assert_eq!(verdict::exactly_one_leader(&leaders), "no");
    assert_eq!(verdict::exactly_one_leader(&[]), "no");
}

/// Section 6: a worker whose setting parses does signal.
#[test]
fn verdict_found_out_nobody_signalled_can_fail() {
    let (ready_tx, ready_rx) = mpsc::channel::<u16>();
    let answer = thread::scope(|s| {
        s.spawn(move || {
            if let Ok(port) = "80".parse() {
                let _ = ready_tx.send(port);
            }
        });
        ready_rx.recv()
    });
    assert_eq!(answer, Ok(80));
    assert_eq!(verdict::found_out_nobody_signalled(&answer), "no");
}

/// Section 7: waiters that never wait, but read the count and go on, on a
/// timer whose first tick is an hour away.
#[test]
fn verdict_every_wait_returned_at_its_tick_can_fail() {
    let timer = PeriodicTimer::start(Duration::from_secs(3600));
    let never_waited =
        |ticks: u64| -> Vec<(u64, u64)> { (1..=ticks).map(|tick| (tick, timer.ticks())).collect() };
    let (down, up) = (never_waited(10), never_waited(5));
    assert_eq!(down[0], (1, 0));
    assert_eq!(
        verdict::every_wait_returned_at_its_tick([down.as_slice(), up.as_slice()]),
        "no"
    );
    drop(timer);
    // A waiter that skips a tick (asks for 1, then 3) is "no" too; one that
    // asks for each in turn and gets it is "yes".
    assert_eq!(
        verdict::every_wait_returned_at_its_tick([[(1, 1), (3, 3)].as_slice()]),
        "no"
    );
    assert_eq!(
        verdict::every_wait_returned_at_its_tick([[(1, 1), (2, 4), (3, 4)].as_slice()]),
        "yes"
    );
}

/// Section 7: a timer that does not wait out its interval (interval zero),
/// judged against the one-second interval it should have kept.
#[test]
fn verdict_took_at_least_the_intervals_can_fail() {
    let started = Instant::now();
    let timer = PeriodicTimer::start(Duration::ZERO);
    assert!(timer.wait_for_tick(10) >= 10);
    let took = started.elapsed();
    drop(timer);
    assert_eq!(
        verdict::took_at_least_the_intervals(took, Duration::from_secs(1), 10),
        "no"
    );
}

/// Section 8: a gate with two permits lets two workers in at once (each
/// waits inside until the other has come in too).
#[test]
fn verdict_one_at_a_time_can_fail() {
    let gate = Semaphore::new(2);
    let both_inside = Barrier::new(2);
    let inside = AtomicUsize::new(0);
    let most_inside = AtomicUsize::new(0);
    thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                let _permit = gate.acquire();
                let now = inside.fetch_add(1, Ordering::Relaxed) + 1;
                most_inside.fetch_max(now, Ordering::Relaxed);
                both_inside.wait();
                inside.fetch_sub(1, Ordering::Relaxed);
            });
        }
    });
    assert_eq!(most_inside.load(Ordering::Relaxed), 2);
    assert_eq!(
        verdict::one_at_a_time(most_inside.load(Ordering::Relaxed)),
        "no"
    );
    assert_eq!(verdict::one_at_a_time(0), "no"); // nobody went in at all
}
