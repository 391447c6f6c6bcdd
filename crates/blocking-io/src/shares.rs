//! The factorising work split into shares, one thread per share: what
//! `factorising_in_equal_shares_one_per_core`, in `main.rs`, runs.
//!
//! The work of [`divisors`](crate::divisors) is one trial division per
//! candidate, so a number `n` is `n` units of work, and the four numbers are
//! one long row of 6 722 760 candidates. A *split* cuts that row into shares,
//! one per thread:
//!
//! - [`one_share_per_number`]: a thread per number, as
//!   `factorising_on_one_thread_per_number` runs them; the shares are as
//!   unequal as the numbers.
//! - [`equal_shares`]: the row cut into as many slices as there are workers,
//!   of equal length (to within one candidate), whatever the numbers; a slice
//!   may end part-way through one number and the next slice go on with it.
//!
//! [`divisors_in_shares`] runs any split, one thread per share. Each thread
//! counts the trial divisions it makes, so the program can show how evenly
//! the work was shared from a count, not from a clock. The threads share no
//! mutable state: each owns its share and returns what it found.

use std::num::{NonZeroU64, NonZeroUsize};
use std::ops::RangeInclusive;

use crate::one_thread_each;

// ANCHOR: piece
/// A stretch of one number's candidates: try every `candidates` on `number`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Which of the numbers this is (its position in the caller's list).
    pub index: usize,
    /// The number to divide.
    pub number: NonZeroU64,
    /// The candidates to try, a part of `1..=number`.
    pub candidates: RangeInclusive<u64>,
}

/// One thread's work: pieces of one or more numbers.
pub type Share = Vec<Piece>;
// ANCHOR_END: piece

/// A thread per number: one share per number, the whole of `1..=number`.
///
/// ```
/// use std::num::NonZeroU64;
/// use blocking_io::shares::{one_share_per_number, work};
///
/// let numbers = [10, 3].map(|n| NonZeroU64::new(n).expect("not zero"));
/// let shares = one_share_per_number(&numbers);
/// assert_eq!(shares.iter().map(|share| work(share)).collect::<Vec<_>>(), [10, 3]);
/// ```
pub fn one_share_per_number(numbers: &[NonZeroU64]) -> Vec<Share> {
    numbers
        .iter()
        .enumerate()
        .map(|(index, &number)| {
            vec![Piece {
                index,
                number,
                candidates: 1..=number.get(),
            }]
        })
        .collect()
}

// ANCHOR: equal_shares
/// The numbers' candidates laid end to end, one row of `total` trial
/// divisions, cut into `workers` slices of equal length: slice `w` is
/// positions `total * w / workers` up to `total * (w + 1) / workers` of the
/// row, so no two slices differ by more than one division. Where a slice
/// crosses from one number into the next, it holds a piece of each.
///
/// ```
/// use std::num::{NonZeroU64, NonZeroUsize};
/// use blocking_io::shares::{equal_shares, work};
///
/// let numbers = [10, 3].map(|n| NonZeroU64::new(n).expect("not zero"));
/// let two = NonZeroUsize::new(2).expect("not zero");
/// let shares = equal_shares(&numbers, two);
/// // 13 divisions: 6 and 7. The second slice finishes 10, then does 3.
/// assert_eq!(shares.iter().map(|share| work(share)).collect::<Vec<_>>(), [6, 7]);
/// assert_eq!(shares[0][0].candidates, 1..=6);
/// assert_eq!(shares[1][0].candidates, 7..=10);
/// assert_eq!(shares[1][1].candidates, 1..=3);
/// ```
pub fn equal_shares(numbers: &[NonZeroU64], workers: NonZeroUsize) -> Vec<Share> {
    let total: u64 = numbers.iter().map(|n| n.get()).sum();
    let workers = workers.get() as u64;
    // Where slice `w` starts in the row (u128: `total * w` may not fit a u64).
    let start = |w: u64| (u128::from(total) * u128::from(w) / u128::from(workers)) as u64;
    let cuts: Vec<u64> = (0..=workers).map(start).collect();
    cut_row(numbers, &cuts)
}

/// The numbers' candidates laid end to end and cut at `cuts`: share `w` is
/// positions `cuts[w]` up to (not including) `cuts[w + 1]` of the row, where
/// position 0 is the first number's candidate 1. [`equal_shares`] cuts at
/// equal distances; any other cuts make shares of other sizes.
///
/// ```
/// use std::num::NonZeroU64;
/// use blocking_io::shares::{cut_row, work};
///
/// let numbers = [10, 3].map(|n| NonZeroU64::new(n).expect("not zero"));
/// let shares = cut_row(&numbers, &[0, 2, 13]);
/// assert_eq!(shares.iter().map(|share| work(share)).collect::<Vec<_>>(), [2, 11]);
/// ```
pub fn cut_row(numbers: &[NonZeroU64], cuts: &[u64]) -> Vec<Share> {
    cuts.windows(2)
        .map(|slice| {
            let (from, to) = (slice[0], slice[1]); // positions from..to
            let mut share = Share::new();
            let mut row = 0; // where the current number starts in the row
            for (index, &number) in numbers.iter().enumerate() {
                let (first, end) = (row, row + number.get());
                row = end;
                // The overlap of this number's positions first..end with from..to.
                let (lo, hi) = (first.max(from), end.min(to));
                if lo < hi {
                    // Position `first + k` is candidate `k + 1`.
                    share.push(Piece {
                        index,
                        number,
                        candidates: (lo - first + 1)..=(hi - first),
                    });
                }
            }
            share
        })
        .collect()
}
// ANCHOR_END: equal_shares

/// How many trial divisions `share` asks for: the plan, before it runs.
pub fn work(share: &[Piece]) -> u64 {
    share
        .iter()
        .map(|piece| piece.candidates.clone().count() as u64)
        .sum()
}

/// What one thread did with its share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Done {
    /// For each piece, in order: the number's index and the divisors found.
    pub found: Vec<(usize, Vec<u64>)>,
    /// How many trial divisions this thread made, counted as it made them.
    pub divisions: u64,
}

// ANCHOR: work_on
/// Tries every candidate of every piece of `share`, counting each division.
///
/// ```
/// use std::num::NonZeroU64;
/// use blocking_io::shares::{Piece, work_on};
///
/// let twelve = NonZeroU64::new(12).expect("not zero");
/// let done = work_on(&[Piece { index: 0, number: twelve, candidates: 3..=6 }]);
/// assert_eq!(done.found, [(0, vec![3, 4, 6])]);
/// assert_eq!(done.divisions, 4);
/// ```
pub fn work_on(share: &[Piece]) -> Done {
    let mut divisions = 0;
    let found = share
        .iter()
        .map(|piece| {
            let number = piece.number.get();
            let mut found = Vec::new();
            for candidate in piece.candidates.clone() {
                divisions += 1;
                if number.is_multiple_of(candidate) {
                    found.push(candidate);
                }
            }
            (piece.index, found)
        })
        .collect();
    Done { found, divisions }
}
// ANCHOR_END: work_on

/// What a split found, once every thread was joined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shared {
    /// The divisors of each number, in the order of the numbers.
    pub divisors: Vec<Vec<u64>>,
    /// The trial divisions each thread made, in the order of the shares.
    pub divisions: Vec<u64>,
}

// ANCHOR: divisors_in_shares
/// Runs each share on a thread of its own ([`one_thread_each`]), then puts
/// each number's divisors back together: its pieces' lists, joined in the
/// order of the shares and of the pieces in them. A split that keeps each
/// number's candidates in ascending order along the row (both splits above
/// do) gives each list in ascending order, as [`divisors`](crate::divisors)
/// does.
///
/// ```
/// use std::num::{NonZeroU64, NonZeroUsize};
/// use blocking_io::shares::{divisors_in_shares, equal_shares};
///
/// let numbers = [12, 7].map(|n| NonZeroU64::new(n).expect("not zero"));
/// let three = NonZeroUsize::new(3).expect("not zero");
/// let shared = divisors_in_shares(&numbers, equal_shares(&numbers, three));
/// assert_eq!(shared.divisors, [vec![1, 2, 3, 4, 6, 12], vec![1, 7]]);
/// assert_eq!(shared.divisions, [6, 6, 7]);
/// ```
///
/// # Panics
///
/// If a piece names an index that is not one of `numbers`, or (as
/// [`one_thread_each`]) if a thread cannot be started.
pub fn divisors_in_shares(numbers: &[NonZeroU64], shares: Vec<Share>) -> Shared {
    let done: Vec<Done> = one_thread_each(shares.into_iter().map(|share| move || work_on(&share)));
    let mut divisors = vec![Vec::new(); numbers.len()];
    for (index, found) in done.iter().flat_map(|done| &done.found) {
        divisors[*index].extend_from_slice(found);
    }
    let divisions = done.iter().map(|done| done.divisions).collect();
    Shared {
        divisors,
        divisions,
    }
}
// ANCHOR_END: divisors_in_shares
