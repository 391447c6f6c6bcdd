//! `thread-pools-as-completed`: the behaviour, with exact expectations.

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use thread_pools_exercises::as_completed::{JobError, as_completed, submit};
use thread_pools_exercises::workers::Workers;

/// A job that returns `name` once its gate opens, or after two seconds (so
/// that an `as_completed` that waits for the wrong job fails, not hangs).
fn gated(
    name: &'static str,
    gate: mpsc::Receiver<()>,
) -> impl FnOnce() -> Result<&'static str, String> + Send + 'static {
    move || match gate.recv_timeout(Duration::from_secs(2)) {
        Ok(()) => Ok(name),
        Err(_) => Err(format!("{name}: its gate never opened")),
    }
}

#[test]
fn results_come_in_the_order_the_jobs_finish() {
    let workers = Workers::new(3);
    let (open_slow, slow_gate) = mpsc::channel();
    let (open_middle, middle_gate) = mpsc::channel();
    let handles = vec![
        submit(&workers, gated("slow", slow_gate)),
        submit(&workers, gated("middle", middle_gate)),
        submit(&workers, || Ok("quick")),
    ];
    let mut completed = as_completed(handles);
    let first = completed.next();
    assert_eq!(
        first,
        Some((2, Ok("quick"))),
        "as_completed must yield the job that finished first (job 2; jobs 0 and 1 wait at \
         their gates until it has come out), not the first one submitted"
    );
    open_middle.send(()).unwrap();
    assert_eq!(completed.next(), Some((1, Ok("middle"))));
    open_slow.send(()).unwrap();
    assert_eq!(completed.next(), Some((0, Ok("slow"))));
    assert_eq!(completed.next(), None, "three handles, three results");
    assert_eq!(completed.next(), None);
}

#[test]
fn jobs_finished_before_the_call_are_yielded_too() {
    let workers = Workers::new(2);
    let handles: Vec<_> = (0..3u32)
        .map(|n| submit(&workers, move || Ok::<_, ()>(n + 10)))
        .collect();
    while !handles.iter().all(|h| h.is_done()) {
        thread::sleep(Duration::from_millis(1));
    }
    let mut seen: Vec<_> = as_completed(handles).collect();
    seen.sort_by_key(|(index, _)| *index);
    assert_eq!(seen, [(0, Ok(10)), (1, Ok(11)), (2, Ok(12))]);
}

#[test]
fn every_handle_comes_out_exactly_once_with_its_own_result() {
    let workers = Workers::new(4);
    let handles: Vec<_> = (0..200u64)
        .map(|n| {
            submit(&workers, move || {
                if n % 7 == 0 {
                    thread::sleep(Duration::from_millis(1));
                }
                if n % 5 == 0 { Err(n) } else { Ok(n * 2) }
            })
        })
        .collect();
    let mut seen: Vec<_> = as_completed(handles).collect();
    assert_eq!(seen.len(), 200, "200 handles, 200 results");
    seen.sort_by_key(|(index, _)| *index);
    for (n, (index, result)) in (0..200u64).zip(seen) {
        assert_eq!(index as u64, n, "index {n} missing or yielded twice");
        let expected = if n % 5 == 0 {
            Err(JobError::Failed(n))
        } else {
            Ok(n * 2)
        };
        assert_eq!(result, expected, "job {n}");
    }
}

#[test]
fn no_handles_no_results() {
    let handles: Vec<thread_pools_exercises::as_completed::JobHandle<u8, ()>> = Vec::new();
    assert_eq!(as_completed(handles).count(), 0);
}
