//! `Semaphore` and its `Permit`: never more holders than permits; a permit
//! goes back on drop, also when its thread panics.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::Duration;

use threads::Semaphore;

const SETTLE: Duration = Duration::from_millis(20);

#[test]
fn never_more_holders_than_permits_under_many_threads() {
    const PERMITS: usize = 3;
    const THREADS: usize = 16;
    const ROUNDS: usize = 50;
    let semaphore = Semaphore::new(PERMITS);
    let inside = AtomicUsize::new(0);
    let most_inside = AtomicUsize::new(0);
    let passes = AtomicUsize::new(0);
    thread::scope(|s| {
        for _ in 0..THREADS {
            s.spawn(|| {
                for _ in 0..ROUNDS {
                    let _permit = semaphore.acquire();
                    let now = inside.fetch_add(1, Ordering::SeqCst) + 1;
                    most_inside.fetch_max(now, Ordering::SeqCst);
                    // Stay inside for a moment, so that an extra holder,
                    // if the semaphore let one in, would be seen.
                    thread::sleep(Duration::from_micros(50));
                    inside.fetch_sub(1, Ordering::SeqCst);
                    passes.fetch_add(1, Ordering::SeqCst);
                }
            });
        }
    });
    let most = most_inside.load(Ordering::SeqCst);
    assert!(
        most <= PERMITS,
        "{most} holders at once with {PERMITS} permits"
    );
    assert_eq!(passes.load(Ordering::SeqCst), THREADS * ROUNDS);
    assert_eq!(semaphore.available(), PERMITS);
}

#[test]
fn a_permit_goes_back_when_dropped() {
    let semaphore = Semaphore::new(1);
    let permit = semaphore.acquire();
    assert_eq!(semaphore.available(), 0);
    assert!(semaphore.try_acquire().is_none());
    drop(permit);
    assert_eq!(semaphore.available(), 1);
    let again = semaphore.try_acquire();
    assert!(again.is_some());
    assert_eq!(semaphore.available(), 0);
}

#[test]
fn a_permit_goes_back_when_its_thread_panics() {
    let semaphore = Semaphore::new(1);
    let result = thread::scope(|s| {
        s.spawn(|| {
            let _permit = semaphore.acquire();
            panic!("a worker fails while holding its permit");
        })
        .join()
    });
    assert!(result.is_err());
    assert_eq!(semaphore.available(), 1);
    // ...and the semaphore still works: its mutex was never poisoned.
    assert!(semaphore.try_acquire().is_some());
}

#[test]
fn acquire_waits_until_a_permit_comes_back() {
    let semaphore = Semaphore::new(1);
    let held = semaphore.acquire();
    thread::scope(|s| {
        let waiter = s.spawn(|| {
            let _permit = semaphore.acquire();
        });
        thread::sleep(SETTLE);
        assert!(!waiter.is_finished(), "acquired a permit that was taken");
        drop(held);
        waiter.join().unwrap();
    });
    assert_eq!(semaphore.available(), 1);
}

#[test]
fn zero_permits_admit_nobody_until_permits_are_added() {
    let semaphore = Semaphore::new(0);
    assert!(semaphore.try_acquire().is_none());
    semaphore.add_permits(2);
    assert_eq!(semaphore.available(), 2);
    let (_a, _b) = (semaphore.acquire(), semaphore.acquire());
    assert!(semaphore.try_acquire().is_none());
}

#[test]
fn add_permits_wakes_as_many_waiters_as_it_adds() {
    const WAITERS: usize = 4;
    let semaphore = Arc::new(Semaphore::new(0));
    let (through_tx, through_rx) = mpsc::channel();
    let (release_tx, release_rx) = mpsc::channel::<()>();
    let release_rx = Arc::new(std::sync::Mutex::new(release_rx));
    for _ in 0..WAITERS {
        let (semaphore, through_tx, release_rx) = (
            Arc::clone(&semaphore),
            through_tx.clone(),
            Arc::clone(&release_rx),
        );
        // Not scoped: a waiter that is never woken must fail the test, not hang it.
        thread::spawn(move || {
            let _permit = semaphore.acquire();
            through_tx.send(()).unwrap();
            // Hold the permit until the test ends (the sender is dropped).
            let _ = release_rx.lock().unwrap().recv();
        });
    }
    thread::sleep(SETTLE); // let the waiters get to `acquire`
    semaphore.add_permits(WAITERS);
    for _ in 0..WAITERS {
        through_rx
            .recv_timeout(Duration::from_secs(10))
            .expect("a waiter was not woken by add_permits");
    }
    assert_eq!(semaphore.available(), 0);
    drop(release_tx);
}

#[test]
fn the_count_saturates_instead_of_overflowing() {
    let semaphore = Semaphore::new(usize::MAX);
    let permit = semaphore.acquire();
    semaphore.add_permits(5);
    drop(permit);
    assert_eq!(semaphore.available(), usize::MAX);
}
