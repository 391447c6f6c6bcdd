//! The multi-worker pipeline: every photo arrives exactly once, whatever the
//! per-stage delays; stopping stages out of order is reported, not lost.

use std::thread;
use std::time::Duration;

use queues::ClosableQueue;
use queues::pipeline::{
    OutputClosed, Photo, Roster, download, each_photo_once, resize, start_workers, stop_stage,
    upload,
};

/// A delay between 0 and 200 µs, different for every photo and stage, so
/// that workers overtake each other and photos leave each stage out of order.
fn jitter(id: u32, stage: u32) -> Duration {
    // A few rounds of xorshift on the photo's id: cheap, repeatable noise.
    let mut x = id.wrapping_mul(2_654_435_761) ^ stage.wrapping_mul(40_503) ^ 0x9E37_79B9;
    for _ in 0..3 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
    }
    Duration::from_micros(u64::from(x % 200))
}

fn slow_download(id: u32) -> Photo {
    thread::sleep(jitter(id, 1));
    download(id)
}

fn slow_resize(photo: Photo) -> Photo {
    thread::sleep(jitter(photo.id, 2));
    resize(photo)
}

fn slow_upload(photo: Photo) -> Photo {
    thread::sleep(jitter(photo.id, 3));
    upload(photo)
}

#[test]
fn every_photo_arrives_exactly_once_with_random_delays() {
    const PHOTOS: u32 = 400;
    for capacity in [1, 3] {
        let downloads = ClosableQueue::new(capacity).unwrap();
        let resizes = ClosableQueue::new(capacity).unwrap();
        let uploads = ClosableQueue::new(capacity).unwrap();
        let done = ClosableQueue::unbounded();
        let roster = Roster::new();
        let handled = thread::scope(|s| {
            let d = start_workers(s, 3, slow_download, &downloads, &resizes, &roster);
            let r = start_workers(s, 4, slow_resize, &resizes, &uploads, &roster);
            let u = start_workers(s, 5, slow_upload, &uploads, &done, &roster);
            for id in 0..PHOTOS {
                downloads.put(id).unwrap();
            }
            [
                stop_stage(&downloads, d).unwrap(),
                stop_stage(&resizes, r).unwrap(),
                stop_stage(&uploads, u).unwrap(),
            ]
        });
        assert_eq!((roster.started(), roster.finished()), (12, 12));
        for (stage, workers) in handled.iter().zip([3, 4, 5]) {
            assert_eq!(stage.len(), workers);
            assert_eq!(stage.iter().sum::<usize>(), PHOTOS as usize);
        }
        for queue in [&resizes, &uploads] {
            assert_eq!((queue.len(), queue.unfinished()), (0, 0));
        }
        assert_eq!(downloads.unfinished(), 0);
        done.close();
        let photos: Vec<Photo> = (&done).into_iter().collect();
        assert_eq!(photos.len(), PHOTOS as usize);
        assert!(each_photo_once(&photos, PHOTOS));
    }
}

/// The notes' question about Item 55: why does a loop that watches the
/// done queue after `stop_threads` never run its body? Because stopping a
/// stage joins its workers: once `stop_stage` has returned for the last
/// stage, every photo is in the done queue, and the first look finds them
/// all. (The slow stages make sure a `stop_stage` that did not join would
/// be caught: the photos would still be on their way.)
#[test]
fn the_done_queue_is_full_once_every_stage_is_stopped() {
    const PHOTOS: usize = 1_000;
    let downloads = ClosableQueue::unbounded();
    let resizes = ClosableQueue::unbounded();
    let uploads = ClosableQueue::unbounded();
    let done = ClosableQueue::unbounded();
    let roster = Roster::new();
    thread::scope(|s| {
        let d = start_workers(s, 3, slow_download, &downloads, &resizes, &roster);
        let r = start_workers(s, 4, slow_resize, &resizes, &uploads, &roster);
        let u = start_workers(s, 5, slow_upload, &uploads, &done, &roster);
        for id in 0..PHOTOS as u32 {
            downloads.put(id).unwrap();
        }
        stop_stage(&downloads, d).unwrap();
        stop_stage(&resizes, r).unwrap();
        stop_stage(&uploads, u).unwrap();
        // Still inside the scope, which would join any worker left over:
        // the notes' `while done_queue.qsize() < 1000` asks here.
        let first_look = done.len();
        assert_eq!(first_look, PHOTOS, "the watch loop would run");
    });
}

#[test]
fn stopping_a_stage_before_the_one_feeding_it_is_reported() {
    let downloads = ClosableQueue::unbounded();
    let resizes = ClosableQueue::unbounded();
    for id in 0..5 {
        downloads.put(id).unwrap();
    }
    let roster = Roster::new();
    let result = thread::scope(|s| {
        // The resize stage's queue is closed first: the download worker's
        // first result has nowhere to go.
        resizes.close();
        let workers = start_workers(s, 1, download, &downloads, &resizes, &roster);
        stop_stage(&downloads, workers)
    });
    assert_eq!(result, Err(OutputClosed { handled: 0 }));
    // The worker ended, but not by finishing its queue: it never signed out.
    assert_eq!((roster.started(), roster.finished()), (1, 0));
    assert!(resizes.is_empty());
}

#[test]
fn the_checker_catches_loss_duplicates_and_skipped_stages() {
    let all: Vec<Photo> = (0..4).map(|id| upload(resize(download(id)))).collect();
    assert!(each_photo_once(&all, 4));
    assert!(!each_photo_once(&all[..3], 4), "a lost photo");
    let mut doubled = all.clone();
    doubled[3] = doubled[2];
    assert!(!each_photo_once(&doubled, 4), "a duplicate");
    let mut skipped = all.clone();
    skipped[1] = upload(download(1));
    assert!(
        !each_photo_once(&skipped, 4),
        "a photo that was never resized"
    );
}
