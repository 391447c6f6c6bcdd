//! `async-and-threads-offload` under stress: rounds of many blocking calls
//! at once, each meeting the others in a waiting room (on the blocking pool they
//! are all in progress together), with a ticker beside them that must never
//! be held up; on the one-thread runtime and on a multi-thread one.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use async_and_threads_exercises::offload::{call_all_blocking, call_blocking};
use async_and_threads_exercises::ticker::Ticker;

fn rounds(runtime: &tokio::runtime::Runtime, name: &str) {
    for round in 0..8u64 {
        const CALLS: usize = 16;
        let (results, single, lateness) = runtime.block_on(async {
            let ticker = Ticker::start(Duration::from_millis(5)).await;
            let arrived = Arc::new(AtomicUsize::new(0));
            let calls: Vec<_> = (0..CALLS as u64)
                .map(|i| {
                    let arrived = Arc::clone(&arrived);
                    move || {
                        // Every call waits (up to 2 s) until all 16 are in.
                        arrived.fetch_add(1, Ordering::SeqCst);
                        let deadline = Instant::now() + Duration::from_secs(2);
                        while arrived.load(Ordering::SeqCst) < CALLS {
                            assert!(
                                Instant::now() < deadline,
                                "the blocking calls ran one after another, not together"
                            );
                            std::thread::sleep(Duration::from_millis(1));
                        }
                        i + round
                    }
                })
                .collect();
            let results = call_all_blocking(calls).await;
            let single = call_blocking(move || {
                std::thread::sleep(Duration::from_millis(20));
                round
            })
            .await;
            (results, single, ticker.stop().await)
        });
        let expected: Vec<u64> = (0..CALLS as u64).map(|i| i + round).collect();
        assert_eq!(results, expected, "{name}, round {round}");
        assert_eq!(single, round);
        assert!(
            lateness.worst < Duration::from_millis(500),
            "{name}, round {round}: the loop stalled for {:?}",
            lateness.worst
        );
    }
}

#[test]
fn many_blocking_calls_at_once_on_one_thread_and_on_many() {
    let one = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a one-thread runtime builds");
    rounds(&one, "one-thread runtime");
    let many = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_time()
        .build()
        .expect("a multi-thread runtime builds");
    rounds(&many, "multi-thread runtime");
}
