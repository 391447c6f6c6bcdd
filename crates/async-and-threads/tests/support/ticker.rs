//! The ticker of `a_blocking_call_stalls_the_event_loop` and
//! `spawn_blocking_keeps_the_loop_on_time`, run beside a sleep on the
//! loop's own thread or on the blocking pool: shared by the behaviour tests
//! (`tests/event_loop.rs`) and the controls (`tests/verdicts.rs`).
//!
//! Each test file that includes it uses only part of it.
#![allow(dead_code)]

use std::thread;
use std::time::Duration;

use async_and_threads::Ticker;
use async_and_threads::one_thread_runtime;
use async_and_threads::ticker::Lateness;
use tokio::task;

pub const TICK: Duration = Duration::from_millis(10);
pub const BLOCK: Duration = Duration::from_millis(100);

/// Where the sleep beside the ticker runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sleep {
    /// In a task, with `thread::sleep`: it holds the loop's only thread.
    OnTheLoop,
    /// Sent to `spawn_blocking`: the loop's thread stays free.
    OnTheBlockingPool,
}

/// A ticker runs on a one-thread runtime while another task sleeps for
/// `BLOCK`, and reports how late it was.
pub fn ticker_beside_a_sleep(sleep: Sleep) -> Lateness {
    let runtime = one_thread_runtime();
    runtime.block_on(async {
        let ticker = Ticker::start(TICK).await;
        match sleep {
            Sleep::OnTheLoop => tokio::spawn(async { thread::sleep(BLOCK) })
                .await
                .expect("sleeping does not panic"),
            Sleep::OnTheBlockingPool => {
                tokio::spawn(async { task::spawn_blocking(|| thread::sleep(BLOCK)).await })
                    .await
                    .expect("the task does not panic")
                    .expect("sleeping does not panic")
            }
        }
        ticker.stop().await
    })
}
