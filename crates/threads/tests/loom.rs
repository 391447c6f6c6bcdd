//! Model tests: loom runs each scenario under every interleaving of its
//! threads it can find (and fails on a deadlock, such as a waiter nobody
//! wakes). Run with
//! `RUSTFLAGS="--cfg loom" CARGO_TARGET_DIR=target/loom cargo test --release -p threads --test loom`.
//!
//! Each model keeps to two or three threads and a few operations, so loom's
//! search finishes in seconds.
#![cfg(loom)]

use std::time::Duration;

use loom::sync::Arc;
use loom::sync::atomic::{AtomicUsize, Ordering};
use loom::thread;
use threads::{Event, Semaphore, Ticks};

#[test]
fn a_waiter_wakes_when_the_event_is_set() {
    loom::model(|| {
        let event = Arc::new(Event::new());
        let setter = thread::spawn({
            let event = Arc::clone(&event);
            move || event.set()
        });
        event.wait();
        assert!(event.is_set());
        setter.join().unwrap();
    });
}

#[test]
fn every_waiter_wakes_when_the_event_is_set() {
    loom::model(|| {
        let event = Arc::new(Event::new());
        let waiters: Vec<_> = (0..2)
            .map(|_| {
                let event = Arc::clone(&event);
                thread::spawn(move || event.wait())
            })
            .collect();
        event.set();
        for waiter in waiters {
            waiter.join().unwrap();
        }
    });
}

#[test]
fn wait_timeout_sees_the_event_being_set() {
    // loom does not model time (its timed wait never times out), so this
    // checks the other half of `wait_timeout`: a set is never missed.
    loom::model(|| {
        let event = Arc::new(Event::new());
        let setter = thread::spawn({
            let event = Arc::clone(&event);
            move || event.set()
        });
        assert!(event.wait_timeout(Duration::from_secs(3600)));
        setter.join().unwrap();
    });
}

#[test]
fn one_permit_admits_one_thread_at_a_time() {
    // Three contenders (two threads and the model's main thread), so that a
    // returned permit can be taken by a newcomer before the waiter it was
    // meant for wakes up: `acquire` must check again after waking.
    loom::model(|| {
        let semaphore = Arc::new(Semaphore::new(1));
        let inside = Arc::new(AtomicUsize::new(0));
        let work = {
            let (semaphore, inside) = (Arc::clone(&semaphore), Arc::clone(&inside));
            move || {
                let _permit = semaphore.acquire();
                assert_eq!(inside.fetch_add(1, Ordering::SeqCst), 0, "two holders");
                inside.fetch_sub(1, Ordering::SeqCst);
            }
        };
        let workers: Vec<_> = (0..2).map(|_| thread::spawn(work.clone())).collect();
        work();
        for worker in workers {
            worker.join().unwrap();
        }
        assert_eq!(semaphore.available(), 1);
    });
}

#[test]
fn added_permits_wake_the_waiters() {
    loom::model(|| {
        let semaphore = Arc::new(Semaphore::new(0));
        let waiters: Vec<_> = (0..2)
            .map(|_| {
                let semaphore = Arc::clone(&semaphore);
                // Each waiter keeps its permit for good (`forget`: its drop
                // never runs, so it never wakes the other waiter): both
                // waiters must be woken by `add_permits` itself.
                thread::spawn(move || std::mem::forget(semaphore.acquire()))
            })
            .collect();
        semaphore.add_permits(2);
        for waiter in waiters {
            waiter.join().unwrap();
        }
        assert_eq!(semaphore.available(), 0);
    });
}

#[test]
fn a_returned_permit_wakes_the_next_waiter() {
    loom::model(|| {
        let semaphore = Arc::new(Semaphore::new(1));
        let held = semaphore.acquire();
        let waiter = thread::spawn({
            let semaphore = Arc::clone(&semaphore);
            move || drop(semaphore.acquire())
        });
        drop(held);
        waiter.join().unwrap();
        assert_eq!(semaphore.available(), 1);
    });
}

#[test]
fn every_waiter_sees_every_tick() {
    loom::model(|| {
        let ticks = Arc::new(Ticks::new());
        let waiters: Vec<_> = [1, 2]
            .into_iter()
            .map(|n| {
                let ticks = Arc::clone(&ticks);
                thread::spawn(move || (n, ticks.wait_for(n)))
            })
            .collect();
        ticks.tick();
        ticks.tick();
        for waiter in waiters {
            let (n, count) = waiter.join().unwrap();
            assert!(count >= n, "woke at {count}, before tick {n}");
        }
        assert_eq!(ticks.count(), 2);
    });
}
