//! `lock-ordering-held` under stress: eight threads nest random increasing
//! chains of five locks (always allowed) and then try one lock out of order
//! (always refused), many times; the lists end empty and no update is lost.

use std::thread;

use lock_ordering_exercises::held::{CheckedMutex, LockOrderViolation, held_locks};

fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn in_order_is_always_allowed_out_of_order_always_refused() {
    const THREADS: u64 = 8;
    const ROUNDS: usize = 50_000;
    let names = ["l0", "l1", "l2", "l3", "l4"];
    let locks: Vec<CheckedMutex<u64>> = names.iter().map(|&n| CheckedMutex::new(n, 0)).collect();
    let counted: Vec<Vec<u64>> = thread::scope(|s| {
        let workers: Vec<_> = (0..THREADS)
            .map(|seed| {
                let locks = &locks;
                s.spawn(move || {
                    let mut state = 0x2545_F491_4F6C_DD1D ^ (seed + 1);
                    let mut mine = vec![0u64; locks.len()];
                    for _ in 0..ROUNDS {
                        // A random subset, taken in rank order, nested.
                        let mask = next(&mut state) % 31 + 1;
                        let chain: Vec<usize> =
                            (0..locks.len()).filter(|i| mask & (1 << i) != 0).collect();
                        let mut guards = Vec::new();
                        for &i in &chain {
                            let mut guard = locks[i].lock().expect("taken in rank order");
                            *guard += 1;
                            mine[i] += 1;
                            guards.push(guard);
                        }
                        let top = *chain.last().expect("at least one lock");
                        // Anything at or below the top is out of order.
                        let wrong = (next(&mut state) % (top as u64 + 1)) as usize;
                        assert_eq!(
                            locks[wrong].lock().map(drop),
                            Err(LockOrderViolation {
                                wanted: names[wrong],
                                held: names[top],
                            })
                        );
                        let expected: Vec<&str> = chain.iter().map(|&i| names[i]).collect();
                        assert_eq!(held_locks(), expected);
                        drop(guards);
                        assert!(held_locks().is_empty());
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
    for (i, lock) in locks.iter().enumerate() {
        let want: u64 = counted.iter().map(|mine| mine[i]).sum();
        assert_eq!(
            *lock.lock().expect("nothing held"),
            want,
            "{}: updates lost",
            lock.name()
        );
    }
}
