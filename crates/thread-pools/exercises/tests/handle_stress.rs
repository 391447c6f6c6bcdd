//! `thread-pools-handle` under stress: thousands of jobs on four workers,
//! a third of them panicking; every handle gets its own outcome, and the
//! pool never loses a worker.

use thread_pools_exercises::handle::{JobError, submit};
use thread_pools_exercises::workers::Workers;

#[test]
fn every_handle_gets_its_own_outcome() {
    // The panics are expected: keep them off the terminal.
    std::panic::set_hook(Box::new(|_| {}));
    for round in 0..10 {
        let workers = Workers::new(4);
        let handles: Vec<_> = (0..3_000u32)
            .map(|n| {
                submit(&workers, move || match n % 3 {
                    0 => Ok(n),
                    1 => Err(n),
                    _ => panic!("job {n}"),
                })
            })
            .collect();
        for (n, handle) in (0..3_000u32).zip(handles) {
            let expected = match n % 3 {
                0 => Ok(n),
                1 => Err(JobError::Failed(n)),
                _ => Err(JobError::Panicked(format!("job {n}"))),
            };
            assert_eq!(handle.result(), expected, "round {round}, job {n}");
        }
    }
}
