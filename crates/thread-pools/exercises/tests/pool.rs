//! `thread-pools-shutdown`: the behaviour, with exact expectations.
//!
//! Live workers are counted with a guard each worker thread keeps in a
//! thread-local: only the thread's exit drops it, and its drop takes a
//! moment (100 ms), so a `drop` that does not join returns while the count
//! is still up.

use std::cell::RefCell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::Duration;

use thread_pools_exercises::pool::{PoolError, Shutdown, ThreadPool};

/// Counts as one live worker until its thread exits.
struct LiveWorker(Arc<AtomicUsize>);

impl Drop for LiveWorker {
    fn drop(&mut self) {
        // A thread's exit takes a moment; the pool's drop must wait for it.
        thread::sleep(Duration::from_millis(100));
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

thread_local! {
    static LIVE: RefCell<Option<LiveWorker>> = const { RefCell::new(None) };
}

/// Makes each of the pool's `size` workers carry a `LiveWorker`: `size` jobs
/// meet at a barrier, so no worker can take two of them.
fn mark_every_worker(pool: &ThreadPool, size: usize, live: &Arc<AtomicUsize>) {
    let all_marked = Arc::new(Barrier::new(size + 1));
    for _ in 0..size {
        let (live, all_marked) = (Arc::clone(live), Arc::clone(&all_marked));
        pool.execute(move || {
            live.fetch_add(1, Ordering::SeqCst);
            LIVE.with(|slot| *slot.borrow_mut() = Some(LiveWorker(live)));
            all_marked.wait();
        });
    }
    all_marked.wait();
}

#[test]
fn the_pool_has_the_workers_it_was_asked_for() {
    let pool = ThreadPool::new(3).expect("the workers start");
    assert_eq!(pool.size(), 3);
}

#[test]
fn a_pool_of_no_workers_is_refused() {
    let made = ThreadPool::new(0);
    assert!(
        matches!(made, Err(PoolError::NoWorkers)),
        "a pool of 0 workers would take jobs and never run them: new(0) must be \
         Err(PoolError::NoWorkers), not {made:?}"
    );
}

#[test]
fn drop_leaves_no_worker_thread_alive() {
    let live = Arc::new(AtomicUsize::new(0));
    let pool = ThreadPool::new(4).expect("the workers start");
    mark_every_worker(&pool, 4, &live);
    assert_eq!(live.load(Ordering::SeqCst), 4, "four workers, four marks");
    drop(pool);
    assert_eq!(
        live.load(Ordering::SeqCst),
        0,
        "worker threads were still alive after the pool was dropped: Drop must join every worker"
    );
}

#[test]
fn shutdown_runs_every_queued_job_and_joins_every_worker() {
    let live = Arc::new(AtomicUsize::new(0));
    let ran = Arc::new(AtomicUsize::new(0));
    let pool = ThreadPool::new(3).expect("the workers start");
    mark_every_worker(&pool, 3, &live);
    for _ in 0..9 {
        let ran = Arc::clone(&ran);
        pool.execute(move || {
            thread::sleep(Duration::from_millis(2));
            ran.fetch_add(1, Ordering::SeqCst);
        });
    }
    // Some of the nine are certainly still queued: shutdown must run them.
    let report = pool.shutdown();
    assert_eq!(ran.load(Ordering::SeqCst), 9, "every queued job runs");
    assert_eq!(
        report,
        Shutdown {
            workers_joined: 3,
            jobs_run: 12
        },
        "three workers joined; the three marking jobs and the nine others ran"
    );
    assert_eq!(
        live.load(Ordering::SeqCst),
        0,
        "worker threads were still alive after shutdown: it must join every worker"
    );
}

#[test]
fn drop_runs_the_jobs_still_queued() {
    let ran = Arc::new(AtomicUsize::new(0));
    let pool = ThreadPool::new(2).expect("the workers start");
    for _ in 0..100 {
        let ran = Arc::clone(&ran);
        pool.execute(move || {
            ran.fetch_add(1, Ordering::SeqCst);
        });
    }
    drop(pool);
    assert_eq!(
        ran.load(Ordering::SeqCst),
        100,
        "a job queued before the drop was thrown away"
    );
}

#[test]
fn an_idle_pool_drops_at_once() {
    // Workers asleep on an empty channel must see it close.
    for size in [1, 2, 8] {
        drop(ThreadPool::new(size).expect("the workers start"));
    }
}
