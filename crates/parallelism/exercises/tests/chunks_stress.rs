//! `parallelism-chunks` under stress: every length from 0 to 60 on 1 to 8
//! threads, many times over; every answer in input order, and the chunks
//! equal (counted per thread).

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::thread;

use parallelism_exercises::chunks::gcds_on_threads;
use parallelism_exercises::gcd;

#[test]
fn every_length_on_every_thread_count() {
    for round in 0..3u64 {
        for len in 0..=60usize {
            for threads in 1..=8usize {
                let pairs: Vec<(u64, u64)> = (1..=len as u64)
                    .map(|n| (n * 6 + round, n * 4 + round))
                    .collect();
                let per_thread = Mutex::new(HashMap::new());
                let answers = gcds_on_threads(&pairs, threads, |pair| {
                    *per_thread
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .entry(thread::current().id())
                        .or_insert(0usize) += 1;
                    gcd(pair)
                });
                let expected: Vec<u64> = pairs.iter().map(|&p| gcd(p)).collect();
                assert_eq!(answers, expected, "{len} pairs on {threads} threads");
                let mut counts: Vec<usize> = per_thread
                    .into_inner()
                    .unwrap_or_else(PoisonError::into_inner)
                    .into_values()
                    .collect();
                counts.sort_unstable();
                let chunks = len.min(threads);
                assert_eq!(
                    counts.len(),
                    chunks,
                    "{len} pairs on {threads} threads: threads used"
                );
                if let (Some(min), Some(max)) = (counts.first(), counts.last()) {
                    assert!(
                        max - min <= 1,
                        "{len} pairs on {threads} threads: {counts:?}"
                    );
                }
            }
        }
    }
}
