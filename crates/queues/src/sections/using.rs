//! The finished queue at work. The photo pipeline with
//! several workers per stage on `ClosableQueue`s, then on crossbeam's
//! channels (what real code would use); the Cookbook's sentinel against
//! close-by-drop; and the Cookbook's priority queue.

use std::thread;
use std::time::Instant;

use crossbeam::channel;
use queues::pipeline::{Photo, Roster, download, resize, start_workers, stop_stage, upload};
use queues::verdict;
use queues::{BlockingQueue, ClosableQueue, PriorityQueue};

use super::{PAUSE, PIPELINE_PHOTOS, STAGE_CAPACITY, WORKERS};

// ANCHOR: multi_worker
pub fn a_pipeline_with_several_workers_per_stage() {
    println!("\n== 9. A pipeline with 3, 4 and 5 workers per stage ==");
    let downloads = ClosableQueue::new(STAGE_CAPACITY).expect("10 is a valid capacity");
    let resizes = ClosableQueue::new(STAGE_CAPACITY).expect("10 is a valid capacity");
    let uploads = ClosableQueue::new(STAGE_CAPACITY).expect("10 is a valid capacity");
    let done = ClosableQueue::unbounded();
    // Each worker signs itself out here once its queue is closed and drained.
    let roster = Roster::new();
    let [n_download, n_resize, n_upload] = WORKERS;
    let queues_and_results = thread::scope(|s| {
        let download_workers =
            start_workers(s, n_download, download, &downloads, &resizes, &roster);
        let resize_workers = start_workers(s, n_resize, resize, &resizes, &uploads, &roster);
        let upload_workers = start_workers(s, n_upload, upload, &uploads, &done, &roster);
        for id in 0..PIPELINE_PHOTOS {
            downloads
                .put(id)
                .expect("the first stage stays open until every photo is in");
        }
        // Stop the stages in order: each stage's queue is closed only once
        // every worker feeding it has ended, so none of them finds it closed.
        [
            (
                "download",
                stop_stage(&downloads, download_workers),
                downloads.unfinished(),
            ),
            (
                "resize",
                stop_stage(&resizes, resize_workers),
                resizes.unfinished(),
            ),
            (
                "upload",
                stop_stage(&uploads, upload_workers),
                uploads.unfinished(),
            ),
        ]
    });
    println!("{PIPELINE_PHOTOS} photos in; each stage's queue closed, then its workers joined:");
    for (stage, handled, unfinished) in queues_and_results {
        match handled {
            Ok(handled) => {
                println!(
                    "  {stage:<8} {} workers joined; they handled {} photos between them; unfinished: {unfinished}",
                    handled.len(),
                    handled.iter().sum::<usize>()
                );
            }
            Err(err) => println!("  {stage:<8} failed: {err}"),
        }
    }
    // What the workers themselves said, read before the photos are counted.
    let (started, finished) = (roster.started(), roster.finished());
    done.close();
    let photos: Vec<Photo> = (&done).into_iter().collect();
    println!(
        "{} photos arrived: each of 0..{PIPELINE_PHOTOS} exactly once, resized and uploaded: {}",
        photos.len(),
        verdict::each_photo_once(&photos, PIPELINE_PHOTOS)
    );
    println!(
        "all {finished} worker threads had ended before the photos were counted: {}",
        verdict::all_workers_ended(started, finished, WORKERS.iter().sum())
    );
}
// ANCHOR_END: multi_worker

// ANCHOR: crossbeam_pipeline
pub fn the_same_pipeline_on_crossbeam_channels() {
    println!("\n== 10. The same pipeline on crossbeam channels ==");
    let (download_tx, download_rx) = channel::bounded(STAGE_CAPACITY);
    let (resize_tx, resize_rx) = channel::bounded(STAGE_CAPACITY);
    let (upload_tx, upload_rx) = channel::bounded(STAGE_CAPACITY);
    let (done_tx, done_rx) = channel::unbounded();
    let (photos, peak, joined) = thread::scope(|s| {
        let [n_download, n_resize, n_upload] = WORKERS;
        let workers = [
            channel_workers(s, n_download, &download_rx, &resize_tx, download),
            channel_workers(s, n_resize, &resize_rx, &upload_tx, resize),
            channel_workers(s, n_upload, &upload_rx, &done_tx, upload),
        ];
        // Main's own copies must go too, or the channels never close.
        drop((resize_tx, upload_tx, done_tx));
        let mut peak = 0;
        for id in 0..PIPELINE_PHOTOS {
            download_tx
                .send(id)
                .expect("the download workers are running");
            peak = peak.max(download_rx.len());
        }
        drop(download_tx); // closes the first channel: the "stop" signal
        let photos: Vec<Photo> = done_rx.iter().collect();
        let joined = workers
            .into_iter()
            .flatten()
            .map(|w| w.join().expect("a worker does not panic"))
            .count();
        (photos, peak, joined)
    });
    println!(
        "{PIPELINE_PHOTOS} photos in, {WORKERS:?} workers, bounded({STAGE_CAPACITY}) channels; waiting in the first at once: up to ~{peak}: never more than {STAGE_CAPACITY}: {}",
        verdict::stayed_within(peak, STAGE_CAPACITY)
    );
    println!(
        "{} photos arrived: each exactly once, resized and uploaded: {}; all {joined} workers joined",
        photos.len(),
        verdict::each_photo_once(&photos, PIPELINE_PHOTOS)
    );

    // The flip side of close-by-drop: a forgotten sender keeps it open.
    let (tx, rx) = channel::unbounded::<Photo>();
    let forgotten = tx.clone();
    drop(tx);
    let started = Instant::now();
    let answer = rx.recv_timeout(PAUSE);
    let waited = started.elapsed();
    println!(
        "one sender dropped, a clone still alive: recv_timeout returned {answer:?} after {waited:.1?}: still open: {}",
        verdict::still_open(&answer, waited, PAUSE)
    );
    drop(forgotten);
    let answer = rx.recv();
    println!(
        "the last sender dropped: recv returned {answer:?}: closed: {}",
        verdict::closed(&answer)
    );
}

/// Starts `count` workers, each owning a clone of `rx` and of the next
/// stage's sender `tx`. When the last worker of a stage returns, the last
/// clone of `tx` is dropped and the next stage's channel closes: the stages
/// stop in order by themselves.
fn channel_workers<'scope, T: Send + 'scope, U: Send + 'scope>(
    s: &'scope thread::Scope<'scope, '_>,
    count: usize,
    rx: &channel::Receiver<T>,
    tx: &channel::Sender<U>,
    work: fn(T) -> U,
) -> Vec<thread::ScopedJoinHandle<'scope, ()>> {
    (0..count)
        .map(|_| {
            let (rx, tx) = (rx.clone(), tx.clone());
            s.spawn(move || {
                // The receiver is an iterator: it ends once the channel is
                // empty and every sender is gone.
                for item in &rx {
                    tx.send(work(item))
                        .expect("the next stage outlives this one");
                }
            })
        })
        .collect()
}
// ANCHOR_END: crossbeam_pipeline

// ANCHOR: sentinel
pub fn a_sentinel_against_close_by_drop() {
    println!("\n== 11. The Cookbook's sentinel, against close-by-drop ==");
    // The Cookbook's way: `None` is the sentinel. A consumer that sees it
    // puts it back for the next consumer, then stops.
    let queue = BlockingQueue::new();
    let got = thread::scope(|s| {
        let consumers: Vec<_> = (0..3)
            .map(|_| {
                s.spawn(|| {
                    let mut got = Vec::new();
                    while let Some(n) = queue.get() {
                        got.push(n);
                    }
                    queue.put(None); // for the next consumer
                    got
                })
            })
            .collect();
        for n in (1..=10).rev() {
            queue.put(Some(n));
        }
        queue.put(None);
        consumers
            .into_iter()
            .map(|c| c.join().expect("a consumer does not panic"))
            .collect::<Vec<_>>()
    });
    println!(
        "sentinel: {} consumers stopped; they got {}; left in the queue: {} (the sentinel)",
        got.len(),
        each_of_one_to_ten(&got),
        queue.len()
    );

    // Rust's way: the producer drops its sender, and every receiver's loop
    // ends. Nothing to put back, nothing left over.
    let (tx, rx) = channel::unbounded();
    let got = thread::scope(|s| {
        let consumers: Vec<_> = (0..3)
            .map(|_| s.spawn(|| rx.iter().collect::<Vec<u32>>()))
            .collect();
        for n in (1..=10).rev() {
            tx.send(n).expect("the consumers are receiving");
        }
        drop(tx);
        consumers
            .into_iter()
            .map(|c| c.join().expect("a consumer does not panic"))
            .collect::<Vec<_>>()
    });
    println!(
        "close-by-drop: {} consumers stopped; they got {}; left in the channel: {}",
        got.len(),
        each_of_one_to_ten(&got),
        rx.len()
    );
}

/// Whether the consumers' numbers, together, are 1 to 10, each once.
fn each_of_one_to_ten(got: &[Vec<u32>]) -> String {
    format!(
        "1..=10 between them, each once: {}",
        verdict::each_once(got, 1..=10)
    )
}
// ANCHOR_END: sentinel

// ANCHOR: priority
pub fn a_priority_queue_serves_the_highest_first() {
    println!("\n== 12. A priority queue: highest priority first, ties in order ==");
    let queue = PriorityQueue::new();
    let puts = [
        (Some("C"), 5),
        (Some("A"), 15),
        (Some("B"), 10),
        (Some("D"), 0),
        (None, -100),
    ];
    // The Cookbook's consumer sleeps 5 s so the producer is done first; here
    // it simply starts after the producer has been joined.
    thread::scope(|s| {
        s.spawn(|| {
            for (item, priority) in puts {
                queue.put(item, priority);
            }
        });
    });
    println!("producer put C (5), A (15), B (10), D (0), and the sentinel None (-100)");
    let got = thread::scope(|s| {
        s.spawn(|| std::iter::from_fn(|| queue.get()).collect::<Vec<_>>())
            .join()
            .expect("the consumer does not panic")
    });
    println!("consumer got {}, then the sentinel", got.join(", "));

    let jobs = PriorityQueue::new();
    let puts = [
        ("backup", 1),
        ("email", 5),
        ("alert", 9),
        ("report", 5),
        ("invoice", 5),
    ];
    for (job, priority) in puts {
        jobs.put(job, priority);
    }
    let order: Vec<_> = puts.iter().map(|_| jobs.get()).collect();
    println!("put backup (1), email (5), alert (9), report (5), invoice (5)");
    println!(
        "got {}: the three at priority 5 in the order they were put: {}",
        order.join(", "),
        verdict::ties_in_put_order(&order, &puts)
    );
}
// ANCHOR_END: priority
