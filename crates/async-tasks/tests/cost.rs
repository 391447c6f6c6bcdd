//! Section 1: a crowd of tasks and a crowd of threads, and the controls for
//! its two verdicts.
//!
//! The tests read the process's resident memory, which every other test
//! running at the same time would disturb, so they take turns.

use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use async_tasks::cost::{crowd_of_tasks, crowd_of_threads, holds_a_tenth, starts_in_a_tenth};

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

/// If "tasks" cost what threads cost, the start-time verdict says no: here
/// both sides are real thread crowds (the second, on stacks the first left
/// behind for reuse, plays the task).
#[test]
fn verdict_a_task_starts_in_a_tenth_of_a_thread_can_fail() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(PoisonError::into_inner);
    let threads = crowd_of_threads(200, 64 * 1024, NAP).expect("200 threads can start");
    let like_threads = crowd_of_threads(200, 64 * 1024, NAP).expect("200 threads can start");
    assert!(!starts_in_a_tenth(&like_threads, &threads));
}

/// Tasks whose futures each carry 64 KiB hold more than a thread does: the
/// memory verdict says no.
#[test]
fn verdict_a_task_holds_a_tenth_of_a_thread_can_fail() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(PoisonError::into_inner);
    let fat = crowd_of_tasks(300, || {
        let ballast = [1u8; 64 * 1024];
        async move {
            tokio::time::sleep(NAP).await;
            black_box(&ballast);
        }
    })
    .expect("a runtime can be built");
    let threads = crowd_of_threads(300, 64 * 1024, NAP).expect("300 threads can start");
    if fat.resident_each.is_some() {
        assert_eq!(holds_a_tenth(&fat, &threads), Some(false));
    } else {
        assert_eq!(holds_a_tenth(&fat, &threads), None); // not Linux
    }
}
