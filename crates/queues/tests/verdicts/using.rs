//! The controls of the verdicts `src/sections/using.rs` prints: the
//! pipelines (whose photos every kind of pipeline in the lesson is checked
//! by), the workers' roster, crossbeam's close-by-drop, the priority queue.

use std::collections::BinaryHeap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use crossbeam::channel;
use kit::Verdict;
use queues::pipeline::{Photo, Roster, download, resize, start_workers, stop_stage, upload};
use queues::verdict;
use queues::{ClosableQueue, FastQueue, PollingQueue, PriorityQueue, polling_worker};

use crate::{NAP, finished_photo};

// --- each_photo_once --------------------------------------------------------

/// `a_pipeline_with_several_workers_per_stage` (or, on `FastQueue`s,
/// `a_faster_queue_notifies_only_when_someone_sleeps`) with the resize
/// queue closed before the download stage is done: the download workers'
/// photos have nowhere to go, and none reaches the end. A macro, so that
/// it runs on either queue type (each has `new`, `unbounded`, `put`,
/// `close` and `for item in &queue`); it evaluates to the photos that came
/// out.
macro_rules! stages_stopped_out_of_order {
    ($queue:ident) => {{
        let downloads = $queue::unbounded();
        let resizes = $queue::new(10).expect("valid capacity");
        let uploads = $queue::new(10).expect("valid capacity");
        let done = $queue::unbounded();
        let roster = Roster::new();
        for id in 0..100 {
            downloads.put(id).expect("the queue is open");
        }
        let stopped = thread::scope(|s| {
            resizes.close(); // too early
            let d = start_workers(s, 3, download, &downloads, &resizes, &roster);
            let r = start_workers(s, 4, resize, &resizes, &uploads, &roster);
            let u = start_workers(s, 5, upload, &uploads, &done, &roster);
            // Every stage is stopped (and joined), whatever the one before
            // reported.
            let d = stop_stage(&downloads, d);
            let r = stop_stage(&resizes, r);
            let u = stop_stage(&uploads, u);
            (d.is_err(), r.is_ok(), u.is_ok())
        });
        assert_eq!(stopped, (true, true, true), "only the download stage fails");
        done.close();
        (&done).into_iter().collect::<Vec<Photo>>()
    }};
}

/// Three ways a pipeline loses or doubles photos, one for each kind of
/// pipeline the lesson checks with `each_photo_once`: the polling one
/// stopped by its flag, the several-workers one (on `ClosableQueue`s and on
/// `FastQueue`s) stopped out of order, and the crossbeam one with a stage
/// that sends each photo twice.
#[test]
fn verdict_each_photo_once_can_fail() {
    let photos = polling_pipeline_stopped_by_its_flag();
    assert_eq!(
        photos.len(),
        1,
        "only the photo in hand when the flag went up"
    );
    assert_eq!(verdict::each_photo_once(&photos, 10), Verdict::No);

    let photos = stages_stopped_out_of_order!(ClosableQueue);
    assert!(photos.is_empty());
    assert_eq!(verdict::each_photo_once(&photos, 100), Verdict::No);

    let photos = stages_stopped_out_of_order!(FastQueue);
    assert!(photos.is_empty());
    assert_eq!(verdict::each_photo_once(&photos, 100), Verdict::No);

    let photos = channel_stage_that_sends_twice();
    assert_eq!(photos.len(), 200);
    assert_eq!(verdict::each_photo_once(&photos, 100), Verdict::No);
}

/// `polling_workers_busy_wait`'s pipeline, one stage of it, stopped the way
/// `a_stop_flag_strands_queued_work` stops it: the flag goes up while the
/// worker holds photo 0, and the other nine never come out.
fn polling_pipeline_stopped_by_its_flag() -> Vec<Photo> {
    let queued = PollingQueue::new();
    let done = PollingQueue::new();
    let stop = AtomicBool::new(false);
    for id in 0..10 {
        queued.put(id);
    }
    let (started_tx, started_rx) = channel::bounded(1);
    let (go_tx, go_rx) = channel::bounded(1);
    thread::scope(|s| {
        let worker = s.spawn(|| {
            let when_told = |id| {
                let _ = started_tx.send(id);
                let _ = go_rx.recv();
                finished_photo(id)
            };
            polling_worker(&queued, &done, when_told, &stop, NAP)
        });
        started_rx.recv().expect("the worker starts on a photo");
        stop.store(true, Ordering::Release);
        go_tx.send(()).expect("the worker waits for the go-ahead");
        worker.join().expect("the worker does not panic");
    });
    std::iter::from_fn(|| done.try_get()).collect()
}

/// `the_same_pipeline_on_crossbeam_channels` with a stage that sends every
/// photo twice: twice as many arrive.
fn channel_stage_that_sends_twice() -> Vec<Photo> {
    let (download_tx, download_rx) = channel::bounded(10);
    let (done_tx, done_rx) = channel::unbounded();
    thread::scope(|s| {
        for _ in 0..3 {
            let (rx, tx) = (download_rx.clone(), done_tx.clone());
            s.spawn(move || {
                for id in &rx {
                    let photo = finished_photo(id);
                    tx.send(photo).expect("main is receiving");
                    tx.send(photo).expect("main is receiving"); // the bug
                }
            });
        }
        drop(done_tx);
        for id in 0..100 {
            download_tx.send(id).expect("the workers are running");
        }
        drop(download_tx);
        done_rx.iter().collect()
    })
}

// --- all_workers_ended ------------------------------------------------------

/// Workers whose queue is never closed are still in their loop: read the
/// roster while they wait, and the verdict is "no". (Then close and join,
/// to leave nothing running.) And workers that ended by failing, not by
/// finishing their queue, never sign out.
#[test]
fn verdict_all_workers_ended_can_fail() {
    let input = ClosableQueue::new(10).expect("valid capacity");
    let output = ClosableQueue::unbounded();
    let roster = Roster::new();
    let (started, finished) = thread::scope(|s| {
        let workers = start_workers(s, 12, resize, &input, &output, &roster);
        for id in 0..20 {
            input.put(download(id)).expect("the queue is open");
        }
        // Not closed yet: however far they got, every worker is still in
        // its loop, waiting for the next photo or the close.
        let seen = (roster.started(), roster.finished());
        stop_stage(&input, workers).expect("the output stays open");
        seen
    });
    assert_eq!((started, finished), (12, 0));
    assert_eq!(
        verdict::all_workers_ended(started, finished, 12),
        Verdict::No
    );
    assert_eq!((roster.started(), roster.finished()), (12, 12));
    assert_eq!(
        verdict::all_workers_ended(roster.started(), roster.finished(), 12),
        Verdict::Yes
    );

    // Ended, but not by finishing: the output was closed under them.
    let input = ClosableQueue::unbounded();
    let closed_output = ClosableQueue::unbounded();
    closed_output.close();
    let roster = Roster::new();
    for id in 0..12 {
        input.put(download(id)).expect("the queue is open");
    }
    thread::scope(|s| {
        let workers = start_workers(s, 12, resize, &input, &closed_output, &roster);
        assert!(stop_stage(&input, workers).is_err());
    });
    assert_eq!(
        verdict::all_workers_ended(roster.started(), roster.finished(), 12),
        Verdict::No
    );
}

// --- still_open and closed --------------------------------------------------

/// No clone left behind: the channel is closed, and `recv_timeout` says
/// `Disconnected` at once instead of waiting out its timeout.
#[test]
fn verdict_still_open_can_fail() {
    let (tx, rx) = channel::unbounded::<Photo>();
    drop(tx);
    let timeout = Duration::from_secs(10);
    let started = Instant::now();
    let answer = rx.recv_timeout(timeout);
    let waited = started.elapsed();
    assert_eq!(answer, Err(channel::RecvTimeoutError::Disconnected));
    assert_eq!(verdict::still_open(&answer, waited, timeout), Verdict::No);
}

/// A sender still alive, and one more photo sent: `recv` returns it
/// instead of reporting the end.
#[test]
fn verdict_closed_can_fail() {
    let (tx, rx) = channel::unbounded();
    let forgotten = tx.clone();
    drop(tx);
    forgotten.send(download(8)).expect("the receiver is alive");
    let answer = rx.recv();
    assert_eq!(answer, Ok(download(8)));
    assert_eq!(verdict::closed(&answer), Verdict::No);
    drop(forgotten);
    assert_eq!(verdict::closed(&rx.recv()), Verdict::Yes);
}

// --- ties_in_put_order ------------------------------------------------------

/// A heap of `(priority, item)` pairs, with no sequence number: equal
/// priorities come out in the items' order (here, reverse alphabetical),
/// not the order they were put.
#[test]
fn verdict_ties_in_put_order_can_fail() {
    let puts = [
        ("backup", 1),
        ("email", 5),
        ("alert", 9),
        ("report", 5),
        ("invoice", 5),
    ];
    let mut heap: BinaryHeap<(i32, &str)> = puts.iter().map(|&(job, p)| (p, job)).collect();
    let order: Vec<&str> = std::iter::from_fn(|| heap.pop().map(|(_, job)| job)).collect();
    assert_eq!(order, ["alert", "report", "invoice", "email", "backup"]);
    assert_eq!(verdict::ties_in_put_order(&order, &puts), Verdict::No);

    // The lesson's queue, for contrast.
    let queue = PriorityQueue::new();
    for (job, priority) in puts {
        queue.put(job, priority);
    }
    let order: Vec<&str> = puts.iter().map(|_| queue.get()).collect();
    assert_eq!(verdict::ties_in_put_order(&order, &puts), Verdict::Yes);
}
