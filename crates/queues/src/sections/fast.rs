//! The hand-built queue made fast (step 5, `src/fast.rs`), run through the
//! several-workers pipeline (`a_pipeline_with_several_workers_per_stage`),
//! with the count that says why it is faster: how many of its
//! notifications found a thread to wake.

use std::thread;

use queues::pipeline::{Photo, Roster, download, resize, start_workers, stop_stage, upload};
use queues::verdict;
use queues::{FastQueue, Notifications, NotifyRule};

use super::{PIPELINE_PHOTOS, STAGE_CAPACITY, WORKERS};

// ANCHOR: fast_pipeline
pub fn a_faster_queue_notifies_only_when_someone_sleeps() {
    println!("\n== 13. A faster queue: notify only when someone sleeps ==");
    let (photos, fast) = pipeline_on_fast_queues(NotifyRule::WhenSomeoneSleeps);
    println!(
        "{PIPELINE_PHOTOS} photos through FastQueues, {WORKERS:?} workers, bounded({STAGE_CAPACITY}): each of 0..{PIPELINE_PHOTOS} exactly once, resized and uploaded: {}",
        verdict::each_photo_once(&photos, PIPELINE_PHOTOS)
    );
    let (_, always) = pipeline_on_fast_queues(NotifyRule::Always);
    println!(
        "notifications sent by the pipeline's 4 queues ({} puts, {} gets, 4 closes), counted under each queue's lock:",
        4 * PIPELINE_PHOTOS,
        4 * PIPELINE_PHOTOS
    );
    println!(
        "  step 4's rule, after every put and get: {} sent, ~{} found a thread asleep: notified only when someone slept: {}",
        always.sent,
        always.with_a_sleeper,
        verdict::notified_only_when_someone_slept(always)
    );
    println!(
        "  step 5's rule, only when one sleeps:    ~{} sent, ~{} found a thread asleep: notified only when someone slept: {}",
        fast.sent,
        fast.with_a_sleeper,
        verdict::notified_only_when_someone_slept(fast)
    );
}

/// The several-workers pipeline on `FastQueue`s that notify by `rule`: the photos
/// that came out, and the notifications of its four queues added up.
fn pipeline_on_fast_queues(rule: NotifyRule) -> (Vec<Photo>, Notifications) {
    let downloads = FastQueue::with_rule(STAGE_CAPACITY, rule).expect("10 is a valid capacity");
    let resizes = FastQueue::with_rule(STAGE_CAPACITY, rule).expect("10 is a valid capacity");
    let uploads = FastQueue::with_rule(STAGE_CAPACITY, rule).expect("10 is a valid capacity");
    let done = FastQueue::with_rule(usize::MAX, rule).expect("usize::MAX is a valid capacity");
    let roster = Roster::new();
    let [n_download, n_resize, n_upload] = WORKERS;
    thread::scope(|s| {
        let download_workers =
            start_workers(s, n_download, download, &downloads, &resizes, &roster);
        let resize_workers = start_workers(s, n_resize, resize, &resizes, &uploads, &roster);
        let upload_workers = start_workers(s, n_upload, upload, &uploads, &done, &roster);
        for id in 0..PIPELINE_PHOTOS {
            downloads
                .put(id)
                .expect("the first stage stays open until every photo is in");
        }
        for stopped in [
            stop_stage(&downloads, download_workers),
            stop_stage(&resizes, resize_workers),
            stop_stage(&uploads, upload_workers),
        ] {
            stopped.expect("the stages are stopped in order, so no output is closed early");
        }
    });
    done.close();
    let photos: Vec<Photo> = (&done).into_iter().collect();
    let notifications = downloads.notifications()
        + resizes.notifications()
        + uploads.notifications()
        + done.notifications();
    (photos, notifications)
}
// ANCHOR_END: fast_pipeline
