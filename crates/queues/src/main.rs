//! Lesson 5, `queues`: pipelines and producer/consumer (Effective Python
//! Item 55, Python Cookbook 12.3). The chapter is `book/src/queues.md`.
//!
//! Read it top to bottom: `main` runs one function per section. Sections 1-3
//! show what goes wrong with a hand-made polling queue; sections 4-8 build
//! the fix a step at a time (the queues are in `src/`); sections 9-12 use
//! them. Threads here never print: they return what they saw, or the queue
//! records it, and the main thread prints once it has joined them, so the
//! output is the same on every run.

use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use crossbeam::channel;
use queues::pipeline::{Photo, Roster, download, resize, start_workers, stop_stage, upload};
use queues::verdict;
use queues::{
    BlockingQueue, BoundedQueue, ClosableQueue, JoinableQueue, PollingQueue, Polls, PriorityQueue,
    polling_worker, wait_until_len,
};

/// Photos through the polling pipeline (the notes used 1 000, with instant
/// stages; ours has a slow first stage, so fewer photos make the point).
const POLLED_PHOTOS: u32 = 100;
/// How long the polling pipeline's download takes per photo.
const DOWNLOAD_TIME: Duration = Duration::from_millis(1);
/// A polling worker's nap when its queue is empty (the notes: 10 ms).
const NAP: Duration = Duration::from_micros(100);
/// Photos through the fast-camera, slow-resizer experiments.
const BACKLOG_PHOTOS: u32 = 100;
/// How long the slow resizer takes per photo.
const RESIZE_TIME: Duration = Duration::from_micros(500);
/// The bounded queue's capacity in the backpressure experiment.
const CAPACITY: usize = 4;
/// How long main leaves a consumer waiting before it looks at it.
const PAUSE: Duration = Duration::from_millis(20);
/// Photos through the multi-worker pipelines (as in the notes).
const PIPELINE_PHOTOS: u32 = 1_000;
/// Workers per stage: download, resize, upload (as in the notes).
const WORKERS: [usize; 3] = [3, 4, 5];
/// The capacity of the queues between the multi-worker stages.
const STAGE_CAPACITY: usize = 10;

fn main() -> ExitCode {
    if std::env::args().len() > 1 {
        eprintln!("usage: queues\n(the lesson takes no arguments: run `cargo run -p queues`)");
        return ExitCode::from(2);
    }
    polling_workers_busy_wait();
    a_stop_flag_strands_queued_work();
    a_slow_stage_makes_the_queue_grow();
    a_blocking_get_sleeps_until_an_item_arrives();
    with_capacity_one_put_waits_for_get();
    a_bounded_queue_keeps_the_backlog_short();
    join_waits_until_every_item_is_done();
    close_ends_every_consumers_loop();
    a_pipeline_with_several_workers_per_stage();
    the_same_pipeline_on_crossbeam_channels();
    a_sentinel_against_close_by_drop();
    a_priority_queue_serves_the_highest_first();
    ExitCode::SUCCESS
}

// ANCHOR: polling_pipeline
fn polling_workers_busy_wait() {
    println!("== 1. A polling queue: the workers busy-wait ==");
    let downloads = PollingQueue::new();
    let [resizes, uploads, done] = [(); 3].map(|()| PollingQueue::new());
    let stop = AtomicBool::new(false);
    let slow_download = |id| {
        thread::sleep(DOWNLOAD_TIME);
        download(id)
    };
    let (polls, main_looked, photos) = thread::scope(|s| {
        let workers = [
            s.spawn(|| polling_worker(&downloads, &resizes, slow_download, &stop, NAP)),
            s.spawn(|| polling_worker(&resizes, &uploads, resize, &stop, NAP)),
            s.spawn(|| polling_worker(&uploads, &done, upload, &stop, NAP)),
        ];
        for id in 0..POLLED_PHOTOS {
            downloads.put(id);
        }
        // Main, too, can only poll: look at the done queue until it is full.
        let main_looked = wait_until_len(&done, POLLED_PHOTOS as usize, DOWNLOAD_TIME);
        // The workers loop forever unless told otherwise (section 2).
        stop.store(true, Ordering::Release);
        let polls = workers
            .map(|worker| worker.join().expect("a polling worker does not panic"))
            .into_iter()
            .fold(Polls::default(), |sum, polls| sum + polls);
        let photos: Vec<Photo> = std::iter::from_fn(|| done.try_get()).collect();
        (polls, main_looked, photos)
    });
    println!(
        "{} photos arrived, each once: {}",
        photos.len(),
        verdict::each_photo_once(&photos, POLLED_PHOTOS)
    );
    println!(
        "the three workers polled ~{} times: {} found a photo, ~{} found an empty queue",
        polls.total(),
        polls.found_work,
        polls.found_nothing,
    );
    println!(
        "main looked at the done queue ~{} times before all had arrived",
        main_looked.total()
    );
    // A thread that blocks is woken when there is something to do; these
    // threads woke up on a timer, and mostly found nothing.
    let woke_to_nothing = polls.woke_to_nothing + main_looked.woke_to_nothing;
    println!(
        "wake-ups that found nothing to do: ~{woke_to_nothing}, more than one per photo: busy waiting: {}",
        verdict::busy_waiting(woke_to_nothing, POLLED_PHOTOS as usize)
    );
}
// ANCHOR_END: polling_pipeline

// ANCHOR: stop_flag
fn a_stop_flag_strands_queued_work() {
    println!("\n== 2. A polling worker has no way to stop; a stop flag strands work ==");
    let queued = PollingQueue::new();
    let resized = PollingQueue::new();
    let stop = AtomicBool::new(false);
    for id in 0..10 {
        queued.put(download(id));
    }
    // The resize step tells main when it starts on a photo, then waits for
    // main's go-ahead: main raises the flag while photo 0 is in hand.
    let (started_tx, started_rx) = channel::bounded(1);
    let (go_tx, go_rx) = channel::bounded(1);
    let polls = thread::scope(|s| {
        let worker = s.spawn(|| {
            let resize_when_told = |photo: Photo| {
                let _ = started_tx.send(photo.id);
                let _ = go_rx.recv();
                resize(photo)
            };
            polling_worker(&queued, &resized, resize_when_told, &stop, NAP)
        });
        let first = started_rx.recv().expect("the worker starts on a photo");
        stop.store(true, Ordering::Release);
        println!("main raised the stop flag while the worker resized photo {first}");
        go_tx.send(()).expect("the worker waits for the go-ahead");
        worker.join().expect("the worker does not panic")
    });
    println!(
        "the worker returned after {} photo(s); {} photos were left in its queue: the flag stranded work: {}",
        polls.found_work,
        queued.len(),
        verdict::stranded_work(queued.len())
    );
}
// ANCHOR_END: stop_flag

// ANCHOR: backlog
fn a_slow_stage_makes_the_queue_grow() {
    println!("\n== 3. A slow stage makes the queue in front of it grow ==");
    let queued = PollingQueue::new();
    let resized = PollingQueue::new();
    let stop = AtomicBool::new(false);
    let slow_resize = |photo| {
        thread::sleep(RESIZE_TIME);
        resize(photo)
    };
    let peak = thread::scope(|s| {
        let worker = s.spawn(|| polling_worker(&queued, &resized, slow_resize, &stop, NAP));
        // A fast camera: put every photo at once, noting the backlog after
        // each put.
        let peak = (0..BACKLOG_PHOTOS)
            .map(|id| {
                queued.put(download(id));
                queued.len()
            })
            .max()
            .unwrap_or(0);
        wait_until_len(&resized, BACKLOG_PHOTOS as usize, RESIZE_TIME);
        stop.store(true, Ordering::Release);
        worker.join().expect("the worker does not panic");
        peak
    });
    println!(
        "the camera put {BACKLOG_PHOTOS} photos; resizing takes {RESIZE_TIME:?} each; all {} resized",
        resized.len()
    );
    println!(
        "photos waiting in the queue at once: up to ~{peak}: more than 10 piled up: {}",
        verdict::piled_up(peak, 10)
    );
}
// ANCHOR_END: backlog

// ANCHOR: blocking_get
fn a_blocking_get_sleeps_until_an_item_arrives() {
    println!("\n== 4. A blocking queue: get sleeps until an item arrives ==");
    let queue = BlockingQueue::new();
    thread::scope(|s| {
        let consumer = s.spawn(|| queue.get());
        thread::sleep(PAUSE);
        // The queue is empty, so `get` cannot have returned, however the
        // threads were scheduled: it is asleep, or about to be.
        println!(
            "the consumer called get on an empty queue; after {PAUSE:?} it had not returned: {}",
            verdict::had_not_returned(consumer.is_finished())
        );
        queue.put(download(7));
        let photo = consumer.join().expect("get does not panic");
        println!(
            "main put photo 7; the consumer's get returned photo {}",
            photo.id
        );
    });
}
// ANCHOR_END: blocking_get

// ANCHOR: capacity_one
fn with_capacity_one_put_waits_for_get() {
    println!("\n== 5. A bounded queue: with capacity 1, put waits for get ==");
    match BoundedQueue::<Photo>::new(0) {
        Ok(_) => println!("BoundedQueue::new(0) was accepted"),
        Err(err) => println!("BoundedQueue::new(0) is refused: {err}"),
    }
    let queue = BoundedQueue::<Photo>::new(1).expect("1 is a valid capacity");
    // Each side notes the number the queue gave each of its operations.
    let (puts, gets) = thread::scope(|s| {
        let consumer = s.spawn(|| {
            thread::sleep(PAUSE); // let the producer fill the queue first
            (0..3)
                .map(|_| {
                    let (photo, number) = queue.get_numbered();
                    (number, format!("consumer got photo {}", photo.id))
                })
                .collect::<Vec<_>>()
        });
        let puts: Vec<_> = (1..=3)
            .map(|id| {
                let number = queue.put_numbered(download(id));
                (number, format!("producer put photo {id}"))
            })
            .collect();
        (puts, consumer.join().expect("the consumer does not panic"))
    });
    let mut history: Vec<(u64, String)> = puts.into_iter().chain(gets).collect();
    history.sort();
    println!("the queue's own record, in the order it performed the operations:");
    for (number, what) in &history {
        println!("  {number}. {what}");
    }
    println!(
        "each put after the first waited for a get: {}",
        verdict::each_put_waited_for_a_get(&history)
    );
}
// ANCHOR_END: capacity_one

// ANCHOR: backpressure
fn a_bounded_queue_keeps_the_backlog_short() {
    println!("\n== 6. Backpressure: a bounded queue keeps the backlog short ==");
    let slow_consumer = |get: &(dyn Fn() -> Photo + Sync)| {
        for _ in 0..BACKLOG_PHOTOS {
            resize(get());
            thread::sleep(RESIZE_TIME);
        }
    };
    let unbounded = BlockingQueue::new();
    let unbounded_peak = thread::scope(|s| {
        s.spawn(|| slow_consumer(&|| unbounded.get()));
        (0..BACKLOG_PHOTOS)
            .map(|id| {
                unbounded.put(download(id));
                unbounded.len()
            })
            .max()
            .unwrap_or(0)
    });
    let bounded = BoundedQueue::new(CAPACITY).expect("4 is a valid capacity");
    let bounded_peak = thread::scope(|s| {
        s.spawn(|| slow_consumer(&|| bounded.get()));
        (0..BACKLOG_PHOTOS)
            .map(|id| {
                bounded.put(download(id)); // waits while 4 are queued
                bounded.len()
            })
            .max()
            .unwrap_or(0)
    });
    println!("a fast camera and a slow resizer, {BACKLOG_PHOTOS} photos, photos waiting at once:");
    println!(
        "  unbounded queue:  up to ~{unbounded_peak}: more than {CAPACITY}: {}",
        verdict::piled_up(unbounded_peak, CAPACITY)
    );
    println!(
        "  bounded({CAPACITY}) queue: up to ~{bounded_peak}: never more than {CAPACITY}: {}",
        verdict::stayed_within(bounded_peak, CAPACITY)
    );
}
// ANCHOR_END: backpressure

// ANCHOR: task_done
fn join_waits_until_every_item_is_done() {
    println!("\n== 7. Wait until every item is processed: task_done and join ==");
    let queue = JoinableQueue::<Photo>::unbounded();
    // Each thread notes what it did just before (or just after) the queue
    // operation that orders it after the line before: the log's order is
    // fixed by the queue, not by the scheduler.
    let log = Mutex::new(Vec::new());
    let note = |line: &str| {
        log.lock()
            .expect("no thread panics holding the log")
            .push(line.to_owned())
    };
    thread::scope(|s| {
        s.spawn(|| {
            let photo = queue.get();
            note(&format!("consumer: got photo {}, resizing it", photo.id));
            thread::sleep(PAUSE);
            note("consumer: done, task_done()");
            queue.task_done().expect("one task_done for one get");
        });
        note("producer: put photo 1");
        queue.put(download(1));
        queue.join();
        note("producer: join() returned");
    });
    let log = log
        .into_inner()
        .expect("no thread panicked holding the log");
    for line in &log {
        println!("{line}");
    }
    println!(
        "join returned only after task_done: {}; unfinished items now: {}",
        verdict::join_returned_after_task_done(&log),
        queue.unfinished()
    );
}
// ANCHOR_END: task_done

// ANCHOR: close
fn close_ends_every_consumers_loop() {
    println!("\n== 8. A closable queue: close() ends every consumer's loop ==");
    // On one thread: what a close does to items already queued, and to a
    // put that comes after it.
    let queue = ClosableQueue::unbounded();
    for id in 1..=3 {
        queue.put(id).expect("the queue is open");
    }
    queue.close();
    let late = queue.put(4);
    let delivered: Vec<u32> = (&queue).into_iter().collect();
    println!(
        "put 1, 2, 3; close; `for id in &queue` gave {delivered:?} and ended: queued items still delivered: {}",
        verdict::queued_items_delivered(&delivered, &[1, 2, 3])
    );
    println!(
        "put(4) after close returned {late:?}: the item came back, not lost: {}",
        verdict::item_came_back(&late, &4)
    );

    // Three consumers asleep in `get` on an empty queue.
    let queue = ClosableQueue::<u32>::unbounded();
    let received = thread::scope(|s| {
        let consumers: Vec<_> = (0..3)
            .map(|_| s.spawn(|| (&queue).into_iter().collect::<Vec<u32>>()))
            .collect();
        thread::sleep(PAUSE);
        let waiting = consumers.iter().filter(|c| !c.is_finished()).count();
        println!("three consumers on an empty queue; after {PAUSE:?}, still waiting: {waiting}");
        for id in 1..=6 {
            queue.put(id).expect("the queue is open");
        }
        queue.close();
        consumers
            .into_iter()
            .map(|c| c.join().expect("a consumer does not panic"))
            .collect::<Vec<_>>()
    });
    let mut all: Vec<u32> = received.concat();
    all.sort_unstable();
    let each_once = verdict::each_once(&received, 1..=6);
    println!(
        "main put 1..=6 and closed the queue; the loops of all {} consumers ended, and main joined them",
        received.len()
    );
    println!(
        "between them they got {all:?}: each item once: {}; unfinished: {}",
        each_once,
        queue.unfinished()
    );
}
// ANCHOR_END: close

// ANCHOR: multi_worker
fn a_pipeline_with_several_workers_per_stage() {
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
fn the_same_pipeline_on_crossbeam_channels() {
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
fn a_sentinel_against_close_by_drop() {
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
fn a_priority_queue_serves_the_highest_first() {
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
