//! The controls of the verdicts `src/sections/problems.rs` prints: the
//! polling pipeline's busy waiting, the stop flag's stranded work, the
//! backlog behind a slow stage.

use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

use crossbeam::channel;
use kit::Verdict;
use queues::pipeline::{Photo, Roster, download, resize, start_workers, stop_stage, upload};
use queues::verdict;
use queues::{
    BlockingQueue, BoundedQueue, ClosableQueue, PollingQueue, polling_worker, wait_until_len,
};

use crate::{DOWNLOAD_TIME, NAP, PHOTOS, slow_download};

// --- busy_waiting -----------------------------------------------------------

/// `polling_workers_busy_wait`'s pipeline run on blocking queues: each
/// stage's worker, and main, sleep in `get` until an item arrives. Same
/// stages, same slow download; the wake-ups that find nothing are (next to)
/// none, and the verdict says "no busy waiting". The polling pipeline, run
/// the same way, says "yes".
#[test]
fn verdict_busy_waiting_can_fail() {
    let [downloads, resizes, uploads, done] = [(); 4].map(|()| BlockingQueue::new());
    let stage = |input: &BlockingQueue<Option<Photo>>,
                 output: &BlockingQueue<Option<Photo>>,
                 work: fn(Photo) -> Photo| {
        let mut woke_to_nothing = 0;
        loop {
            let (item, wakeups) = input.get_counting_empty_wakeups();
            woke_to_nothing += wakeups;
            let Some(photo) = item else {
                output.put(None); // pass the stop signal on
                return woke_to_nothing;
            };
            output.put(Some(work(photo)));
        }
    };
    let woke_to_nothing = thread::scope(|s| {
        let workers = [
            s.spawn(|| stage(&downloads, &resizes, |p| slow_download(p.id))),
            s.spawn(|| stage(&resizes, &uploads, resize)),
            s.spawn(|| stage(&uploads, &done, upload)),
        ];
        for id in 0..PHOTOS {
            downloads.put(Some(download(id)));
        }
        downloads.put(None);
        let mut main_woke_to_nothing = 0;
        let mut photos = Vec::new();
        while let (Some(photo), wakeups) = done.get_counting_empty_wakeups() {
            main_woke_to_nothing += wakeups;
            photos.push(photo);
        }
        assert_eq!(verdict::each_photo_once(&photos, PHOTOS), Verdict::Yes);
        workers
            .map(|w| w.join().expect("a stage does not panic"))
            .iter()
            .sum::<usize>()
            + main_woke_to_nothing
    });
    assert_eq!(
        verdict::busy_waiting(woke_to_nothing, PHOTOS as usize),
        Verdict::No,
        "{woke_to_nothing} wake-ups found nothing"
    );

    // The polling pipeline, the same shape, the same photos.
    let downloads = PollingQueue::new();
    let [resizes, uploads, done] = [(); 3].map(|()| PollingQueue::new());
    let stop = AtomicBool::new(false);
    let woke_to_nothing = thread::scope(|s| {
        let workers = [
            s.spawn(|| polling_worker(&downloads, &resizes, slow_download, &stop, NAP)),
            s.spawn(|| polling_worker(&resizes, &uploads, resize, &stop, NAP)),
            s.spawn(|| polling_worker(&uploads, &done, upload, &stop, NAP)),
        ];
        for id in 0..PHOTOS {
            downloads.put(id);
        }
        let main_looked = wait_until_len(&done, PHOTOS as usize, DOWNLOAD_TIME);
        stop.store(true, Ordering::Release);
        let polls = workers
            .map(|w| w.join().expect("a polling worker does not panic"))
            .into_iter()
            .fold(main_looked, |sum, polls| sum + polls);
        polls.woke_to_nothing
    });
    assert_eq!(
        verdict::busy_waiting(woke_to_nothing, PHOTOS as usize),
        Verdict::Yes,
        "{woke_to_nothing} wake-ups found nothing"
    );
}

// --- stranded_work ----------------------------------------------------------

/// `a_stop_flag_strands_queued_work`'s worker stopped the right way: its
/// queue is closed, and it ends only once the queue is drained. Nothing is
/// stranded.
#[test]
fn verdict_stranded_work_can_fail() {
    let queued = ClosableQueue::unbounded();
    let resized = ClosableQueue::unbounded();
    for id in 0..10 {
        queued.put(download(id)).expect("the queue is open");
    }
    let roster = Roster::new();
    thread::scope(|s| {
        let workers = start_workers(s, 1, resize, &queued, &resized, &roster);
        stop_stage(&queued, workers).expect("the output stays open");
    });
    assert_eq!(resized.len(), 10);
    assert_eq!(verdict::stranded_work(queued.len()), Verdict::No);
}

// --- piled_up ---------------------------------------------------------------

/// Two queues nothing piles up in. `a_slow_stage_makes_the_queue_grow`'s
/// fast camera and slow resizer on a bounded queue: the camera waits, and
/// the backlog never passes the capacity. And `a_bounded_queue_keeps_the_
/// backlog_short`'s unbounded queue with a camera slower than the resizer:
/// it waits for each photo to be taken before it puts the next, so no
/// backlog forms, unbounded or not.
#[test]
fn verdict_piled_up_can_fail() {
    let queue = BoundedQueue::new(4).expect("4 is a valid capacity");
    let peak = thread::scope(|s| {
        s.spawn(|| {
            for _ in 0..40 {
                resize(queue.get());
                thread::sleep(Duration::from_micros(500));
            }
        });
        (0..40)
            .map(|id| {
                queue.put(download(id));
                queue.len()
            })
            .max()
            .unwrap_or(0)
    });
    assert!(peak <= 4, "{peak}");
    assert_eq!(verdict::piled_up(peak, 10), Verdict::No);

    let queue = BlockingQueue::new();
    let (taken_tx, taken_rx) = channel::bounded(1);
    let peak = thread::scope(|s| {
        s.spawn(|| {
            for _ in 0..20 {
                resize(queue.get());
                taken_tx.send(()).expect("the camera waits for it");
            }
        });
        (0..20)
            .map(|id| {
                queue.put(download(id));
                let backlog = queue.len();
                taken_rx.recv().expect("the resizer takes every photo");
                backlog
            })
            .max()
            .unwrap_or(0)
    });
    assert!(peak <= 1, "{peak}");
    assert_eq!(verdict::piled_up(peak, 4), Verdict::No);
}
