//! Every verdict the lesson prints can come out "no": for each verdict line
//! of the snapshot, a control runs a variant in which the claim is false
//! (a blocking queue where the claim is busy waiting, an unbounded queue
//! where it is backpressure, a stage that loses or duplicates photos, a
//! worker whose queue is never closed) and checks that the lesson's own
//! check, in `src/verdict.rs`, says so.

use std::collections::BinaryHeap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use crossbeam::channel;
use queues::pipeline::{Photo, Roster, download, resize, start_workers, stop_stage, upload};
use queues::verdict::{self, Verdict};
use queues::{
    BlockingQueue, BoundedQueue, ClosableQueue, Closed, FastQueue, JoinableQueue, Notifications,
    NotifyRule, PollingQueue, Polls, PriorityQueue, polling_worker, wait_until_len,
};

/// Photos through the section 1 pipelines here.
const PHOTOS: u32 = 50;
/// The slow first stage of those pipelines, and the polling nap.
const DOWNLOAD_TIME: Duration = Duration::from_millis(1);
const NAP: Duration = Duration::from_micros(100);

fn finished_photo(id: u32) -> Photo {
    upload(resize(download(id)))
}

fn slow_download(id: u32) -> Photo {
    thread::sleep(DOWNLOAD_TIME);
    download(id)
}

// --- Section 1 ------------------------------------------------------------

/// Section 2's trick used on section 1's claim: the one-stage polling
/// pipeline is stopped by its flag while it works on the first photo, so
/// nine never come out.
#[test]
fn verdict_polled_photos_each_once_can_fail() {
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
    let photos: Vec<Photo> = std::iter::from_fn(|| done.try_get()).collect();
    assert_eq!(photos.len(), 1);
    assert_eq!(verdict::each_photo_once(&photos, 10), Verdict::No);
    let all: Vec<Photo> = (0..10).map(finished_photo).collect();
    assert_eq!(verdict::each_photo_once(&all, 10), Verdict::Yes);
}

/// Section 1's pipeline run on blocking queues: each stage's worker, and
/// main, sleep in `get` until an item arrives. Same stages, same slow
/// download; the wake-ups that find nothing are (next to) none, and the
/// verdict says "no busy waiting". The polling pipeline, run the same way,
/// says "yes".
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

#[test]
fn wait_until_len_counts_its_looks() {
    let queue = PollingQueue::new();
    queue.put(1);
    assert_eq!(
        wait_until_len(&queue, 1, NAP),
        Polls {
            found_work: 1,
            found_nothing: 0,
            woke_to_nothing: 0
        }
    );
}

// --- Sections 2 to 7 ------------------------------------------------------

/// Section 2's worker stopped the right way: its queue is closed, and it
/// ends only once the queue is drained. Nothing is stranded.
#[test]
fn verdict_the_flag_stranded_work_can_fail() {
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

/// Section 3's fast camera and slow resizer, on a bounded queue: the
/// camera waits, and the backlog never passes the capacity.
#[test]
fn verdict_more_than_10_piled_up_can_fail() {
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
    assert!(peak <= 4);
    assert_eq!(verdict::piled_up(peak, 10), Verdict::No);
}

/// Section 4 with a `get` that does not wait (the polling queue's
/// `try_get`): on an empty queue it returns at once.
#[test]
fn verdict_get_had_not_returned_can_fail() {
    let queue = PollingQueue::<Photo>::new();
    thread::scope(|s| {
        let consumer = s.spawn(|| queue.try_get());
        let deadline = Instant::now() + Duration::from_secs(20);
        while !consumer.is_finished() && Instant::now() < deadline {
            thread::sleep(Duration::from_millis(1));
        }
        assert_eq!(
            verdict::had_not_returned(consumer.is_finished()),
            Verdict::No
        );
        assert_eq!(consumer.join().expect("does not panic"), None);
    });
}

/// Section 5 with room for three: the producer puts all three photos
/// before the consumer starts, and the record shows put, put, put.
#[test]
fn verdict_each_put_waited_for_a_get_can_fail() {
    let queue = BoundedQueue::new(3).expect("3 is a valid capacity");
    let puts: Vec<(u64, String)> = (1..=3)
        .map(|id| {
            let number = queue.put_numbered(download(id));
            (number, format!("producer put photo {id}"))
        })
        .collect();
    let gets: Vec<(u64, String)> = (0..3)
        .map(|_| {
            let (photo, number) = queue.get_numbered();
            (number, format!("consumer got photo {}", photo.id))
        })
        .collect();
    let mut history: Vec<(u64, String)> = puts.into_iter().chain(gets).collect();
    history.sort();
    assert_eq!(
        verdict::each_put_waited_for_a_get(&history),
        Verdict::No,
        "{history:?}"
    );
    let empty: [(u64, &str); 0] = [];
    assert_eq!(verdict::each_put_waited_for_a_get(&empty), Verdict::No);
}

/// Section 6's unbounded queue with a camera slower than the resizer: it
/// waits for each photo to be taken before it puts the next, so no backlog
/// ever forms, unbounded or not.
#[test]
fn verdict_unbounded_queue_piled_up_can_fail() {
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
    assert!(peak <= 1);
    assert_eq!(verdict::piled_up(peak, 4), Verdict::No);
}

/// Section 6's camera with no bound: all forty photos are put before the
/// resizer starts, and all forty wait at once.
#[test]
fn verdict_bounded_queue_never_more_than_4_can_fail() {
    let queue = BoundedQueue::unbounded();
    let peak = (0..40)
        .map(|id| {
            queue.put(download(id));
            queue.len()
        })
        .max()
        .unwrap_or(0);
    for _ in 0..40 {
        resize(queue.get());
    }
    assert_eq!(peak, 40);
    assert_eq!(verdict::stayed_within(peak, 4), Verdict::No);
}

/// Section 7 with the classic mistake: the consumer calls `task_done` as
/// soon as it has taken the item, before the work. `join` returns while
/// the photo is still being resized, and the log shows it.
#[test]
fn verdict_join_returned_after_task_done_can_fail() {
    let queue = JoinableQueue::<Photo>::unbounded();
    let log = std::sync::Mutex::new(Vec::<String>::new());
    let note = |line: &str| log.lock().expect("no panic").push(line.to_owned());
    let (go_tx, go_rx) = channel::bounded(1);
    thread::scope(|s| {
        s.spawn(|| {
            let photo = queue.get();
            note(&format!("consumer: got photo {}, resizing it", photo.id));
            queue.task_done().expect("one task_done for one get"); // too early
            go_rx.recv().expect("main says when");
            note("consumer: done, task_done()");
        });
        note("producer: put photo 1");
        queue.put(download(1));
        queue.join();
        note("producer: join() returned");
        go_tx.send(()).expect("the consumer waits for it");
    });
    let log = log.into_inner().expect("no panic");
    assert_eq!(
        verdict::join_returned_after_task_done(&log),
        Verdict::No,
        "{log:?}"
    );
}

// --- Section 8 ------------------------------------------------------------

/// A consumer that checks "is it closed?" before each `get`, as if closing
/// were a stop flag: the three photos queued before the close are never
/// delivered.
#[test]
fn verdict_queued_items_still_delivered_can_fail() {
    let queue = ClosableQueue::unbounded();
    for id in 1..=3 {
        queue.put(id).expect("the queue is open");
    }
    queue.close();
    let mut delivered = Vec::new();
    while !queue.is_closed() {
        match queue.get() {
            Some(id) => delivered.push(id),
            None => break,
        }
    }
    assert!(delivered.is_empty());
    assert_eq!(queue.len(), 3);
    assert_eq!(
        verdict::queued_items_delivered(&delivered, &[1, 2, 3]),
        Verdict::No
    );
}

/// Closing the Python way, with a sentinel: a put after it is accepted
/// (nothing comes back), and the consumer, stopped at the sentinel, never
/// reads it.
#[test]
fn verdict_the_item_came_back_can_fail() {
    let queue = BlockingQueue::new();
    queue.put(Some(1));
    queue.put(None); // "closed"
    queue.put(Some(4));
    let late: Result<(), Closed<u32>> = Ok(()); // what that put told the producer
    let read: Vec<u32> = std::iter::from_fn(|| queue.get()).collect();
    assert_eq!(read, [1]);
    assert_eq!(queue.len(), 1, "photo 4 sits behind the sentinel, unread");
    assert_eq!(verdict::item_came_back(&late, &4), Verdict::No);
    assert_eq!(verdict::item_came_back(&Err(Closed(5)), &4), Verdict::No);
}

/// Three consumers that take "the queue is empty right now" for "no more
/// items": they start before the producer, find nothing, and stop; the six
/// items come later and nobody gets them.
#[test]
fn verdict_each_item_once_among_three_consumers_can_fail() {
    let queue = PollingQueue::new();
    let received: Vec<Vec<u32>> = thread::scope(|s| {
        let consumers: Vec<_> = (0..3)
            .map(|_| s.spawn(|| std::iter::from_fn(|| queue.try_get()).collect::<Vec<u32>>()))
            .collect();
        consumers
            .into_iter()
            .map(|c| c.join().expect("a consumer does not panic"))
            .collect()
    });
    for id in 1..=6 {
        queue.put(id);
    }
    assert_eq!(queue.len(), 6);
    assert_eq!(verdict::each_once(&received, 1..=6), Verdict::No);
    // A duplicate is caught too.
    assert_eq!(
        verdict::each_once(&[vec![1, 2, 3], vec![3, 4, 5, 6]], 1..=6),
        Verdict::No
    );
}

// --- Section 9 ------------------------------------------------------------

/// The stages stopped out of order: the resize queue is closed before the
/// download stage has finished, so the download workers' photos have
/// nowhere to go and none reaches the end.
#[test]
fn verdict_pipeline_photos_each_once_can_fail() {
    let downloads = ClosableQueue::unbounded();
    let resizes = ClosableQueue::new(10).expect("valid capacity");
    let uploads = ClosableQueue::new(10).expect("valid capacity");
    let done = ClosableQueue::unbounded();
    let roster = Roster::new();
    for id in 0..100 {
        downloads.put(id).expect("the queue is open");
    }
    let failed = thread::scope(|s| {
        resizes.close(); // too early
        let d = start_workers(s, 3, download, &downloads, &resizes, &roster);
        let r = start_workers(s, 4, resize, &resizes, &uploads, &roster);
        let u = start_workers(s, 5, upload, &uploads, &done, &roster);
        let d = stop_stage(&downloads, d);
        let r = stop_stage(&resizes, r);
        let u = stop_stage(&uploads, u);
        (d.is_err(), r.is_ok(), u.is_ok())
    });
    assert_eq!(failed, (true, true, true));
    done.close();
    let photos: Vec<Photo> = (&done).into_iter().collect();
    assert!(photos.is_empty());
    assert_eq!(verdict::each_photo_once(&photos, 100), Verdict::No);
}

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

// --- Section 10 -----------------------------------------------------------

/// An unbounded channel: every photo is sent before a worker starts, and
/// all of them wait in it at once.
#[test]
fn verdict_channel_never_more_than_10_can_fail() {
    let (tx, rx) = channel::unbounded();
    let mut peak = 0;
    for id in 0..100 {
        tx.send(id).expect("the receiver is alive");
        peak = peak.max(rx.len());
    }
    drop(tx);
    let received = thread::scope(|s| s.spawn(|| rx.iter().count()).join().expect("no panic"));
    assert_eq!((peak, received), (100, 100));
    assert_eq!(verdict::stayed_within(peak, 10), Verdict::No);
}

/// A channel stage that sends every photo twice: twice as many arrive,
/// and the check catches the duplicates.
#[test]
fn verdict_channel_photos_each_once_can_fail() {
    let (download_tx, download_rx) = channel::bounded(10);
    let (done_tx, done_rx) = channel::unbounded();
    let photos: Vec<Photo> = thread::scope(|s| {
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
    });
    assert_eq!(photos.len(), 200);
    assert_eq!(verdict::each_photo_once(&photos, 100), Verdict::No);
}

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
    // A timeout that was not waited out is not "still open" either.
    assert_eq!(
        verdict::still_open::<Photo>(
            &Err(channel::RecvTimeoutError::Timeout),
            Duration::ZERO,
            timeout
        ),
        Verdict::No
    );
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

// --- Section 11 -----------------------------------------------------------

/// The sentinel put too early, before the last five numbers: the consumer
/// stops at it, and 5 to 1 are never read.
#[test]
fn verdict_sentinel_each_once_can_fail() {
    let queue = BlockingQueue::new();
    for n in (6..=10).rev() {
        queue.put(Some(n));
    }
    queue.put(None); // too early
    for n in (1..=5).rev() {
        queue.put(Some(n));
    }
    let got = thread::scope(|s| {
        s.spawn(|| {
            let mut got = Vec::new();
            while let Some(n) = queue.get() {
                got.push(n);
            }
            queue.put(None);
            got
        })
        .join()
        .expect("the consumer does not panic")
    });
    assert_eq!(got, [10, 9, 8, 7, 6]);
    assert_eq!(verdict::each_once(&[got], 1..=10), Verdict::No);
}

/// Consumers that stop when the channel is momentarily empty
/// (`try_iter`) instead of when it is closed: they start before the
/// producer, find nothing, and go home; the ten numbers come later.
#[test]
fn verdict_close_by_drop_each_once_can_fail() {
    let (tx, rx) = channel::unbounded();
    let got: Vec<Vec<u32>> = thread::scope(|s| {
        let consumers: Vec<_> = (0..3)
            .map(|_| s.spawn(|| rx.try_iter().collect::<Vec<u32>>()))
            .collect();
        consumers
            .into_iter()
            .map(|c| c.join().expect("a consumer does not panic"))
            .collect()
    });
    for n in (1..=10).rev() {
        tx.send(n).expect("the receiver is alive");
    }
    assert_eq!(rx.len(), 10);
    assert_eq!(verdict::each_once(&got, 1..=10), Verdict::No);
}

// --- Section 12 -----------------------------------------------------------

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

// --- Section 13 -----------------------------------------------------------

/// Section 13's pipeline on `FastQueue`s, stopped out of order: the resize
/// queue is closed before the downloads are done, and no photo arrives.
#[test]
fn verdict_fast_pipeline_photos_each_once_can_fail() {
    let downloads = FastQueue::unbounded();
    let resizes = FastQueue::new(10).expect("valid capacity");
    let uploads = FastQueue::new(10).expect("valid capacity");
    let done = FastQueue::unbounded();
    let roster = Roster::new();
    for id in 0..100 {
        downloads.put(id).expect("the queue is open");
    }
    let failed = thread::scope(|s| {
        resizes.close(); // too early
        let d = start_workers(s, 3, download, &downloads, &resizes, &roster);
        let r = start_workers(s, 4, resize, &resizes, &uploads, &roster);
        let u = start_workers(s, 5, upload, &uploads, &done, &roster);
        (
            stop_stage(&downloads, d).is_err(),
            stop_stage(&resizes, r).is_ok(),
            stop_stage(&uploads, u).is_ok(),
        )
    });
    assert_eq!(failed, (true, true, true));
    done.close();
    let photos: Vec<Photo> = (&done).into_iter().collect();
    assert!(photos.is_empty());
    assert_eq!(verdict::each_photo_once(&photos, 100), Verdict::No);
}

/// Step 4's rule, notify after every put and get, on one thread: nobody
/// can be asleep, and every notification is counted as waking nobody.
#[test]
fn verdict_step_4_rule_notified_only_when_someone_slept_can_fail() {
    let queue = FastQueue::with_rule(10, NotifyRule::Always).expect("valid capacity");
    queue.put(1).expect("the queue is open");
    assert_eq!(queue.get(), Some(1));
    let counted = queue.notifications();
    assert_eq!(
        counted,
        Notifications {
            sent: 2,
            with_a_sleeper: 0
        }
    );
    assert_eq!(
        verdict::notified_only_when_someone_slept(counted),
        Verdict::No
    );
}

/// Section 13's pipeline, really run, with step 4's rule on every queue:
/// the done queue alone, drained after its close with no producer left to
/// wait for room, sends 1 000 notifications that find nobody. Then the same
/// queue with step 5's rule says yes.
#[test]
fn verdict_notified_only_when_someone_slept_can_fail() {
    for (rule, expected) in [
        (NotifyRule::Always, Verdict::No),
        (NotifyRule::WhenSomeoneSleeps, Verdict::Yes),
    ] {
        let downloads = FastQueue::with_rule(10, rule).expect("valid capacity");
        let resizes = FastQueue::with_rule(10, rule).expect("valid capacity");
        let done = FastQueue::with_rule(usize::MAX, rule).expect("valid capacity");
        let roster = Roster::new();
        thread::scope(|s| {
            let d = start_workers(s, 2, download, &downloads, &resizes, &roster);
            let r = start_workers(s, 2, resize, &resizes, &done, &roster);
            for id in 0..1_000 {
                downloads.put(id).expect("the queue is open");
            }
            stop_stage(&downloads, d).expect("stopped in order");
            stop_stage(&resizes, r).expect("stopped in order");
        });
        done.close();
        assert_eq!((&done).into_iter().count(), 1_000);
        let counted = downloads.notifications() + resizes.notifications() + done.notifications();
        assert_eq!(
            verdict::notified_only_when_someone_slept(counted),
            expected,
            "{rule:?}"
        );
    }
}
