//! The workload: the slow gcd, Euclid's, and the seeded input.

use parallelism::{Lcg, candidates_tried, euclid, gcd, pairs};

#[test]
fn the_slow_gcd_agrees_with_euclid_on_every_small_pair() {
    for a in 1..=60 {
        for b in 1..=60 {
            assert_eq!(gcd((a, b)), euclid((a, b)), "gcd of {a} and {b}");
        }
    }
}

#[test]
fn the_slow_gcd_finds_the_greatest_divisor_not_the_first() {
    assert_eq!(gcd((2 * 3 * 5 * 7, 3 * 5 * 7 * 11)), 105);
    assert_eq!(gcd((1_000_000, 999_999)), 1);
    assert_eq!(gcd((4_999_999, 4_999_999)), 4_999_999);
}

#[test]
#[should_panic(expected = "both must be positive")]
fn the_slow_gcd_refuses_zero() {
    gcd((0, 5));
}

#[test]
fn candidates_tried_counts_from_the_smaller_number_down_to_the_gcd() {
    assert_eq!(candidates_tried((12, 18)), 7);
    assert_eq!(candidates_tried((9, 28)), 9);
    assert_eq!(candidates_tried((5, 5)), 1);
}

#[test]
fn the_generator_gives_the_same_numbers_from_the_same_seed() {
    let mut first = Lcg::new(64);
    let mut again = Lcg::new(64);
    let mut other = Lcg::new(65);
    let a: Vec<u64> = (0..5).map(|_| first.next_in(0, 1000)).collect();
    let b: Vec<u64> = (0..5).map(|_| again.next_in(0, 1000)).collect();
    let c: Vec<u64> = (0..5).map(|_| other.next_in(0, 1000)).collect();
    assert_eq!(a, b);
    assert_ne!(a, c);
}

#[test]
fn the_lessons_input_is_pinned() {
    // The numbers the snapshot's figures depend on (and the Python side
    // generates with the same generator).
    let input = pairs(64, 40, 2_000_000, 5_000_000);
    assert_eq!(input.len(), 40);
    assert_eq!(input[..2], PINNED);
    assert!(
        input
            .iter()
            .all(|&(a, b)| (2_000_000..5_000_000).contains(&a)
                && (2_000_000..5_000_000).contains(&b))
    );
    let candidates: u64 = input.iter().map(|&pair| candidates_tried(pair)).sum();
    assert_eq!(candidates, 119_238_931);
}

const PINNED: [(u64, u64); 2] = [(2_821_417, 3_876_232), (3_303_599, 2_697_447)];
