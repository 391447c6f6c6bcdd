//! `blocking-io-factorise` under stress: many rounds of sixteen jobs that
//! finish in a scrambled order; the results always come back in job order.

use std::thread;
use std::time::Duration;

use blocking_io_exercises::factorise::one_thread_each;

#[test]
fn results_are_in_job_order_in_every_round() {
    for round in 0..80u64 {
        let jobs: Vec<_> = (0..16u64)
            .map(|i| {
                move || {
                    // 0 to 2 ms, scrambled differently each round.
                    let micros = (i * 7919 + round * 104_729) % 2_000;
                    thread::sleep(Duration::from_micros(micros));
                    (round, i)
                }
            })
            .collect();
        let results = one_thread_each(jobs);
        let expected: Vec<(u64, u64)> = (0..16).map(|i| (round, i)).collect();
        assert_eq!(
            results, expected,
            "round {round}: results must come back in input order"
        );
    }
}
