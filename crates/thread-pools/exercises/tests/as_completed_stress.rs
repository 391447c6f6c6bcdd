//! `thread-pools-as-completed` under stress: many rounds of many jobs on
//! four workers, registered while they finish; each comes out exactly once,
//! with its own result.

use thread_pools_exercises::as_completed::{as_completed, submit};
use thread_pools_exercises::workers::Workers;

#[test]
fn each_exactly_once_with_its_own_result() {
    for round in 0..50 {
        let workers = Workers::new(4);
        let handles: Vec<_> = (0..1_000u64)
            .map(|n| {
                submit(&workers, move || {
                    let mut x = n;
                    for _ in 0..(n % 13) * 50 {
                        x = std::hint::black_box(x.wrapping_mul(31).wrapping_add(7));
                    }
                    let _ = x;
                    Ok::<_, ()>(n * 3)
                })
            })
            .collect();
        let mut seen = vec![false; 1_000];
        for (index, result) in as_completed(handles) {
            assert_eq!(result, Ok(index as u64 * 3), "round {round}: job {index}");
            assert!(!seen[index], "round {round}: job {index} came out twice");
            seen[index] = true;
        }
        assert!(
            seen.iter().all(|s| *s),
            "round {round}: a job never came out"
        );
    }
}
