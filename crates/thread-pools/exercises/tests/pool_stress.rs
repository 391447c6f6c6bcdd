//! `thread-pools-shutdown` under stress: many pools, many jobs; every job
//! runs, and after each drop no worker is left alive.

use std::cell::RefCell;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use thread_pools_exercises::pool::ThreadPool;

struct LiveWorker(Arc<AtomicUsize>);

impl Drop for LiveWorker {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

thread_local! {
    static LIVE: RefCell<Option<LiveWorker>> = const { RefCell::new(None) };
}

#[test]
fn every_job_runs_and_every_worker_is_joined() {
    for round in 0..100 {
        let size = 1 + round % 6;
        let live = Arc::new(AtomicUsize::new(0));
        let ran = Arc::new(AtomicUsize::new(0));
        let pool = ThreadPool::new(size).expect("the workers start");
        for _ in 0..2_000 {
            let (live, ran) = (Arc::clone(&live), Arc::clone(&ran));
            pool.execute(move || {
                LIVE.with(|slot| {
                    let mut slot = slot.borrow_mut();
                    if slot.is_none() {
                        live.fetch_add(1, Ordering::SeqCst);
                        *slot = Some(LiveWorker(live));
                    }
                });
                ran.fetch_add(1, Ordering::SeqCst);
            });
        }
        if round % 2 == 0 {
            drop(pool);
        } else {
            let report = pool.shutdown();
            assert_eq!(report.workers_joined, size, "round {round}");
            assert_eq!(report.jobs_run, 2_000, "round {round}");
        }
        assert_eq!(
            ran.load(Ordering::SeqCst),
            2_000,
            "round {round}: every job runs"
        );
        assert_eq!(
            live.load(Ordering::SeqCst),
            0,
            "round {round}: a worker thread outlived its pool"
        );
    }
}
