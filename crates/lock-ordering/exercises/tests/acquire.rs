//! `lock-ordering-acquire`: the behaviour, with exact expectations.

use std::sync::{Arc, mpsc};
use std::thread;
use std::time::Duration;

use lock_ordering_exercises::acquire::{AcquireError, OrderedMutex, acquire, log};

#[test]
fn every_order_of_naming_takes_the_locks_by_rank_and_releases_them_in_reverse() {
    let a = OrderedMutex::new("a", 'a');
    let b = OrderedMutex::new("b", 'b');
    let c = OrderedMutex::new("c", 'c');
    let permutations = [
        [&a, &b, &c],
        [&a, &c, &b],
        [&b, &a, &c],
        [&b, &c, &a],
        [&c, &a, &b],
        [&c, &b, &a],
    ];
    for locks in permutations {
        let named: Vec<&str> = locks.iter().map(|l| l.name()).collect();
        log();
        let guard = acquire(&locks).expect("no lock is named twice");
        assert_eq!(
            log(),
            ["took a", "took b", "took c"],
            "acquire({named:?}) took the locks in this order; it must take them by rank \
             (a, b, c, the order they were made), or two threads naming them in \
             opposite orders can deadlock"
        );
        assert_eq!(guard.locked_order(), ["a", "b", "c"]);
        assert_eq!(guard.len(), 3);
        for (i, lock) in locks.iter().enumerate() {
            assert_eq!(
                guard[i],
                lock.name().chars().next().expect("a one-letter name"),
                "guard[{i}] must be the data of the {i}-th lock as named: {named:?}"
            );
        }
        drop(guard);
        assert_eq!(
            log(),
            ["released c", "released b", "released a"],
            "dropping the guard must release the locks in the reverse of the order taken"
        );
        assert!(locks.iter().all(|l| !l.is_locked()));
    }
}

#[test]
fn the_data_is_indexed_in_the_order_you_named_it() {
    let checking = OrderedMutex::new("checking", 100);
    let savings = OrderedMutex::new("savings", 0);
    {
        let mut accounts = acquire(&[&savings, &checking]).expect("no lock is named twice");
        assert_eq!(accounts.locked_order(), ["checking", "savings"]);
        accounts[1] -= 30; // checking
        accounts[0] += 30; // savings
    }
    let accounts = acquire(&[&checking, &savings]).expect("no lock is named twice");
    assert_eq!((accounts[0], accounts[1]), (70, 30));
}

#[test]
fn one_lock_and_no_locks() {
    let only = OrderedMutex::new("only", 1);
    log();
    {
        let guard = acquire(&[&only]).expect("no lock is named twice");
        assert_eq!(guard[0], 1);
        assert!(only.is_locked());
    }
    assert_eq!(log(), ["took only", "released only"]);
    assert!(!only.is_locked());
    let none = acquire::<u8>(&[]).expect("no lock is named twice");
    assert!(none.is_empty());
    drop(none);
    assert_eq!(log(), [""; 0]);
}

#[test]
fn naming_a_lock_twice_is_refused_before_any_lock_is_taken() {
    let a = OrderedMutex::new("a", ());
    let b = OrderedMutex::new("b", ());
    log(); // start from an empty log
    // Taking `a` a second time would wait for ever: acquire must refuse.
    let refused = acquire(&[&a, &b, &a]).map(|guard| guard.locked_order());
    assert_eq!(
        refused,
        Err(AcquireError::NamedTwice { lock: "a" }),
        "`a` is named twice: acquire must return that error"
    );
    assert_eq!(
        log(),
        [""; 0],
        "a refused acquire takes no lock at all (the check comes before the first lock)"
    );
    assert!(!a.is_locked() && !b.is_locked());
}

/// Two threads, one naming (a, b), the other (b, a), many times: run on
/// threads of their own, with a watchdog, so a deadlock fails this test
/// instead of hanging it.
#[test]
fn two_threads_naming_opposite_orders_never_deadlock() {
    const ROUNDS: u32 = 20_000;
    let a = Arc::new(OrderedMutex::new("a", 0u32));
    let b = Arc::new(OrderedMutex::new("b", 0u32));
    let (done, finished) = mpsc::channel();
    for (first, second) in [(a.clone(), b.clone()), (b.clone(), a.clone())] {
        let done = done.clone();
        thread::spawn(move || {
            for _ in 0..ROUNDS {
                let mut both = acquire(&[&*first, &*second]).expect("no lock is named twice");
                both[0] += 1;
                both[1] += 1;
            }
            let _ = done.send(());
        });
    }
    for _ in 0..2 {
        finished
            .recv_timeout(Duration::from_secs(3))
            .unwrap_or_else(|_| {
                panic!(
                    "deadlock: two threads calling acquire(&[a, b]) and acquire(&[b, a]) did \
                 not finish {ROUNDS} rounds in 3 s: each thread holds one lock and waits \
                 for the other. Take the locks by rank, not in the order they are named."
                )
            });
    }
    let both = acquire(&[&*a, &*b]).expect("no lock is named twice");
    assert_eq!((both[0], both[1]), (2 * ROUNDS, 2 * ROUNDS));
}
