//! The Item's workload: the greatest common divisor of many pairs of numbers,
//! found the slow way, so that there is enough computing to share out.

/// A pair of numbers whose greatest common divisor is wanted.
pub type Pair = (u64, u64);

// ANCHOR: gcd
/// The greatest common divisor of `a` and `b`, found as Item 64 finds it: try
/// every candidate from the smaller number down, and stop at the first that
/// divides both. Deliberately slow (Euclid's algorithm, [`euclid`], is
/// instant): about `min(a, b)` divisions per pair.
///
/// ```
/// assert_eq!(parallelism::gcd((12, 18)), 6);
/// assert_eq!(parallelism::gcd((7, 7)), 7);
/// assert_eq!(parallelism::gcd((9, 28)), 1);
/// ```
///
/// # Panics
///
/// If either number is zero (every number divides zero; the Item's input
/// never has one).
pub fn gcd((a, b): Pair) -> u64 {
    assert!(a > 0 && b > 0, "gcd of {a} and {b}: both must be positive");
    let mut candidate = a.min(b);
    while a % candidate != 0 || b % candidate != 0 {
        candidate -= 1;
    }
    candidate
}
// ANCHOR_END: gcd

/// `gcd(pair)`, and, when the chapter's pictures are being recorded, a note
/// of how long it took and how much of that time its thread really ran:
/// `trace::work` times the one pair as a slice of work against the thread's
/// CPU time, so a thread kept waiting for a core shows as waiting, not as
/// working. Off, it is `gcd(pair)` and a branch.
///
/// ```
/// assert_eq!(parallelism::timed(parallelism::gcd, (12, 18)), 6);
/// ```
pub fn timed(gcd: fn(Pair) -> u64, pair: Pair) -> u64 {
    trace::work([pair]).map(gcd).sum()
}

/// Euclid's algorithm: the same answer as [`gcd`] in a few dozen steps. The
/// lesson checks the slow answers against it.
///
/// ```
/// assert_eq!(parallelism::euclid((1_071, 462)), 21);
/// assert_eq!(parallelism::euclid((5, 0)), 5);
/// ```
pub fn euclid((mut a, mut b): Pair) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// How many candidates [`gcd`] tries for `pair`: a measure of its work that is
/// the same on every machine.
///
/// ```
/// assert_eq!(parallelism::candidates_tried((12, 18)), 7); // 12, 11, ..., 6
/// ```
pub fn candidates_tried(pair: Pair) -> u64 {
    pair.0.min(pair.1) - euclid(pair) + 1
}

// ANCHOR: pairs
/// A tiny linear congruential generator (Knuth's MMIX constants): the same
/// numbers from the same seed on every machine, with no dependency.
#[derive(Debug, Clone)]
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Self {
        Lcg(seed)
    }

    /// The next number in `low..high` (the generator's high bits, which are
    /// the well-mixed ones; the slight bias of `%` does not matter here).
    pub fn next_in(&mut self, low: u64, high: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        low + (self.0 >> 33) % (high - low)
    }
}

/// `count` pairs of numbers in `low..high`, from `seed`: the lesson's input.
///
/// ```
/// let pairs = parallelism::pairs(7, 3, 100, 200);
/// assert_eq!(pairs, parallelism::pairs(7, 3, 100, 200)); // the same every time
/// assert!(pairs.iter().all(|&(a, b)| (100..200).contains(&a) && (100..200).contains(&b)));
/// ```
pub fn pairs(seed: u64, count: usize, low: u64, high: u64) -> Vec<Pair> {
    let mut lcg = Lcg::new(seed);
    (0..count)
        .map(|_| (lcg.next_in(low, high), lcg.next_in(low, high)))
        .collect()
}
// ANCHOR_END: pairs
