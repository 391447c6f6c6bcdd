//! `thread-pools-as-completed` under loom: a worker completes two jobs
//! while the main thread registers them with `as_completed`. In every
//! interleaving each job is yielded exactly once: none is lost between the
//! look and the registration, none is announced twice.
#![cfg(loom)]

use thread_pools_exercises::as_completed::{as_completed, submit};
use thread_pools_exercises::workers::Workers;

/// Every interleaving with at most four preemptions: the bugs this model
/// looks for need one or two, and without a bound it takes half a minute on
/// a busy machine, where a learner's check should take seconds.
fn model(f: impl Fn() + Sync + Send + 'static) {
    let mut builder = loom::model::Builder::new();
    builder.preemption_bound = Some(4);
    kit::schedule::check(&builder, f);
}

#[test]
fn every_job_is_yielded_once_whenever_it_finishes() {
    model(|| {
        let workers = Workers::new(1);
        let handles = vec![
            submit(&workers, || Ok::<u8, ()>(10)),
            submit(&workers, || Ok::<u8, ()>(11)),
        ];
        let mut seen: Vec<_> = as_completed(handles).collect();
        seen.sort_by_key(|(index, _)| *index);
        assert_eq!(seen, [(0, Ok(10)), (1, Ok(11))]);
    });
}
