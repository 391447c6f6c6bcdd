//! Every verdict the lesson prints can come out the other way: for each
//! verdict function in `src/verdict.rs`, a control `verdict_<name>_can_fail`
//! runs a variant in which the claim is false (a free lock, one global
//! order, locks taken in the order named, a skipped transfer, a transfer
//! that panics half-way, a philosopher eating with one chopstick, one who
//! leaves early), feeds what it saw to the same function, and checks that
//! it gives the answer opposite to the snapshot's.

use kit::Verdict;
use lock_ordering::bank::Account;
use lock_ordering::philosophers::{Chopstick, PHILOSOPHERS, dine, dine_with, eat};
use lock_ordering::verdict;
use lock_ordering::{OrderedMutex, acquire};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Barrier;
use std::thread;
use std::time::{Duration, Instant};

/// Long enough that no control waits for it by accident: a timed attempt
/// that returns before it got (or was given) the lock early.
const LONG_PATIENCE: Duration = Duration::from_secs(10);

/// `opposite_orders_deadlock`'s timed attempt, where nothing holds it back:
/// on a lock nobody holds it returns at once; on a lock the other thread
/// gives up soon after, it gets the lock long before its patience runs out.
/// Either way it did not wait its patience.
#[test]
fn verdict_waited_its_patience_can_fail() {
    let free = parking_lot::Mutex::new(());
    let started = Instant::now();
    assert!(free.try_lock_for(LONG_PATIENCE).is_some());
    assert_eq!(
        verdict::waited_its_patience(started.elapsed(), LONG_PATIENCE),
        Verdict::No
    );

    let x = parking_lot::Mutex::new(());
    let other_holds_x = Barrier::new(2);
    let (got, waited) = thread::scope(|s| {
        s.spawn(|| {
            let _x = x.lock();
            other_holds_x.wait();
            thread::sleep(Duration::from_millis(10));
        });
        other_holds_x.wait();
        let started = Instant::now();
        let got = x.try_lock_for(LONG_PATIENCE).is_some();
        (got, started.elapsed())
    });
    assert!(got);
    assert_eq!(
        verdict::waited_its_patience(waited, LONG_PATIENCE),
        Verdict::No
    );
}

/// `opposite_orders_deadlock`'s two threads, but both take x first, then
/// try for y: whoever gets x gets y too, then lets the other have both.
/// Returns whether each got its second lock.
fn both_in_one_order() -> (bool, bool) {
    let x = parking_lot::Mutex::new(());
    let y = parking_lot::Mutex::new(());
    let take_both = || {
        let _first = x.lock();
        y.try_lock_for(LONG_PATIENCE).is_some()
    };
    thread::scope(|s| {
        let one = s.spawn(take_both);
        let two = s.spawn(take_both);
        (
            one.join().expect("does not panic"),
            two.join().expect("does not panic"),
        )
    })
}

/// The lesson's threads never get their second lock (it prints `no`); with
/// one order, each does.
#[test]
fn verdict_got_it_can_fail() {
    let (one, two) = both_in_one_order();
    assert_eq!(verdict::got_it(one), Verdict::Yes);
    assert_eq!(verdict::got_it(two), Verdict::Yes);
}

/// With one order there is no cycle, and the check sees no deadlock.
#[test]
fn verdict_deadlock_detected_can_fail() {
    let (one, two) = both_in_one_order();
    assert_eq!(verdict::deadlock_detected(one, two), Verdict::No);
}

/// Locking by hand in the order named, instead of through `acquire`: six
/// permutations, six orders.
#[test]
fn verdict_one_order_can_fail() {
    let a = parking_lot::Mutex::new("a");
    let b = parking_lot::Mutex::new("b");
    let c = parking_lot::Mutex::new("c");
    let permutations = [
        [&a, &b, &c],
        [&a, &c, &b],
        [&b, &a, &c],
        [&b, &c, &a],
        [&c, &a, &b],
        [&c, &b, &a],
    ];
    let orders: Vec<Vec<&str>> = permutations
        .iter()
        .map(|locks| {
            let guards: Vec<_> = locks.iter().map(|lock| lock.lock()).collect();
            guards.iter().map(|guard| **guard).collect()
        })
        .collect();
    assert_eq!(verdict::one_order(&orders), Verdict::No);
}

/// `one_global_order_cannot_deadlock`'s transfers with an off-by-one:
/// thread 2 stops one transfer short. The ledgers kept under the locks show
/// it.
#[test]
fn verdict_every_transfer_finished_can_fail() {
    const TRANSFERS: u32 = 1_000;
    let x = OrderedMutex::new("x", Account::opened_with(1_000));
    let y = OrderedMutex::new("y", Account::opened_with(1_000));
    let transfer = |from: &OrderedMutex<Account>, to: &OrderedMutex<Account>, times: u32| {
        for _ in 0..times {
            let mut accounts = acquire(&[from, to]).expect("holds nothing else");
            accounts[0].balance -= 1;
            accounts[0].sent += 1;
            accounts[1].balance += 1;
            accounts[1].received += 1;
        }
    };
    thread::scope(|s| {
        s.spawn(|| transfer(&x, &y, TRANSFERS));
        s.spawn(|| transfer(&y, &x, TRANSFERS - 1)); // the bug
    });
    let (x, y) = (x.into_inner(), y.into_inner());
    assert_eq!((x.sent, y.sent), (TRANSFERS, TRANSFERS - 1));
    assert_eq!(
        verdict::every_transfer_finished(&x, &y, TRANSFERS),
        Verdict::No
    );
    // The money still adds up: only the ledger catches a skipped transfer.
    assert_eq!(verdict::nothing_lost(&[&x, &y], 2_000), Verdict::Yes);
}

/// A transfer that panics half-way, after the debit and before the credit:
/// the lock is released (and poisoned) on the way out, and the money that
/// had left x never reached y.
#[test]
fn verdict_nothing_lost_can_fail() {
    let x = OrderedMutex::new("x", Account::opened_with(1_000));
    let y = OrderedMutex::new("y", Account::opened_with(1_000));
    let crashed = thread::scope(|s| {
        s.spawn(|| {
            catch_unwind(AssertUnwindSafe(|| {
                let mut accounts = acquire(&[&x, &y]).expect("holds nothing else");
                accounts[0].balance -= 1;
                accounts[0].sent += 1;
                panic!("the credit never happens");
            }))
            .is_err()
        })
        .join()
        .expect("the panic was caught")
    });
    assert!(crashed);
    let (x, y) = (x.into_inner(), y.into_inner());
    assert_eq!(x.balance + y.balance, 1_999);
    assert_eq!(verdict::nothing_lost(&[&x, &y], 2_000), Verdict::No);
}

/// A philosopher who eats with only the left chopstick (takes it, writes
/// the meal on its tally, never takes the right one): the right
/// chopstick's tally never shows those meals.
fn eat_with_the_left_only(seat: usize, left: &Chopstick, _right: &Chopstick) -> Vec<&'static str> {
    let mut chopstick = acquire(&[left]).expect("holds nothing else");
    chopstick[0][seat] += 1;
    chopstick.locked_order()
}

#[test]
fn verdict_all_ate_can_fail() {
    let dinner = dine_with(100, |seat, left, right| {
        if seat == PHILOSOPHERS - 1 {
            eat_with_the_left_only(seat, left, right)
        } else {
            eat(seat, left, right)
        }
    });
    let last = &dinner.seats[PHILOSOPHERS - 1];
    assert_eq!((last.on_left, last.on_right, last.meals()), (100, 0, 0));
    assert_eq!(verdict::all_ate(&dinner, 100), Verdict::No);
    // The right way, for contrast.
    assert_eq!(verdict::all_ate(&dine(100), 100), Verdict::Yes);
}

/// Philosopher 2 leaves one meal early: chopsticks 2 and 3 each served one
/// meal fewer, and their tallies say so.
#[test]
fn verdict_every_chopstick_served_can_fail() {
    let meals_left = std::sync::Mutex::new(99_u32);
    let dinner = dine_with(100, |seat, left, right| {
        if seat == 2 {
            let mut left_over = meals_left.lock().expect("nothing panics holding it");
            if *left_over == 0 {
                return Vec::new(); // skipped the last meal
            }
            *left_over -= 1;
        }
        eat(seat, left, right)
    });
    assert_eq!(dinner.chopstick_uses, [200, 200, 199, 199, 200]);
    assert_eq!(verdict::every_chopstick_served(&dinner, 200), Verdict::No);
    assert_eq!(verdict::all_ate(&dinner, 100), Verdict::No);
}
