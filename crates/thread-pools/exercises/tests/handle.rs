//! `thread-pools-handle`: the behaviour, with exact expectations.

use std::num::ParseIntError;
use std::sync::mpsc;

use thread_pools_exercises::handle::{JobError, submit};
use thread_pools_exercises::workers::Workers;

#[test]
fn a_value_comes_back() {
    let workers = Workers::new(2);
    let answer = submit(&workers, || "42".parse::<u32>());
    assert_eq!(answer.result(), Ok(42));
}

#[test]
fn an_error_comes_back_as_failed() {
    let workers = Workers::new(2);
    let broken = submit(&workers, || "forty-two".parse::<u32>());
    let expected: ParseIntError = "forty-two".parse::<u32>().unwrap_err();
    assert_eq!(broken.result(), Err(JobError::Failed(expected)));
}

#[test]
fn a_panic_comes_back_as_panicked_with_its_message() {
    let workers = Workers::new(2);
    let literal = submit(&workers, || -> Result<u32, String> { panic!("boom") });
    let formatted = submit(&workers, || -> Result<u32, String> {
        let n = 7;
        panic!("bad input {n}")
    });
    assert_eq!(
        literal.result(),
        Err(JobError::Panicked("boom".to_owned())),
        "a panic in the job must come back from result() as Panicked"
    );
    assert_eq!(
        formatted.result(),
        Err(JobError::Panicked("bad input 7".to_owned()))
    );
}

#[test]
fn the_worker_survives_a_panic_and_runs_the_next_job() {
    // One worker: the job after the panic can only run on the same thread.
    let workers = Workers::new(1);
    let failed = submit(&workers, || -> Result<(), String> { panic!("first job") });
    let next = submit(&workers, || Ok::<_, String>("second job ran"));
    assert_eq!(
        failed.result(),
        Err(JobError::Panicked("first job".to_owned()))
    );
    assert_eq!(next.result(), Ok("second job ran"));
}

#[test]
fn result_waits_for_the_job() {
    let workers = Workers::new(1);
    let (open, gate) = mpsc::channel::<u32>();
    let gated = submit(&workers, move || gate.recv().map_err(|_| "gate dropped"));
    assert!(
        !gated.is_done(),
        "the job cannot finish before its gate opens"
    );
    open.send(5).unwrap();
    assert_eq!(gated.result(), Ok(5));
}

#[test]
fn handles_keep_their_own_results_whatever_order_they_are_asked_in() {
    let workers = Workers::new(3);
    let handles: Vec<_> = (0..50u64)
        .map(|n| submit(&workers, move || Ok::<_, ()>(n * n)))
        .collect();
    let results: Vec<_> = handles.into_iter().rev().map(|h| h.result()).collect();
    let expected: Vec<_> = (0..50u64).rev().map(|n| Ok(n * n)).collect();
    assert_eq!(results, expected);
}
