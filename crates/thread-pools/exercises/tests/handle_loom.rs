//! `thread-pools-handle` under loom: a worker completes a job while the
//! main thread asks `is_done` and then waits in `result`. In every
//! interleaving the waiter wakes with the job's value: no lost wake-up.
#![cfg(loom)]

use thread_pools_exercises::handle::submit;
use thread_pools_exercises::workers::Workers;

#[test]
fn the_waiter_always_gets_the_value() {
    kit::schedule::model(|| {
        let workers = Workers::new(1);
        let handle = submit(&workers, || Ok::<u32, ()>(7));
        let _ = handle.is_done();
        assert_eq!(handle.result(), Ok(7));
    });
}
