//! `async-tasks-gather` under stress: many rounds of a hundred tasks that
//! meet at a barrier and then finish in a scrambled order (each yields a
//! different number of times); every round's results must be in input order.

use std::sync::Arc;
use std::time::Duration;

use async_tasks_exercises::gather::gather;
use tokio::sync::Barrier;

#[test]
fn a_hundred_tasks_meet_and_come_back_in_order_in_every_round() {
    const TASKS: u64 = 100;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a one-thread runtime builds");
    runtime.block_on(async {
        for round in 0..300u64 {
            let barrier = Arc::new(Barrier::new(TASKS as usize));
            let futures: Vec<_> = (0..TASKS)
                .map(|i| {
                    let barrier = Arc::clone(&barrier);
                    async move {
                        barrier.wait().await;
                        // A scrambled finishing order: 0 to 16 yields.
                        for _ in 0..(i * 7 + round) % 17 {
                            tokio::task::yield_now().await;
                        }
                        i * 1000 + round
                    }
                })
                .collect();
            let results = tokio::time::timeout(Duration::from_secs(2), gather(futures))
                .await
                .unwrap_or_else(|_| {
                    panic!(
                        "round {round}: gather did not finish in 2 s: its tasks meet at a \
                         barrier, so they ran one after another"
                    )
                });
            let expected: Vec<u64> = (0..TASKS).map(|i| i * 1000 + round).collect();
            assert_eq!(results, expected, "round {round}: not in input order");
        }
    });
}
