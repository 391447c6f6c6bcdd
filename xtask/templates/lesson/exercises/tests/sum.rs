//! `__LESSON__-sum`: every number counted once, whatever the thread count.

use __CRATE___exercises::sum::sum_in_threads;

#[test]
fn every_number_is_counted_once_on_any_number_of_threads() {
    let numbers: Vec<u64> = (1..=1_000).collect();
    for threads in [1, 2, 3, 4, 7, 1_000, 5_000] {
        assert_eq!(
            sum_in_threads(&numbers, threads),
            500_500,
            "on {threads} threads the total is wrong: is every chunk's sum added, once?"
        );
    }
}

#[test]
fn an_empty_slice_sums_to_zero() {
    assert_eq!(sum_in_threads(&[], 4), 0, "an empty slice has nothing to add");
}

#[test]
fn zero_threads_means_one() {
    assert_eq!(
        sum_in_threads(&[1, 2, 3], 0),
        6,
        "asked for 0 threads, use 1 (`chunks(0)` panics)"
    );
}
