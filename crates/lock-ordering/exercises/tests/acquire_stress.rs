//! `lock-ordering-acquire` under stress: six threads take random sets of
//! four locks, named in random orders, many times; nothing deadlocks (the
//! checker's time limit is the watchdog) and every update lands.

use std::thread;

use lock_ordering_exercises::acquire::{OrderedMutex, acquire};

/// A small xorshift: the same "random" sets on every run.
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn random_sets_in_random_orders_never_deadlock_and_lose_nothing() {
    const THREADS: u64 = 6;
    const ROUNDS: usize = 20_000;
    let locks: Vec<OrderedMutex<u64>> = ["w", "x", "y", "z"]
        .into_iter()
        .map(|name| OrderedMutex::new(name, 0))
        .collect();
    let expected: Vec<Vec<u64>> = thread::scope(|s| {
        let workers: Vec<_> = (0..THREADS)
            .map(|seed| {
                let locks = &locks;
                s.spawn(move || {
                    let mut state = 0x9E37_79B9_7F4A_7C15 ^ (seed + 1);
                    let mut mine = vec![0u64; locks.len()];
                    for _ in 0..ROUNDS {
                        // Shuffle the four, keep the first 2 to 4.
                        let mut picked: Vec<usize> = (0..locks.len()).collect();
                        for i in (1..picked.len()).rev() {
                            let j = (next(&mut state) % (i as u64 + 1)) as usize;
                            picked.swap(i, j);
                        }
                        picked.truncate(2 + (next(&mut state) % 3) as usize);
                        let named: Vec<&OrderedMutex<u64>> =
                            picked.iter().map(|&i| &locks[i]).collect();
                        let mut guard = acquire(&named).expect("no lock is named twice");
                        for (at, &lock) in picked.iter().enumerate() {
                            guard[at] += 1;
                            mine[lock] += 1;
                        }
                    }
                    mine
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().expect("a worker does not panic"))
            .collect()
    });
    let all: Vec<&OrderedMutex<u64>> = locks.iter().collect();
    let totals = acquire(&all).expect("no lock is named twice");
    for (i, lock) in locks.iter().enumerate() {
        let want: u64 = expected.iter().map(|mine| mine[i]).sum();
        assert_eq!(totals[i], want, "lock {}: updates lost", lock.name());
    }
}
