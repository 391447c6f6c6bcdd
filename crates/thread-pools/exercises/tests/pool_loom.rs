//! `thread-pools-shutdown` under loom: two workers, one job, then the pool
//! is dropped. In every interleaving the job has run by the time `drop`
//! returns (so every worker was joined after the channel closed), and no
//! worker sleeps for ever on a channel nobody closes.
#![cfg(loom)]

use loom::sync::Arc;
use loom::sync::atomic::{AtomicUsize, Ordering};
use thread_pools_exercises::pool::{Shutdown, ThreadPool};

/// Every interleaving with at most four preemptions: the bugs this model
/// looks for need one or two, and without a bound it takes half a minute on
/// a busy machine, where a learner's check should take seconds.
fn model(f: impl Fn() + Sync + Send + 'static) {
    let mut builder = loom::model::Builder::new();
    builder.preemption_bound = Some(4);
    kit::schedule::check(&builder, f);
}

#[test]
fn drop_runs_the_queued_job_and_joins_both_workers() {
    model(|| {
        let ran = Arc::new(AtomicUsize::new(0));
        let pool = ThreadPool::new(2).expect("the workers start");
        let counter = Arc::clone(&ran);
        pool.execute(move || {
            counter.fetch_add(1, Ordering::Relaxed);
        });
        drop(pool);
        assert_eq!(
            ran.load(Ordering::Relaxed),
            1,
            "the job ran before drop returned"
        );
    });
}

#[test]
fn shutdown_reports_what_the_workers_did() {
    model(|| {
        let pool = ThreadPool::new(1).expect("the workers start");
        pool.execute(|| {});
        pool.execute(|| {});
        assert_eq!(
            pool.shutdown(),
            Shutdown {
                workers_joined: 1,
                jobs_run: 2
            }
        );
    });
}
