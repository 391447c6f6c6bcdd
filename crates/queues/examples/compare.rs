//! The Rust side of this lesson's `cargo xtask compare` experiment: what it
//! measures, its sizes and its table rows are in `lesson.toml`
//! (`[[experiment]]`), the Python side in `python/compare_pipeline.py`, the
//! protocol in `harness::compare`.
//!
//! ```text
//! cargo run --release -p queues --example queues-compare -- pipeline --runs 5 --size 100000
//! ```

use std::process::ExitCode;
use std::thread;

use harness::compare::{self, Result, Run, check};
use queues::pipeline::{Photo, download, each_photo_once, resize, upload};
use queues::{ClosableQueue, FastQueue};

fn main() -> ExitCode {
    compare::main(env!("CARGO_PKG_NAME"), &[("pipeline", pipeline)])
}

/// Effective Python Item 55's pipeline, download → resize → upload, one
/// worker per stage, `size` items: on the lesson's `ClosableQueue` (step 4),
/// on its `FastQueue` (step 5: notify only a sleeper, spin first), then on
/// crossbeam's channels.
fn pipeline(run: &mut Run) -> Result {
    let count = u32::try_from(run.size).map_err(|_| "--size must fit in a u32")?;

    // Steps 4 and 5 have the same methods and no trait in common: the same
    // pipeline, written once, on either.
    macro_rules! on_hand_built {
        ($queue:ident) => {
            || -> Result {
                fn stage<T, U>(input: &$queue<T>, output: &$queue<U>, work: fn(T) -> U) -> Result {
                    for item in input {
                        output
                            .put(work(item))
                            .map_err(|_| "a stage's output was closed under it".to_owned())?;
                    }
                    Ok(())
                }
                let download_queue = $queue::unbounded();
                let resize_queue = $queue::unbounded();
                let upload_queue = $queue::unbounded();
                let done_queue = $queue::unbounded();
                thread::scope(|s| {
                    let downloader = s.spawn(|| stage(&download_queue, &resize_queue, download));
                    let resizer = s.spawn(|| stage(&resize_queue, &upload_queue, resize));
                    let uploader = s.spawn(|| stage(&upload_queue, &done_queue, upload));
                    for id in 0..count {
                        download_queue
                            .put(id)
                            .map_err(|_| "the first queue is open until all are put".to_owned())?;
                    }
                    // Stop the stages in order: close a stage's input, wait for it.
                    let stopped = |worker: thread::ScopedJoinHandle<'_, Result>| {
                        worker.join().map_err(|_| "a stage panicked".to_owned())?
                    };
                    download_queue.close();
                    stopped(downloader)?;
                    resize_queue.close();
                    stopped(resizer)?;
                    upload_queue.close();
                    stopped(uploader)?;
                    Ok::<_, String>(())
                })?;
                let done: Vec<Photo> = (0..done_queue.len())
                    .filter_map(|_| done_queue.get())
                    .collect();
                check(each_photo_once(&done, count), || {
                    format!("{} photos came out, not each of {count} once", done.len())
                })
            }
        };
    }
    let closable = on_hand_built!(ClosableQueue);
    let fast = on_hand_built!(FastQueue);
    let crossbeam = || -> Result {
        use crossbeam::channel::{Receiver, Sender, unbounded};
        fn stage<T, U>(input: Receiver<T>, output: Sender<U>, work: fn(T) -> U) -> Result {
            for item in input {
                output
                    .send(work(item))
                    .map_err(|_| "a stage's receiver was dropped".to_owned())?;
            }
            Ok(())
        }
        let (download_tx, download_rx) = unbounded();
        let (resize_tx, resize_rx) = unbounded();
        let (upload_tx, upload_rx) = unbounded();
        let (done_tx, done_rx) = unbounded();
        let done: Vec<Photo> = thread::scope(|s| {
            let workers = [
                s.spawn(move || stage(download_rx, resize_tx, download)),
                s.spawn(move || stage(resize_rx, upload_tx, resize)),
                s.spawn(move || stage(upload_rx, done_tx, upload)),
            ];
            for id in 0..count {
                download_tx
                    .send(id)
                    .map_err(|_| "the first stage runs until its sender is dropped".to_owned())?;
            }
            // Dropping a sender closes the channel: each stage ends once its
            // input is drained, and drops its own sender in turn.
            drop(download_tx);
            for worker in workers {
                worker.join().map_err(|_| "a stage panicked".to_owned())??;
            }
            Ok::<_, String>(done_rx.iter().collect())
        })?;
        check(each_photo_once(&done, count), || {
            format!("{} photos came out, not each of {count} once", done.len())
        })
    };
    run.timed("closable", closable)?;
    run.timed("fast", fast)?;
    run.timed("crossbeam", crossbeam)
}
