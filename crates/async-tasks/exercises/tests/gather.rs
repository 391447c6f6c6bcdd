//! `async-tasks-gather`: the behaviour, on tokio's one-thread runtime (what
//! `#[tokio::test]` builds): results in input order when the tasks finish in
//! reverse; every task in progress at once (they meet at a barrier, which a
//! task awaited before its siblings are spawned never passes); a task's
//! panic passed on with its own message.

use std::sync::Arc;
use std::time::Duration;

use async_tasks_exercises::gather::gather;
use tokio::sync::Barrier;

/// How long the barrier test waits before it calls the tasks sequential.
const LIMIT: Duration = Duration::from_secs(2);

#[tokio::test]
async fn results_come_back_in_input_order() {
    // The first future sleeps longest, so the tasks finish in reverse.
    let futures: Vec<_> = (0..6u64)
        .map(|i| async move {
            tokio::time::sleep(Duration::from_millis(60 - 10 * i)).await;
            i * i
        })
        .collect();
    let results = gather(futures).await;
    assert_eq!(
        results,
        [0, 1, 4, 9, 16, 25],
        "the results must be in input order, each at its own future's place, not in the \
         order the tasks finished"
    );
}

#[tokio::test]
async fn every_task_is_in_progress_at_once() {
    const TASKS: usize = 8;
    let barrier = Arc::new(Barrier::new(TASKS));
    let futures: Vec<_> = (0..TASKS)
        .map(|i| {
            let barrier = Arc::clone(&barrier);
            async move {
                // Passes only once all eight tasks are waiting here.
                barrier.wait().await;
                i
            }
        })
        .collect();
    match tokio::time::timeout(LIMIT, gather(futures)).await {
        Ok(results) => assert_eq!(results, (0..TASKS).collect::<Vec<_>>()),
        Err(_) => panic!(
            "gather did not finish in {LIMIT:?}: its tasks meet at a barrier that opens only \
             when all {TASKS} are waiting, so they ran one after another (each task awaited \
             before the next was spawned)"
        ),
    }
}

#[tokio::test]
async fn no_futures_no_results() {
    let none: Vec<std::future::Ready<u8>> = Vec::new();
    assert!(gather(none).await.is_empty());
}

#[tokio::test]
async fn each_future_runs_exactly_once() {
    let runs = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let futures: Vec<_> = (0..50)
        .map(|i| {
            let runs = Arc::clone(&runs);
            async move {
                runs.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                tokio::task::yield_now().await;
                format!("task {i}")
            }
        })
        .collect();
    let results = gather(futures).await;
    assert_eq!(runs.load(std::sync::atomic::Ordering::SeqCst), 50);
    let expected: Vec<String> = (0..50).map(|i| format!("task {i}")).collect();
    assert_eq!(results, expected);
}

#[tokio::test]
#[should_panic(expected = "cell 3 broke")]
async fn a_tasks_panic_comes_back_with_its_message() {
    let futures: Vec<_> = (0..5)
        .map(|i| async move {
            assert!(i != 3, "cell {i} broke");
            i
        })
        .collect();
    gather(futures).await;
}
