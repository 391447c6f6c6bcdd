//! `threads-semaphore` under stress: many threads, few permits, many
//! rounds; never more holders than permits, every permit back at the end.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use threads_exercises::semaphore::Semaphore;

#[test]
fn never_more_holders_than_permits_under_load() {
    const THREADS: usize = 16;
    const ROUNDS: usize = 2_000;
    for permits in [1, 3] {
        let semaphore = Semaphore::new(permits);
        let inside = AtomicUsize::new(0);
        let passes = AtomicUsize::new(0);
        thread::scope(|scope| {
            for t in 0..THREADS {
                let (semaphore, inside, passes) = (&semaphore, &inside, &passes);
                scope.spawn(move || {
                    for round in 0..ROUNDS {
                        // A mix of waiting and trying.
                        let permit = if (t + round) % 4 == 0 {
                            semaphore.try_acquire()
                        } else {
                            Some(semaphore.acquire())
                        };
                        if let Some(_permit) = permit {
                            let now = inside.fetch_add(1, Ordering::SeqCst) + 1;
                            assert!(now <= permits, "{now} holders of {permits} permits");
                            passes.fetch_add(1, Ordering::SeqCst);
                            inside.fetch_sub(1, Ordering::SeqCst);
                        }
                    }
                });
            }
        });
        assert_eq!(semaphore.available(), permits, "every permit came back");
        assert!(passes.load(Ordering::SeqCst) >= THREADS * ROUNDS * 3 / 4);
    }
}
