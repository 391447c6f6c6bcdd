//! The polling pipeline of the chapter's first section
//! (`polling_workers_busy_wait`, in `src/sections/problems.rs`) on step 1's
//! `BlockingQueue`: the same three stages, the same slow download, the same
//! hundred photos, but every worker, and main, sleeps in `get` until an item
//! arrives. The chapter sets a picture of each run side by side
//! (`cargo xtask pictures`). Run it: `cargo run -p queues --example
//! blocking_pipeline`; its Python twin is
//! `python/the_same_pipeline_on_blocking_queues.py`.

use std::thread;
use std::time::Duration;

use queues::BlockingQueue;
use queues::pipeline::{Photo, download, resize, spawn_named, upload};
use queues::verdict;

/// As in the polling pipeline (`src/sections/mod.rs`).
const PHOTOS: u32 = 100;
const DOWNLOAD_TIME: Duration = Duration::from_millis(1);

// ANCHOR: blocking_stage
/// One stage: take an item, work on it, pass the result on, until the stop
/// signal (`None`), which it passes on too. Returns how many of its
/// wake-ups found the queue still empty.
fn stage<T, U>(
    input: &BlockingQueue<Option<T>>,
    output: &BlockingQueue<Option<U>>,
    work: impl Fn(T) -> U,
) -> usize {
    let mut woke_to_nothing = 0;
    loop {
        let (item, wakeups) = input.get_counting_empty_wakeups();
        woke_to_nothing += wakeups;
        let Some(item) = item else {
            output.put(None);
            return woke_to_nothing;
        };
        output.put(Some(work(item)));
    }
}
// ANCHOR_END: blocking_stage

fn main() {
    let downloads = BlockingQueue::new();
    let [resizes, uploads, done] = [(); 3].map(|()| BlockingQueue::new());
    let slow_download = |id| {
        // The chapter's picture shows the pipeline during the first three downloads.
        let _pictured = (id < 3).then(|| trace::region("first downloads"));
        let _downloading = trace::waiting(trace::Wait::Io, "download");
        thread::sleep(DOWNLOAD_TIME);
        download(id)
    };
    let (photos, woke_to_nothing) = thread::scope(|s| {
        let workers = [
            spawn_named(s, "download", || stage(&downloads, &resizes, slow_download)),
            spawn_named(s, "resize", || stage(&resizes, &uploads, resize)),
            spawn_named(s, "upload", || stage(&uploads, &done, upload)),
        ];
        for id in 0..PHOTOS {
            downloads.put(Some(id));
        }
        downloads.put(None); // no more photos: each stage passes it on
        // Main, too, sleeps until a photo arrives.
        let mut photos: Vec<Photo> = Vec::new();
        let mut woke_to_nothing = 0;
        while let (Some(photo), wakeups) = done.get_counting_empty_wakeups() {
            trace::flow_in("uploaded", photo.id.into()); // an arrow in the chapter's picture
            woke_to_nothing += wakeups;
            photos.push(photo);
        }
        let workers_woke: usize = workers
            .map(|worker| worker.join().expect("a stage does not panic"))
            .iter()
            .sum();
        (photos, woke_to_nothing + workers_woke)
    });
    println!(
        "{} photos arrived, each once: {}",
        photos.len(),
        verdict::each_photo_once(&photos, PHOTOS)
    );
    println!(
        "wake-ups that found nothing to do: {woke_to_nothing}, more than one per photo: busy waiting: {}",
        verdict::busy_waiting(woke_to_nothing, PHOTOS as usize)
    );
}
