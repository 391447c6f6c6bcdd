//! A ticker on a one-thread runtime, with a blocking call made on the loop
//! (`a_blocking_call_stalls_the_event_loop`) and then sent to
//! `spawn_blocking` (`spawn_blocking_keeps_the_loop_on_time`). The controls
//! for their verdicts are in `tests/verdicts.rs`.

#[path = "support/ticker.rs"]
mod ticker;

use async_and_threads::Ticker;
use async_and_threads::one_thread_runtime;
use async_and_threads::verdict::{loop_stalled, on_time};
use kit::Verdict;

use ticker::{BLOCK, Sleep, TICK, ticker_beside_a_sleep};

#[test]
fn a_blocked_loop_makes_the_ticker_late_by_at_least_the_block_less_one_period() {
    // The ticker is waiting for a tick due within one period when the sleep
    // starts, and cannot wake before the sleep ends.
    let lateness = ticker_beside_a_sleep(Sleep::OnTheLoop);
    assert!(lateness.worst >= BLOCK - TICK, "{lateness:?}");
    assert_eq!(loop_stalled(lateness.worst, BLOCK), Verdict::Yes);
}

#[test]
fn the_ticker_keeps_ticking_while_the_blocking_pool_sleeps() {
    // While the pool sleeps for ten periods, the loop is free: the ticker
    // takes its first tick, then at least one more before it is stopped.
    let lateness = ticker_beside_a_sleep(Sleep::OnTheBlockingPool);
    assert!(lateness.ticks >= 2, "{lateness:?}");
    assert_eq!(on_time(lateness.worst, BLOCK), Verdict::Yes);
}

#[test]
fn a_ticker_stopped_at_once_has_taken_two_ticks() {
    // `start` returns after the first tick; `stop` lets it finish the tick it
    // is waiting for, and it stops there.
    let runtime = one_thread_runtime();
    let lateness = runtime.block_on(async { Ticker::start(TICK).await.stop().await });
    assert_eq!(lateness.ticks, 2);
}
