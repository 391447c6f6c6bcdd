//! The exercises of the `parallelism` lesson (book/src/parallelism.md): each
//! module is a file you edit, checked by `cargo xtask learn check <name>`:
//!
//! - `parallelism-chunks`: [`chunks`], the gcd workload split into equal
//!   chunks over scoped threads, the answers in input order;
//! - `parallelism-rayon`: [`par_iter`], the same with rayon's `par_iter`;
//! - `parallelism-processes`: [`processes`], worker processes (this
//!   package's `gcd-worker` binary) fed over pipes, every one reaped.
//!
//! With `--features solutions` each module is the answer from
//! `solutions/` instead. The workload ([`gcd`], [`pairs`]) and
//! the worker's protocol ([`serve`], [`encode`], [`decode`]) are given.
//!
//! There is no `sync` shim and no loom model here: nothing in these
//! exercises is a primitive shared between threads by hand.
#![cfg_attr(not(feature = "solutions"), allow(clippy::todo, unused))]

#[cfg_attr(feature = "solutions", path = "../solutions/chunks.rs")]
pub mod chunks;
#[cfg_attr(feature = "solutions", path = "../solutions/par_iter.rs")]
pub mod par_iter;
#[cfg_attr(feature = "solutions", path = "../solutions/processes.rs")]
pub mod processes;

use std::io::{self, BufRead, Write};

/// A pair of numbers whose greatest common divisor is wanted.
pub type Pair = (u64, u64);

/// The greatest common divisor the slow way, as Item 64 finds it: every
/// candidate from the smaller number down.
///
/// ```
/// assert_eq!(parallelism_exercises::gcd((12, 18)), 6);
/// assert_eq!(parallelism_exercises::gcd((9, 28)), 1);
/// ```
///
/// # Panics
///
/// If either number is zero.
pub fn gcd((a, b): Pair) -> u64 {
    assert!(a > 0 && b > 0, "gcd of {a} and {b}: both must be positive");
    let mut candidate = a.min(b);
    while a % candidate != 0 || b % candidate != 0 {
        candidate -= 1;
    }
    candidate
}

/// `count` pairs of numbers in `low..high` from `seed` (a linear
/// congruential generator, the lesson's): the same on every run.
///
/// ```
/// let pairs = parallelism_exercises::pairs(7, 3, 100, 200);
/// assert_eq!(pairs, parallelism_exercises::pairs(7, 3, 100, 200));
/// assert!(pairs.iter().all(|&(a, b)| (100..200).contains(&a) && (100..200).contains(&b)));
/// ```
pub fn pairs(seed: u64, count: usize, low: u64, high: u64) -> Vec<Pair> {
    let mut state = seed;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        low + (state >> 33) % (high - low)
    };
    (0..count).map(|_| (next(), next())).collect()
}

/// The worker's side of the protocol: reads one pair per line (`"a b"`)
/// until end of file, then writes one gcd per line. Returns how many it
/// answered. Nothing is written before the input has ended, so a parent may
/// write all of it before reading anything.
///
/// ```
/// let mut output = Vec::new();
/// let answered = parallelism_exercises::serve(&b"12 18\n9 28\n"[..], &mut output).unwrap();
/// assert_eq!((answered, output), (2, b"6\n1\n".to_vec()));
/// ```
///
/// # Errors
///
/// A line that is not two positive numbers is `InvalidData`.
pub fn serve(input: impl BufRead, mut output: impl Write) -> io::Result<usize> {
    let mut pairs = Vec::new();
    for line in input.lines() {
        let line = line?;
        let mut numbers = line.split_whitespace().map(str::parse::<u64>);
        match (numbers.next(), numbers.next(), numbers.next()) {
            (Some(Ok(a)), Some(Ok(b)), None) if a > 0 && b > 0 => pairs.push((a, b)),
            _ => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("not a pair: {line:?}"),
                ));
            }
        }
    }
    for &pair in &pairs {
        writeln!(output, "{}", gcd(pair))?;
    }
    output.flush()?;
    Ok(pairs.len())
}

/// The parent's side: the bytes it writes to a worker for `pairs`.
///
/// ```
/// assert_eq!(parallelism_exercises::encode(&[(12, 18), (9, 28)]), b"12 18\n9 28\n");
/// ```
pub fn encode(pairs: &[Pair]) -> Vec<u8> {
    pairs
        .iter()
        .flat_map(|(a, b)| format!("{a} {b}\n").into_bytes())
        .collect()
}

/// The parent's side: a worker's answers, one number per line.
///
/// ```
/// assert_eq!(parallelism_exercises::decode("6\n1\n").unwrap(), [6, 1]);
/// assert!(parallelism_exercises::decode("6\nsix\n").is_err());
/// ```
///
/// # Errors
///
/// A line that is not a number is `InvalidData`.
pub fn decode(text: &str) -> io::Result<Vec<u64>> {
    text.lines()
        .map(|line| {
            line.parse().map_err(|_| {
                io::Error::new(io::ErrorKind::InvalidData, format!("not a gcd: {line:?}"))
            })
        })
        .collect()
}
