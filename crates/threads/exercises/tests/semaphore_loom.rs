//! `threads-semaphore` under loom: two threads wait on an empty semaphore,
//! one permit arrives; in every interleaving at most one holds it at a time,
//! and both get through.
#![cfg(loom)]

use loom::sync::Arc;
use loom::sync::atomic::{AtomicUsize, Ordering};
use threads_exercises::semaphore::Semaphore;

#[test]
fn one_permit_two_waiters_never_two_holders() {
    kit::schedule::model(|| {
        let semaphore = Arc::new(Semaphore::new(0));
        let inside = Arc::new(AtomicUsize::new(0));
        let workers: Vec<_> = (0..2)
            .map(|_| {
                let (semaphore, inside) = (Arc::clone(&semaphore), Arc::clone(&inside));
                loom::thread::spawn(move || {
                    let _permit = semaphore.acquire();
                    let holders = inside.fetch_add(1, Ordering::SeqCst) + 1;
                    assert_eq!(holders, 1, "two threads hold the only permit");
                    inside.fetch_sub(1, Ordering::SeqCst);
                })
            })
            .collect();
        semaphore.add_permits(1);
        for worker in workers {
            worker.join().unwrap();
        }
        assert_eq!(semaphore.available(), 1);
    });
}
