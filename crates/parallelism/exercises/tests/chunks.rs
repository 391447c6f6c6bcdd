//! `parallelism-chunks`: the behaviour. Which thread computed which pair is
//! recorded (the pairs are numbered), so the cut can be checked exactly:
//! one contiguous run per thread, lengths differing by at most one, the
//! longer first. A chunk that finishes last must still come back first.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};
use std::thread::{self, ThreadId};
use std::time::{Duration, Instant};

use parallelism_exercises::chunks::gcds_on_threads;
use parallelism_exercises::{Pair, gcd, pairs};

/// Pair number `i` is `(i + 1, 2 * (i + 1))`: its gcd is `i + 1`.
fn numbered(len: usize) -> Vec<Pair> {
    (1..=len as u64).map(|n| (n, 2 * n)).collect()
}

/// The chunk lengths each thread got, in the order of the pairs; panics if
/// a thread's pairs were not one contiguous run.
fn cut(len: usize, threads: usize) -> Vec<usize> {
    let seen: Mutex<Vec<Option<ThreadId>>> = Mutex::new(vec![None; len]);
    let answers = gcds_on_threads(&numbered(len), threads, |pair| {
        let index = usize::try_from(pair.0 - 1).expect("small");
        seen.lock().unwrap_or_else(PoisonError::into_inner)[index] = Some(thread::current().id());
        gcd(pair)
    });
    assert_eq!(
        answers,
        (1..=len as u64).collect::<Vec<_>>(),
        "{len} pairs on {threads} threads: every answer, in input order"
    );
    let seen = seen.into_inner().unwrap_or_else(PoisonError::into_inner);
    let mut runs: Vec<(ThreadId, usize)> = Vec::new();
    for thread in seen
        .into_iter()
        .map(|t| t.expect("every pair was computed"))
    {
        match runs.last_mut() {
            Some((last, n)) if *last == thread => *n += 1,
            _ => {
                assert!(
                    runs.iter().all(|(t, _)| *t != thread),
                    "{len} pairs on {threads} threads: a thread's pairs must be one chunk of \
                     neighbouring pairs"
                );
                runs.push((thread, 1));
            }
        }
    }
    runs.into_iter().map(|(_, n)| n).collect()
}

#[test]
fn the_chunks_are_equal_the_longer_first() {
    for (len, threads, expected) in [
        (10, 4, vec![3, 3, 2, 2]),
        (9, 4, vec![3, 2, 2, 2]),
        (8, 4, vec![2, 2, 2, 2]),
        (40, 4, vec![10, 10, 10, 10]),
        (7, 3, vec![3, 2, 2]),
        (2, 4, vec![1, 1]),
        (5, 1, vec![5]),
    ] {
        let got = cut(len, threads);
        assert_eq!(
            got, expected,
            "unequal chunks: {len} pairs on {threads} threads were cut {got:?}; equal chunks \
             are {expected:?} (lengths differing by at most one, the longer first, no thread \
             for an empty chunk)"
        );
    }
}

#[test]
fn answers_in_input_order_even_when_the_first_chunk_finishes_last() {
    const PAIRS: usize = 12;
    const LIMIT: Duration = Duration::from_secs(2);
    let done_elsewhere = AtomicUsize::new(0);
    let waited_in_vain = Mutex::new(false);
    let answers = gcds_on_threads(&numbered(PAIRS), 4, |pair| {
        // The first chunk (pairs 1 to 3) waits until the other nine pairs
        // are done, so its thread finishes last.
        if pair.0 <= 3 {
            let deadline = Instant::now() + LIMIT;
            while done_elsewhere.load(Ordering::SeqCst) < PAIRS - 3 {
                if Instant::now() >= deadline {
                    *waited_in_vain
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner) = true;
                    break;
                }
                thread::sleep(Duration::from_millis(1));
            }
        } else {
            done_elsewhere.fetch_add(1, Ordering::SeqCst);
        }
        gcd(pair)
    });
    assert!(
        !*waited_in_vain
            .lock()
            .unwrap_or_else(PoisonError::into_inner),
        "the first chunk's thread waited {LIMIT:?} for the other chunks: the threads ran one \
         after another, not at once"
    );
    assert_eq!(
        answers,
        (1..=PAIRS as u64).collect::<Vec<_>>(),
        "the answers must come back in input order, not in the order the threads finished"
    );
}

#[test]
fn the_items_workload_gets_the_same_answers_as_one_thread() {
    let work = pairs(64, 40, 1_000, 20_000);
    let one_thread: Vec<u64> = work.iter().map(|&pair| gcd(pair)).collect();
    assert_eq!(gcds_on_threads(&work, 4, gcd), one_thread);
    assert_eq!(gcds_on_threads(&work, 3, gcd), one_thread);
    assert!(gcds_on_threads(&[], 4, gcd).is_empty());
}
