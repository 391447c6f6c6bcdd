//! `threads-semaphore`: the behaviour, with exact expectations.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Barrier, mpsc};
use std::thread;
use std::time::Duration;

use threads_exercises::semaphore::Semaphore;

#[test]
fn permits_are_counted_out_and_back() {
    let semaphore = Semaphore::new(2);
    assert_eq!(semaphore.available(), 2);
    let first = semaphore.acquire();
    let second = semaphore.try_acquire().expect("one permit is still free");
    assert_eq!(semaphore.available(), 0);
    assert!(semaphore.try_acquire().is_none(), "both permits are taken");
    drop(first);
    assert_eq!(
        semaphore.available(),
        1,
        "dropping a Permit must give it back"
    );
    drop(second);
    assert_eq!(semaphore.available(), 2);
}

#[test]
fn a_semaphore_of_zero_lets_nothing_through_until_permits_are_added() {
    let semaphore = Semaphore::new(0);
    assert!(semaphore.try_acquire().is_none());
    semaphore.add_permits(3);
    assert_eq!(semaphore.available(), 3);
    let _a = semaphore.acquire();
    let _b = semaphore.acquire();
    let _c = semaphore.acquire();
    assert!(semaphore.try_acquire().is_none());
}

#[test]
fn add_permits_wakes_as_many_waiters_as_it_adds() {
    // Three threads wait on an empty semaphore; three permits arrive at
    // once. Each keeps its permit until all three have one (the barrier),
    // so no permit given back can wake the others: add_permits must.
    let semaphore = Semaphore::new(0);
    let all_in = Barrier::new(3);
    let through = AtomicUsize::new(0);
    thread::scope(|scope| {
        for _ in 0..3 {
            scope.spawn(|| {
                let _permit = semaphore.acquire();
                through.fetch_add(1, Ordering::SeqCst);
                all_in.wait();
            });
        }
        // Give the waiters time to fall asleep (not needed for a right
        // answer: it makes an add_permits that wakes one of them hang here).
        thread::sleep(Duration::from_millis(50));
        assert_eq!(
            through.load(Ordering::SeqCst),
            0,
            "acquire() returned with no permit"
        );
        semaphore.add_permits(3);
    });
    assert_eq!(through.load(Ordering::SeqCst), 3);
    assert_eq!(semaphore.available(), 3);
}

#[test]
fn a_waiting_acquire_gets_the_permit_given_back() {
    let semaphore = Semaphore::new(1);
    let held = semaphore.acquire();
    let (got_tx, got_rx) = mpsc::channel();
    thread::scope(|scope| {
        let semaphore = &semaphore;
        scope.spawn(move || {
            let _permit = semaphore.acquire();
            got_tx.send(()).expect("the test is listening");
        });
        thread::sleep(Duration::from_millis(50));
        assert!(
            got_rx.try_recv().is_err(),
            "acquire() returned while the only permit was held"
        );
        drop(held);
        got_rx.recv().unwrap();
    });
    assert_eq!(semaphore.available(), 1);
}

#[test]
fn never_more_holders_than_the_only_permit() {
    let semaphore = Semaphore::new(1);
    let inside = AtomicUsize::new(0);
    let most = AtomicUsize::new(0);
    thread::scope(|scope| {
        let workers: Vec<_> = (0..6)
            .map(|_| {
                scope.spawn(|| {
                    for _ in 0..100 {
                        let _permit = semaphore.acquire();
                        let now = inside.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(now, Ordering::SeqCst);
                        thread::yield_now();
                        inside.fetch_sub(1, Ordering::SeqCst);
                    }
                })
            })
            .collect();
        for worker in workers {
            worker.join().unwrap_or_else(|_| {
                panic!(
                    "a worker panicked while it held the only permit, or while taking it: \
                     did it take a permit that was not there (an `if` instead of a `while`)?"
                )
            });
        }
    });
    let most = most.load(Ordering::SeqCst);
    assert_eq!(most, 1, "{most} threads held the only permit at once");
    assert_eq!(semaphore.available(), 1);
}

#[test]
fn a_panicking_holder_gives_its_permit_back() {
    let semaphore = Semaphore::new(1);
    let outcome = thread::scope(|scope| {
        scope
            .spawn(|| {
                let _permit = semaphore.acquire();
                panic!("the worker fails while holding the permit");
            })
            .join()
    });
    assert!(outcome.is_err());
    assert_eq!(
        semaphore.available(),
        1,
        "the permit is returned while the panic unwinds"
    );
}
