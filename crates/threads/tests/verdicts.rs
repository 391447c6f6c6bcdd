//! Controls: every verdict the lesson prints can come out "no". Each test,
//! `verdict_<name>_can_fail`, runs the broken variant of a section for real
//! (a countdown nobody stops, a child that joins its worker, a wait that only
//! looks, a ticker that never waits, a gate with two permits...),
//! hands its evidence to the function `threads::verdict::<name>` that
//! `main.rs` prints, and asserts "no", the opposite of the snapshot's "yes".
//! Where it costs little, the test also runs the lesson's own variant through
//! the same steps and sees "yes", so the control tells the two apart.
#![cfg(not(loom))]

use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Barrier, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use threads::child::{CHILD_ARG, JOINING_CHILD_ARG};
use threads::verdict::{self, Verdict};
use threads::{Countdown, Event, PeriodicTimer, Semaphore, Ticks};

/// Four threads, each summing `per_quarter` numbers from the start of its
/// quarter of 1..=1_000_000, as `a_thread_returns_its_result_through_join`
/// does with 250 000.
fn sum_quarters(per_quarter: u64) -> Vec<u64> {
    let handles: Vec<_> = (0..4u64)
        .map(|quarter| {
            thread::spawn(move || {
                let first = quarter * 250_000 + 1;
                (first..first + per_quarter).sum::<u64>()
            })
        })
        .collect();
    handles
        .into_iter()
        .map(|handle| handle.join().expect("summing does not panic"))
        .collect()
}

/// The broken variant: each thread stops one number short of its quarter.
#[test]
fn verdict_sums_add_up_to_one_through_can_fail() {
    let short = sum_quarters(249_999);
    assert_eq!(
        verdict::sums_add_up_to_one_through(1_000_000, &short),
        Verdict::No
    );
    let right = sum_quarters(250_000);
    assert_eq!(
        verdict::sums_add_up_to_one_through(1_000_000, &right),
        Verdict::Yes
    );
}

/// The broken variant: main watches four numbers go by, as the lesson does,
/// and forgets to ask the countdown to stop. It shows all ten.
#[test]
fn verdict_stopped_early_can_fail() {
    let countdown = Countdown::new();
    let (shown_tx, shown_rx) = mpsc::sync_channel(0);
    let shown = thread::scope(|s| {
        let task = s.spawn(|| {
            let mut shown = Vec::new();
            countdown.run(10, Duration::ZERO, |n| {
                shown.push(n);
                let _ = shown_tx.send(n);
            });
            shown
        });
        let seen: Vec<u32> = shown_rx.iter().take(4).collect();
        assert_eq!(seen, [10, 9, 8, 7]);
        drop(shown_rx); // no `countdown.stop()` before this
        task.join().expect("the countdown does not panic")
    });
    assert_eq!(shown, [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    assert_eq!(verdict::stopped_early(10, &shown), Verdict::No);
}

/// Runs the lesson's binary as the child whose `main` joins its worker (the
/// broken variant of the lesson's child, for the two verdicts below).
fn run_joining_child(work: Duration) -> (Duration, String) {
    let started = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_threads"))
        .args([JOINING_CHILD_ARG, &work.as_millis().to_string()])
        .output()
        .expect("the lesson's binary runs");
    let took = started.elapsed();
    assert!(output.status.success(), "{output:?}");
    (
        took,
        String::from_utf8(output.stdout).expect("the child prints UTF-8"),
    )
}

/// The broken variant: a child whose `main` joins its worker lasts the
/// worker's whole work.
#[test]
fn verdict_ended_before_the_work_can_fail() {
    let work = Duration::from_millis(50);
    let (took, _) = run_joining_child(work);
    assert_eq!(verdict::ended_before_the_work(took, work), Verdict::No);
}

/// The broken variant: a child whose `main` joins its worker prints the
/// worker's line. The lesson's own child, which does not join, does not.
#[test]
fn verdict_worker_line_missing_can_fail() {
    let (_, stdout) = run_joining_child(Duration::from_millis(10));
    assert_eq!(
        stdout,
        "main: starting a worker, then joining it\nworker: finished my work\n"
    );
    assert_eq!(verdict::worker_line_missing(&stdout), Verdict::No);

    let output = Command::new(env!("CARGO_BIN_EXE_threads"))
        .arg(CHILD_ARG)
        .output()
        .expect("the lesson's binary runs");
    let stdout = String::from_utf8(output.stdout).expect("the child prints UTF-8");
    assert_eq!(verdict::worker_line_missing(&stdout), Verdict::Yes);
}

/// The broken variant: a "timed wait" that only looks at the event once
/// (`is_set`) and gives up at once, long before its timeout.
#[test]
fn verdict_timed_out_can_fail() {
    let timeout = Duration::from_secs(1);
    let never = Event::new();
    let started = Instant::now();
    let was_set = never.is_set();
    let waited = started.elapsed();
    assert!(!was_set);
    assert_eq!(verdict::timed_out(was_set, waited, timeout), Verdict::No);
}

/// The broken variant: two threads, each at a barrier of its own, so
/// neither waits for the other and both lead.
#[test]
fn verdict_exactly_one_leader_can_fail() {
    let leaders: Vec<bool> = thread::scope(|s| {
        let handles: Vec<_> = (0..2)
            .map(|_| s.spawn(|| Barrier::new(1).wait().is_leader()))
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("a barrier does not panic"))
            .collect()
    });
    assert_eq!(leaders, [true, true]);
    assert_eq!(verdict::exactly_one_leader(&leaders), Verdict::No);
}

/// The broken variant: the worker's setting parses, so it does signal, and
/// main receives the port instead of finding out that nobody signalled.
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
    assert_eq!(verdict::found_out_nobody_signalled(&answer), Verdict::No);
}

/// The broken variant: waiters that never wait, but read the count and go
/// on, on a timer whose first tick is an hour away.
#[test]
fn verdict_every_wait_returned_at_its_tick_can_fail() {
    let timer = PeriodicTimer::start(Duration::from_secs(3600));
    let never_waited =
        |ticks: u64| -> Vec<(u64, u64)> { (1..=ticks).map(|tick| (tick, timer.ticks())).collect() };
    let (down, up) = (never_waited(10), never_waited(5));
    drop(timer);
    assert_eq!(down[0], (1, 0));
    assert_eq!(
        verdict::every_wait_returned_at_its_tick([down.as_slice(), up.as_slice()]),
        Verdict::No
    );
}

/// The broken variant: a ticker that forgets to wait. It looks at its stop
/// event (`is_set`) where it should wait on it for an interval
/// (`wait_timeout`), so its ten ticks come at once. (A late wake-up, on a
/// loaded machine, can only make a ticker slower, never faster: so the
/// control breaks the timer in the direction no load can hide.)
#[test]
fn verdict_took_at_least_the_intervals_can_fail() {
    let interval = Duration::from_millis(200);
    let ticks = Ticks::new();
    let stop = Event::new();
    let started = Instant::now();
    let took = thread::scope(|s| {
        s.spawn(|| {
            while !stop.is_set() {
                ticks.tick();
            }
        });
        ticks.wait_for(10);
        let took = started.elapsed();
        stop.set();
        took
    });
    assert_eq!(
        verdict::took_at_least_the_intervals(took, interval, 10),
        Verdict::No,
        "ten ticks took {took:?}"
    );
}

/// The broken variant: a gate with two permits lets two workers in at once
/// (each waits inside until the other has come in too).
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
        Verdict::No
    );
}
