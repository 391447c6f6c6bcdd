//! `async-tasks-countdown` under stress: ten thousand countdowns as tasks on
//! one thread, each woken only by itself, interleaved by the runtime; every
//! one must finish with its own number of polls.

use std::time::Duration;

use async_tasks_exercises::countdown::countdown;

#[test]
fn ten_thousand_countdowns_finish_on_one_thread() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a one-thread runtime builds");
    runtime.block_on(async {
        for round in 0..3u32 {
            let tasks: Vec<_> = (0..10_000u32)
                .map(|i| tokio::spawn(countdown((i * 7 + round) % 50)))
                .collect();
            let all = async {
                let mut results = Vec::with_capacity(tasks.len());
                for task in tasks {
                    results.push(task.await.expect("a countdown does not panic"));
                }
                results
            };
            let results = tokio::time::timeout(Duration::from_secs(5), all)
                .await
                .unwrap_or_else(|_| {
                    panic!(
                        "round {round}: the countdowns did not finish on the runtime in 5 s: \
                         a Pending without a wake-up"
                    )
                });
            for (i, polls) in results.into_iter().enumerate() {
                let i = u32::try_from(i).expect("ten thousand fits");
                assert_eq!(polls, (i * 7 + round) % 50 + 1, "round {round}, task {i}");
            }
        }
    });
}
