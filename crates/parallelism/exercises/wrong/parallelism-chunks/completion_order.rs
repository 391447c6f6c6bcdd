//! expect: input order
//! Equal chunks, but each thread sends its answers down a channel as it
//! finishes, and the parent concatenates them in the order they arrive:
//! the order the threads finished in, not the order of the pairs.

use std::sync::mpsc;
use std::thread;

use crate::Pair;

/// Applies `gcd` to every pair on `threads` scoped threads, one equal chunk
/// each; returns the answers in the order of `pairs`.
pub fn gcds_on_threads<F>(pairs: &[Pair], threads: usize, gcd: F) -> Vec<u64>
where
    F: Fn(Pair) -> u64 + Sync,
{
    assert!(threads > 0, "at least one thread is needed");
    let (base, extra) = (pairs.len() / threads, pairs.len() % threads);
    let gcd = &gcd;
    let (tx, rx) = mpsc::channel();
    thread::scope(|s| {
        let mut rest = pairs;
        for i in 0..threads {
            let len = base + usize::from(i < extra);
            if len == 0 {
                break;
            }
            let (chunk, tail) = rest.split_at(len);
            rest = tail;
            let tx = tx.clone();
            s.spawn(move || {
                let answers: Vec<u64> = chunk.iter().map(|&p| gcd(p)).collect();
                let _ = tx.send(answers);
            });
        }
    });
    drop(tx);
    rx.into_iter().flatten().collect()
}
