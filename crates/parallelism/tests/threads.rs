//! Scoped threads and rayon: the same answers in the same order, however
//! the pairs are shared out.

use parallelism::verdict::distinct_threads;
use parallelism::{Handout, address_range, gcd, gcds_on_threads, gcds_with_rayon, pairs};

fn small_input() -> Vec<(u64, u64)> {
    pairs(7, 13, 1_000, 5_000)
}

fn one_thread(input: &[(u64, u64)]) -> Vec<u64> {
    input.iter().map(|&pair| gcd(pair)).collect()
}

#[test]
fn any_number_of_threads_gives_the_answers_in_input_order() {
    let input = small_input();
    let expected = one_thread(&input);
    for threads in [1, 2, 3, 4, 13, 20] {
        let shares = gcds_on_threads(&input, threads, gcd, Handout::Borrow);
        let answers: Vec<u64> = shares.into_iter().flat_map(|share| share.answers).collect();
        assert_eq!(answers, expected, "with {threads} threads");
    }
}

#[test]
fn thirteen_pairs_over_four_threads_are_chunks_of_four_four_four_one() {
    let input = small_input();
    let shares = gcds_on_threads(&input, 4, gcd, Handout::Borrow);
    let sizes: Vec<usize> = shares.iter().map(|share| share.answers.len()).collect();
    assert_eq!(sizes, [4, 4, 4, 1]);
    assert_eq!(distinct_threads(shares.iter().map(|share| share.thread)), 4);
}

#[test]
fn more_threads_than_pairs_starts_one_thread_per_pair() {
    let input = small_input();
    let shares = gcds_on_threads(&input[..3], 8, gcd, Handout::Borrow);
    assert_eq!(shares.len(), 3);
}

#[test]
fn no_pairs_start_no_threads() {
    assert!(gcds_on_threads(&[], 4, gcd, Handout::Borrow).is_empty());
}

#[test]
fn borrowed_chunks_are_main_memory_and_copies_are_not() {
    let input = small_input();
    let whole = address_range(&input);
    let borrowed = gcds_on_threads(&input, 4, gcd, Handout::Borrow);
    let views: Vec<_> = borrowed
        .iter()
        .map(|share| share.read_from.clone())
        .collect();
    // The four views tile main's vector exactly: 4 + 4 + 4 + 1 pairs.
    let pair = std::mem::size_of::<(u64, u64)>();
    assert_eq!(views[0].start, whole.start);
    assert_eq!(views[3].end, whole.end);
    assert_eq!(views[1].start - views[0].start, 4 * pair);
    let copied = gcds_on_threads(&input, 4, gcd, Handout::Copy);
    for share in &copied {
        assert!(share.read_from.end <= whole.start || share.read_from.start >= whole.end);
    }
}

#[test]
#[should_panic(expected = "at least one thread")]
fn zero_threads_is_refused() {
    gcds_on_threads(&small_input(), 0, gcd, Handout::Borrow);
}

#[test]
fn rayon_gives_the_answers_in_input_order() {
    let input = small_input();
    let answered = gcds_with_rayon(&input, gcd);
    let answers: Vec<u64> = answered.iter().map(|&(answer, _)| answer).collect();
    assert_eq!(answers, one_thread(&input));
}

#[test]
fn rayon_in_a_pool_of_one_uses_that_one_thread_only() {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let answered = pool.install(|| gcds_with_rayon(&small_input(), gcd));
    assert_eq!(
        distinct_threads(answered.iter().map(|&(_, thread)| thread)),
        1
    );
}
