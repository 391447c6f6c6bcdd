//! What goes wrong with Effective Python's home-made queue, a
//! `VecDeque` behind a `Mutex` that cannot wait, so every worker polls it
//! (the queue and the polling worker are in `src/polling.rs`). The three
//! problems the item names, each shown by running it: busy waiting, no way
//! to stop, and a backlog that grows without limit.

use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

use crossbeam::channel;
use queues::pipeline::{Photo, download, resize, spawn_named, upload};
use queues::verdict;
use queues::{PollingQueue, Polls, polling_worker, wait_until_len};

use super::{BACKLOG_PHOTOS, DOWNLOAD_TIME, NAP, POLLED_PHOTOS, RESIZE_TIME};

// ANCHOR: polling_pipeline
pub fn polling_workers_busy_wait() {
    println!("== 1. A polling queue: the workers busy-wait ==");
    let downloads = PollingQueue::new();
    let [resizes, uploads, done] = [(); 3].map(|()| PollingQueue::new());
    let stop = AtomicBool::new(false);
    let slow_download = |id| {
        // The chapter's picture shows the pipeline during the first three downloads.
        let _pictured = (id < 3).then(|| trace::region("first downloads"));
        let _downloading = trace::waiting(trace::Wait::Io, "download");
        thread::sleep(DOWNLOAD_TIME);
        download(id)
    };
    let (polls, main_looked, photos) = thread::scope(|s| {
        let workers = [
            spawn_named(s, "download", || {
                polling_worker(&downloads, &resizes, slow_download, &stop, NAP)
            }),
            spawn_named(s, "resize", || {
                polling_worker(&resizes, &uploads, resize, &stop, NAP)
            }),
            spawn_named(s, "upload", || {
                polling_worker(&uploads, &done, upload, &stop, NAP)
            }),
        ];
        for id in 0..POLLED_PHOTOS {
            downloads.put(id);
        }
        // Main, too, can only poll: look at the done queue until it is full.
        let main_looked = wait_until_len(&done, POLLED_PHOTOS as usize, DOWNLOAD_TIME);
        // The workers loop forever unless told otherwise (the stop flag's
        // own section says what is wrong with that).
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
pub fn a_stop_flag_strands_queued_work() {
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
pub fn a_slow_stage_makes_the_queue_grow() {
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
