//! The lesson's sections, one function each, in the files that group them
//! (in the order `main` runs them):
//!
//! - [`problems`]: a queue that cannot wait, and the three things Effective
//!   Python Item 55 says are wrong with it;
//! - [`building`]: the fix, one step at a time (blocking, bounded,
//!   joinable, closable);
//! - [`using`]: the pipeline on the finished queue and on crossbeam's
//!   channels, the Cookbook's sentinel, its priority queue;
//! - [`fast`]: the hand-built queue made fast, and why it is.
//!
//! Below: the sizes and sleeps every section is scaled to, in one place.

use std::time::Duration;

pub mod building;
pub mod fast;
pub mod problems;
pub mod using;

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
