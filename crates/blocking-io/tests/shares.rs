//! The splits of `blocking_io::shares`: equal shares cover every candidate of every number
//! exactly once, in order, in slices that differ by at most one division;
//! one share per number is the numbers themselves; and whatever the split,
//! the threads find the divisors one thread finds, and count every division.

use std::num::{NonZeroU64, NonZeroUsize};

use blocking_io::shares::{
    Piece, Share, divisors_in_shares, equal_shares, one_share_per_number, work, work_on,
};
use blocking_io::{NUMBERS, divisors};

fn non_zero(n: u64) -> NonZeroU64 {
    NonZeroU64::new(n).expect("the tests pass no zero")
}

fn workers(n: usize) -> NonZeroUsize {
    NonZeroUsize::new(n).expect("the tests pass no zero")
}

/// Every (number's index, candidate) a split asks for, in the order of the
/// shares and of the pieces in them.
fn row(shares: &[Share]) -> Vec<(usize, u64)> {
    shares
        .iter()
        .flatten()
        .flat_map(|piece| piece.candidates.clone().map(|c| (piece.index, c)))
        .collect()
}

/// The row a single thread works through: each number's 1..=n, in turn.
fn whole_row(numbers: &[NonZeroU64]) -> Vec<(usize, u64)> {
    numbers
        .iter()
        .enumerate()
        .flat_map(|(i, n)| (1..=n.get()).map(move |c| (i, c)))
        .collect()
}

#[test]
fn equal_shares_cover_every_candidate_once_in_order() {
    let numbers = [12, 1, 7, 30, 5].map(non_zero);
    for n in 1..=60 {
        let shares = equal_shares(&numbers, workers(n));
        assert_eq!(shares.len(), n);
        assert_eq!(row(&shares), whole_row(&numbers), "{n} workers");
        for piece in shares.iter().flatten() {
            assert_eq!(piece.number, numbers[piece.index]);
            assert!(!piece.candidates.is_empty(), "{n} workers: {piece:?}");
        }
    }
}

#[test]
fn equal_shares_differ_by_at_most_one_division() {
    let numbers = [12, 1, 7, 30, 5].map(non_zero); // 55 divisions
    for n in 1..=60 {
        let sizes: Vec<u64> = equal_shares(&numbers, workers(n))
            .iter()
            .map(|share| work(share))
            .collect();
        let (least, most) = (sizes.iter().min().unwrap(), sizes.iter().max().unwrap());
        assert!(most - least <= 1, "{n} workers: {sizes:?}");
        assert_eq!(sizes.iter().sum::<u64>(), 55);
    }
    // More workers than divisions: some get nothing at all.
    let sizes: Vec<u64> = equal_shares(&[non_zero(2)], workers(3))
        .iter()
        .map(|share| work(share))
        .collect();
    assert_eq!(sizes, [0, 1, 1]);
}

#[test]
fn the_notes_numbers_in_two_equal_shares() {
    // 6722760 divisions: 3361380 each; the cut falls 7542 candidates into
    // the third number, 1516637.
    let shares = equal_shares(&NUMBERS, workers(2));
    let pieces: Vec<Vec<(u64, u64, u64)>> = shares
        .iter()
        .map(|share| {
            share
                .iter()
                .map(|p| (p.number.get(), *p.candidates.start(), *p.candidates.end()))
                .collect()
        })
        .collect();
    assert_eq!(
        pieces,
        [
            vec![
                (2139079, 1, 2139079),
                (1214759, 1, 1214759),
                (1516637, 1, 7542)
            ],
            vec![(1516637, 7543, 1516637), (1852285, 1, 1852285)],
        ]
    );
    assert_eq!(
        shares.iter().map(|s| work(s)).collect::<Vec<_>>(),
        [3361380, 3361380]
    );
}

#[test]
fn one_share_per_number_is_each_number_whole() {
    let shares = one_share_per_number(&NUMBERS);
    assert_eq!(row(&shares), whole_row(&NUMBERS));
    let sizes: Vec<u64> = shares.iter().map(|share| work(share)).collect();
    assert_eq!(sizes, NUMBERS.map(NonZeroU64::get));
}

#[test]
fn work_on_counts_every_division_it_makes() {
    let share = vec![
        Piece {
            index: 1,
            number: non_zero(36),
            candidates: 4..=12,
        },
        Piece {
            index: 0,
            number: non_zero(97),
            candidates: 90..=97,
        },
    ];
    let done = work_on(&share);
    assert_eq!(done.found, [(1, vec![4, 6, 9, 12]), (0, vec![97])]);
    assert_eq!(done.divisions, 9 + 8);
    assert_eq!(done.divisions, work(&share));
}

#[test]
fn any_number_of_equal_shares_finds_what_one_thread_finds() {
    let numbers = [36, 97, 1, 120, 64].map(non_zero);
    let one_thread: Vec<Vec<u64>> = numbers.iter().map(|&n| divisors(n)).collect();
    for n in 1..=20 {
        let shared = divisors_in_shares(&numbers, equal_shares(&numbers, workers(n)));
        assert_eq!(shared.divisors, one_thread, "{n} workers");
        assert_eq!(shared.divisions.len(), n);
        assert_eq!(shared.divisions.iter().sum::<u64>(), 36 + 97 + 1 + 120 + 64);
    }
}

#[test]
fn the_notes_numbers_in_equal_shares_and_one_per_number() {
    let one_thread: Vec<Vec<u64>> = NUMBERS.iter().map(|&n| divisors(n)).collect();
    let equal = divisors_in_shares(&NUMBERS, equal_shares(&NUMBERS, workers(3)));
    assert_eq!(equal.divisors, one_thread);
    assert_eq!(equal.divisions, [2240920, 2240920, 2240920]);
    let per_number = divisors_in_shares(&NUMBERS, one_share_per_number(&NUMBERS));
    assert_eq!(per_number.divisors, one_thread);
    assert_eq!(per_number.divisions, NUMBERS.map(NonZeroU64::get));
}

#[test]
fn no_shares_no_threads_no_divisors_found() {
    let shared = divisors_in_shares(&NUMBERS, Vec::new());
    assert_eq!(shared.divisors, vec![Vec::<u64>::new(); 4]);
    assert!(shared.divisions.is_empty());
}
