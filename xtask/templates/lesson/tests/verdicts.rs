//! Every verdict can come out "no": each control runs the broken variant of
//! a claim for real and feeds its evidence to the same verdict function the
//! program prints.

use std::thread;

use __CRATE__::verdict;
use kit::Verdict;

/// The broken variant: each thread sums its chunk, but only the first
/// thread's total is kept (the others' results are dropped, as when a
/// thread's result is never joined).
fn sum_keeping_only_the_first_thread(numbers: &[u64], threads: usize) -> u64 {
    let chunk = numbers.len().div_ceil(threads);
    thread::scope(|s| {
        let mut handles: Vec<_> = numbers
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().sum::<u64>()))
            .collect();
        handles.remove(0).join().expect("adding numbers does not panic")
    })
}

#[test]
fn verdict_adds_up_to_one_through_can_fail() {
    let numbers: Vec<u64> = (1..=1_000).collect();
    let total = sum_keeping_only_the_first_thread(&numbers, 4);
    assert_eq!(verdict::adds_up_to_one_through(1_000, total), Verdict::No);
}
