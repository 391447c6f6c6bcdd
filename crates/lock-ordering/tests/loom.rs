//! Model tests: loom runs each scenario under every interleaving of its
//! threads, and fails if any of them deadlocks.
//!
//! `RUSTFLAGS="--cfg loom" CARGO_TARGET_DIR=target/loom cargo test --release -p lock-ordering --test loom`
#![cfg(loom)]

use lock_ordering::{AcquireError, OrderedMutex, acquire};
use loom::sync::Arc;
use loom::thread;

#[test]
fn opposite_argument_orders_never_deadlock() {
    loom::model(|| {
        let a = Arc::new(OrderedMutex::new("a", 0));
        let b = Arc::new(OrderedMutex::new("b", 0));
        let (a2, b2) = (Arc::clone(&a), Arc::clone(&b));
        let other = thread::spawn(move || {
            let mut both = acquire(&[&*a2, &*b2]).expect("holds nothing else");
            both[0] += 1;
            both[1] += 1;
        });
        {
            let mut both = acquire(&[&*b, &*a]).expect("holds nothing else");
            both[0] += 10;
            both[1] += 10;
        }
        other.join().expect("does not panic");
        let both = acquire(&[&*a, &*b]).expect("holds nothing else");
        assert_eq!((both[0], both[1]), (11, 11));
    });
}

#[test]
fn nesting_out_of_order_is_refused_in_every_interleaving() {
    loom::model(|| {
        let x = Arc::new(OrderedMutex::new("x", ()));
        let y = Arc::new(OrderedMutex::new("y", ()));
        let (x2, y2) = (Arc::clone(&x), Arc::clone(&y));
        let in_order = thread::spawn(move || {
            let _x = acquire(&[&*x2]).expect("holds nothing else");
            acquire(&[&*y2]).map(drop)
        });
        let out_of_order = {
            let _y = acquire(&[&*y]).expect("holds nothing else");
            acquire(&[&*x]).map(drop)
        };
        assert_eq!(
            out_of_order,
            Err(AcquireError::LockOrderViolation {
                wanted: "x",
                held: "y"
            })
        );
        assert_eq!(in_order.join().expect("does not panic"), Ok(()));
    });
}

#[test]
fn three_philosophers_at_a_round_table_always_finish() {
    // The dining philosophers, cut down to what loom can explore: three seats,
    // three chopsticks, one meal each. Left-then-right by hand can close the
    // cycle (each holds one, all wait); through `acquire` it never does.
    loom::model(|| {
        let chopsticks: Arc<[OrderedMutex<u32>; 3]> = Arc::new([
            OrderedMutex::new("chopstick 0", 0),
            OrderedMutex::new("chopstick 1", 0),
            OrderedMutex::new("chopstick 2", 0),
        ]);
        let eat = |seat: usize, chopsticks: &[OrderedMutex<u32>; 3]| {
            let (left, right) = (&chopsticks[seat], &chopsticks[(seat + 1) % 3]);
            let mut both = acquire(&[left, right]).expect("holds nothing else");
            both[0] += 1;
            both[1] += 1;
        };
        let guests: Vec<_> = (1..3)
            .map(|seat| {
                let chopsticks = Arc::clone(&chopsticks);
                thread::spawn(move || eat(seat, &chopsticks))
            })
            .collect();
        eat(0, &chopsticks);
        for guest in guests {
            guest.join().expect("does not panic");
        }
        let all = acquire(&chopsticks.iter().collect::<Vec<_>>()).expect("holds nothing else");
        assert_eq!((all[0], all[1], all[2]), (2, 2, 2));
    });
}
