//! Behaviour of `FastWorker`: the same answers, order, close and panic
//! reports as `Worker`, under both tunings; and the counts its hand-offs
//! keep: no notification when nobody sleeps (with `Tuning::FAST`), and one
//! each time with the `Worker`'s way (`Tuning::PLAIN`).
#![cfg(not(loom))]

use std::sync::mpsc;

use actors::{ActorPanicked, FastWorker, JobError, Notify, Tuning};

const BOTH: [Tuning; 2] = [Tuning::FAST, Tuning::PLAIN];

fn quiet_panics() {
    std::panic::set_hook(Box::new(|_| {}));
}

#[test]
fn round_trips_get_their_own_answers() {
    for tuning in BOTH {
        let worker = FastWorker::spawn("round trips", tuning);
        for n in 0..1_000_u64 {
            let handle = worker.submit(move || n * n).expect("open");
            assert_eq!(handle.result(), Ok(n * n), "{tuning:?}");
        }
        let (jobs, answers) = (worker.mailbox_counts(), worker.result_counts());
        assert_eq!(jobs.taken, 1_000);
        assert_eq!(answers.taken, 1_000);
        // Every take is counted once, one way or the other.
        assert_eq!(
            jobs.caught_spinning + jobs.caught_yielding + jobs.slept,
            1_000
        );
        assert_eq!(
            answers.caught_spinning + answers.caught_yielding + answers.slept,
            1_000
        );
        worker.join().expect("no job panicked");
    }
}

#[test]
fn each_handle_gets_its_own_jobs_result_whatever_order_they_are_awaited() {
    for tuning in BOTH {
        let worker = FastWorker::spawn("squares", tuning);
        let handles: Vec<_> = (0..100_u64)
            .map(|n| worker.submit(move || n * n).expect("open"))
            .collect();
        let squares: Vec<u64> = handles
            .into_iter()
            .rev()
            .map(|h| h.result().expect("no job panics"))
            .collect();
        assert_eq!(
            squares,
            (0..100_u64).rev().map(|n| n * n).collect::<Vec<_>>()
        );
        worker.join().expect("no job panicked");
    }
}

#[test]
fn jobs_run_one_at_a_time_in_the_order_submitted() {
    for tuning in BOTH {
        let worker = FastWorker::spawn("ordered", tuning);
        let (log, entries) = mpsc::channel();
        for n in 0..50 {
            let log = log.clone();
            worker
                .submit(move || log.send(n).expect("the test listens"))
                .expect("open");
        }
        drop(log);
        worker.join().expect("no job panicked");
        assert_eq!(
            entries.iter().collect::<Vec<_>>(),
            (0..50).collect::<Vec<_>>()
        );
    }
}

#[test]
fn jobs_submitted_before_close_still_run_and_later_ones_are_refused() {
    for tuning in BOTH {
        let worker = FastWorker::spawn("closing", tuning);
        let (go, gate) = mpsc::channel::<()>();
        let first = worker
            .submit(move || gate.recv().map(|()| "first"))
            .expect("open");
        let second = worker.submit(|| "second").expect("open");
        worker.close();
        assert!(worker.submit(|| "late").is_err());
        go.send(()).expect("the first job waits at the gate");
        assert_eq!(first.result(), Ok(Ok("first")));
        assert_eq!(second.result(), Ok("second"));
        worker.join().expect("no job panicked");
    }
}

#[test]
fn a_panicking_job_is_reported_to_its_waiter_and_at_join() {
    quiet_panics();
    for tuning in BOTH {
        let worker = FastWorker::spawn("fragile", tuning);
        let (go, gate) = mpsc::channel::<()>();
        let fine = worker.submit(|| 1).expect("open");
        let fails = worker
            .submit(move || -> i32 {
                gate.recv().expect("the test opens the gate");
                panic!("job {} failed", 2)
            })
            .expect("open");
        let behind = worker.submit(|| 3).expect("open: stuck at the gate");
        go.send(()).expect("the job waits at the gate");

        assert_eq!(fine.result(), Ok(1));
        assert_eq!(
            fails.result(),
            Err(JobError::Panicked("job 2 failed".to_owned()))
        );
        assert_eq!(behind.result(), Err(JobError::NotRun));
        // By the time `behind` heard `NotRun`, the mailbox was closed.
        assert!(worker.submit(|| 4).is_err());
        assert_eq!(
            worker.join(),
            Err(ActorPanicked {
                actor: "fragile".to_owned(),
                message: "job 2 failed".to_owned(),
            })
        );
    }
}

#[test]
#[should_panic(expected = "dropped without `join`, and it had panicked: lost?")]
fn a_worker_dropped_after_a_panic_raises_it_again() {
    quiet_panics();
    let worker = FastWorker::spawn("dropped", Tuning::FAST);
    let handle = worker.submit(|| -> u8 { panic!("lost?") }).expect("open");
    assert!(handle.result().is_err());
    drop(worker);
}

/// Submits a job that holds the worker at a gate, then, once it is there,
/// a second job: the worker is busy, certainly not asleep, when the second
/// arrives. Returns the mailbox's counts.
fn submit_to_a_busy_worker(tuning: Tuning) -> actors::HandoffCounts {
    let worker = FastWorker::spawn("busy", tuning);
    let (started, at_gate) = mpsc::channel::<()>();
    let (go, gate) = mpsc::channel::<()>();
    let first = worker
        .submit(move || {
            started.send(()).expect("the test waits for the start");
            gate.recv().expect("the test opens the gate");
        })
        .expect("open");
    at_gate.recv().expect("the first job starts");
    let second = worker.submit(|| 2).expect("open");
    let counts = worker.mailbox_counts();
    go.send(()).expect("the first job waits at the gate");
    assert_eq!(first.result(), Ok(()));
    assert_eq!(second.result(), Ok(2));
    worker.join().expect("no job panicked");
    counts
}

#[test]
fn a_job_sent_to_a_busy_worker_costs_no_notification() {
    let counts = submit_to_a_busy_worker(Tuning::FAST);
    assert_eq!(counts.taken, 1);
    assert_eq!(counts.notified_nobody, 0);
    // At most the first job found the worker asleep.
    assert!(counts.notified <= 1, "{counts:?}");
}

#[test]
fn the_plain_way_notifies_a_busy_worker_anyway() {
    let counts = submit_to_a_busy_worker(Tuning::PLAIN);
    assert_eq!(counts.taken, 1);
    assert_eq!(counts.notified, 2, "one per job: {counts:?}");
    assert!(counts.notified_nobody >= 1, "{counts:?}");
}

#[test]
fn an_answer_there_before_anyone_waits_costs_no_notification() {
    for (tuning, expected) in [(Tuning::FAST, 0), (Tuning::PLAIN, 1)] {
        let worker = FastWorker::spawn("early", tuning);
        let early = worker.submit(|| 1).expect("open");
        // Jobs run in order: once the second starts, the first's answer
        // has been delivered, with nobody waiting for it.
        let (started, at_start) = mpsc::channel::<()>();
        let later = worker
            .submit(move || started.send(()).expect("the test waits"))
            .expect("open");
        at_start.recv().expect("the second job starts");
        assert_eq!(early.result(), Ok(1));
        let answers = worker.result_counts();
        assert_eq!(answers.caught_spinning, 1);
        assert_eq!(answers.caught_yielding, 0);
        assert_eq!(answers.slept, 0);
        assert!(answers.notified >= expected, "{tuning:?}: {answers:?}");
        assert!(
            answers.notified_nobody >= expected,
            "{tuning:?}: {answers:?}"
        );
        if tuning.notify == Notify::Sleepers {
            assert_eq!(answers.notified, 0, "{answers:?}");
        }
        assert_eq!(later.result(), Ok(()));
        worker.join().expect("no job panicked");
    }
}
