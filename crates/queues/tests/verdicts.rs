//! Every verdict the lesson prints can come out the other way. For each
//! verdict function in `src/verdict.rs` there is one control, named
//! `verdict_<function>_can_fail`, that runs the broken variant of the claim
//! for real (a blocking queue where the claim is busy waiting, an unbounded
//! queue where it is backpressure, a stage that loses or duplicates photos,
//! a worker whose queue is never closed) and feeds its evidence to the same
//! function, asserting the answer the snapshot does not show. Where one
//! function serves several sections whose broken variants differ, its
//! control runs each of them (the helpers beside it, named after what they
//! break).
//!
//! The controls sit in `tests/verdicts/`, one file for each file of
//! `src/sections/`, in the module of the section that first prints the
//! verdict (`grep -rn 'fn verdict_' crates/queues/tests` lists them all).

use std::thread;
use std::time::Duration;

use queues::pipeline::{Photo, download, resize, upload};

#[path = "verdicts/building.rs"]
mod building;
#[path = "verdicts/fast.rs"]
mod fast;
#[path = "verdicts/problems.rs"]
mod problems;
#[path = "verdicts/using.rs"]
mod using;

/// Photos through the polling pipelines here.
const PHOTOS: u32 = 50;
/// The slow first stage of those pipelines, and the polling nap.
const DOWNLOAD_TIME: Duration = Duration::from_millis(1);
const NAP: Duration = Duration::from_micros(100);

/// A photo that has been through every stage.
fn finished_photo(id: u32) -> Photo {
    upload(resize(download(id)))
}

/// The polling pipelines' first stage: a download that takes a while.
fn slow_download(id: u32) -> Photo {
    thread::sleep(DOWNLOAD_TIME);
    download(id)
}
