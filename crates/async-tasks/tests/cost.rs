//! `a_coroutine_is_cheap`: a crowd of tasks and a crowd of threads, each
//! run to the end. The controls for its verdicts are in `tests/verdicts.rs`.
//!
//! The tests read the process's resident memory, which every other test
//! running at the same time would disturb, so they take turns.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use async_tasks::cost::{crowd_of_tasks, crowd_of_threads};

static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

const NAP: Duration = Duration::from_millis(20);

#[test]
fn every_task_in_the_crowd_runs_to_the_end() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(PoisonError::into_inner);
    let finished = Arc::new(AtomicUsize::new(0));
    let crowd = crowd_of_tasks(5_000, || {
        let finished = Arc::clone(&finished);
        async move {
            tokio::time::sleep(NAP).await;
            finished.fetch_add(1, Ordering::Relaxed);
        }
    })
    .expect("a runtime can be built");
    assert_eq!(crowd.count, 5_000);
    assert_eq!(finished.load(Ordering::Relaxed), 5_000);
}

#[test]
fn every_thread_in_the_crowd_is_joined() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(PoisonError::into_inner);
    let crowd = crowd_of_threads(100, 64 * 1024, NAP).expect("100 threads can start");
    assert_eq!(crowd.count, 100);
}
