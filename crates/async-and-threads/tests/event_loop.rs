//! Sections 4 and 5: a ticker on a one-thread runtime, with a blocking call
//! made on the loop and then sent to `spawn_blocking`. Each verdict is fed
//! the other variant's run, where its claim is false.

use std::thread;
use std::time::Duration;

use async_and_threads::Ticker;
use async_and_threads::one_thread_runtime;
use async_and_threads::ticker::{Lateness, loop_stalled, on_time};
use tokio::task;

const TICK: Duration = Duration::from_millis(10);
const BLOCK: Duration = Duration::from_millis(100);

/// A ticker runs while another task sleeps for `BLOCK`, on the loop's own
/// thread or on the blocking pool.
fn ticker_beside_a_sleep(on_the_loop: bool) -> Lateness {
    let runtime = one_thread_runtime();
    runtime.block_on(async {
        let ticker = Ticker::start(TICK).await;
        if on_the_loop {
            tokio::spawn(async { thread::sleep(BLOCK) })
                .await
                .expect("sleeping does not panic");
        } else {
            tokio::spawn(async { task::spawn_blocking(|| thread::sleep(BLOCK)).await })
                .await
                .expect("the task does not panic")
                .expect("sleeping does not panic");
        }
        ticker.stop().await
    })
}

#[test]
fn a_blocked_loop_makes_the_ticker_late_by_at_least_the_block_less_one_period() {
    // The ticker is waiting for a tick due within one period when the sleep
    // starts, and cannot wake before the sleep ends.
    let lateness = ticker_beside_a_sleep(true);
    assert!(lateness.worst >= BLOCK - TICK, "{lateness:?}");
    assert!(loop_stalled(lateness.worst, BLOCK));
}

#[test]
fn verdict_loop_stalled_can_fail() {
    let lateness = ticker_beside_a_sleep(false);
    assert!(!loop_stalled(lateness.worst, BLOCK), "{lateness:?}");
}

#[test]
fn verdict_on_time_can_fail() {
    let lateness = ticker_beside_a_sleep(true);
    assert!(!on_time(lateness.worst, BLOCK), "{lateness:?}");
}

#[test]
fn the_ticker_keeps_ticking_while_the_blocking_pool_sleeps() {
    // While the pool sleeps for ten periods, the loop is free: the ticker
    // takes its first tick, then at least one more before it is stopped.
    let lateness = ticker_beside_a_sleep(false);
    assert!(lateness.ticks >= 2, "{lateness:?}");
    assert!(on_time(lateness.worst, BLOCK));
}

#[test]
fn a_ticker_stopped_at_once_has_taken_two_ticks() {
    // `start` returns after the first tick; `stop` lets it finish the tick it
    // is waiting for, and it stops there.
    let runtime = one_thread_runtime();
    let lateness = runtime.block_on(async { Ticker::start(TICK).await.stop().await });
    assert_eq!(lateness.ticks, 2);
}
