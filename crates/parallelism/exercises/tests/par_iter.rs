//! `parallelism-rayon`: the behaviour, on a pool of four threads (so that
//! the tests do not depend on the machine's cores). The first pair waits
//! (up to 2 s) until another thread has computed a pair: on rayon, one
//! soon does, and the first answer comes last; on one thread, nobody does.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};
use std::thread::{self, ThreadId};
use std::time::{Duration, Instant};

use parallelism_exercises::par_iter::gcds_with_rayon;
use parallelism_exercises::{Pair, gcd, pairs};

fn pool_of_four() -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(4)
        .build()
        .expect("a pool of four threads builds")
}

/// Runs `gcds_with_rayon` on a pool of four: the answers, the threads that
/// computed them, and whether the first pair waited in vain.
fn run(work: &[Pair]) -> (Vec<u64>, HashSet<ThreadId>, bool) {
    let threads = Mutex::new(HashSet::new());
    let done_elsewhere = AtomicUsize::new(0);
    let waited_in_vain = AtomicBool::new(false);
    let first = work[0];
    let answers = pool_of_four().install(|| {
        gcds_with_rayon(work, |pair| {
            threads
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .insert(thread::current().id());
            if pair == first {
                let deadline = Instant::now() + Duration::from_secs(2);
                while done_elsewhere.load(Ordering::SeqCst) == 0 {
                    if Instant::now() >= deadline {
                        waited_in_vain.store(true, Ordering::SeqCst);
                        break;
                    }
                    thread::sleep(Duration::from_millis(1));
                }
            } else {
                done_elsewhere.fetch_add(1, Ordering::SeqCst);
            }
            gcd(pair)
        })
    });
    (
        answers,
        threads.into_inner().unwrap_or_else(PoisonError::into_inner),
        waited_in_vain.into_inner(),
    )
}

#[test]
fn more_than_one_thread_computes_pairs() {
    let work: Vec<Pair> = (1..=64u64).map(|n| (n * 3, n * 5)).collect();
    let (_, threads, waited_in_vain) = run(&work);
    assert!(
        threads.len() > 1 && !waited_in_vain,
        "only one thread computed pairs on a pool of four (the first pair waited 2 s for \
         another thread to compute anything): is it `.iter()` where `.par_iter()` was meant?"
    );
    assert!(threads.len() <= 4, "the pool has four threads");
    assert!(
        !threads.contains(&thread::current().id()),
        "the pairs are computed on the pool's threads, not the caller's"
    );
}

#[test]
fn the_answers_come_back_in_input_order() {
    let work: Vec<Pair> = (1..=64u64).map(|n| (n * 3, n * 5)).collect();
    let (answers, _, _) = run(&work);
    let expected: Vec<u64> = (1..=64u64).collect();
    assert_eq!(
        answers, expected,
        "the answers must come back in input order (the first pair's answer was computed last)"
    );
}

#[test]
fn the_items_workload_gets_the_same_answers_as_one_thread() {
    let work = pairs(64, 40, 1_000, 20_000);
    let one_thread: Vec<u64> = work.iter().map(|&pair| gcd(pair)).collect();
    assert_eq!(
        gcds_with_rayon(&work, gcd),
        one_thread,
        "on the global pool"
    );
    assert_eq!(
        pool_of_four().install(|| gcds_with_rayon(&work, gcd)),
        one_thread,
        "on a pool of four"
    );
    assert!(gcds_with_rayon(&[], gcd).is_empty());
}
