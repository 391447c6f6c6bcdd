//! `acquire`: one global order, one guard, and the lock-order check.

use lock_ordering::{AcquireError, OrderedMutex, acquire, held_locks};
use std::sync::Barrier;
use std::thread;

/// Every ordering of `items` (Heap's algorithm is overkill for four: recurse).
fn permutations<T: Copy>(items: &[T]) -> Vec<Vec<T>> {
    if items.len() <= 1 {
        return vec![items.to_vec()];
    }
    let mut all = Vec::new();
    for (i, &first) in items.iter().enumerate() {
        let mut rest = items.to_vec();
        rest.remove(i);
        for mut tail in permutations(&rest) {
            tail.insert(0, first);
            all.push(tail);
        }
    }
    all
}

#[test]
fn every_permutation_of_a_set_is_taken_in_one_order() {
    let a = OrderedMutex::new("a", "a");
    let b = OrderedMutex::new("b", "b");
    let c = OrderedMutex::new("c", "c");
    let d = OrderedMutex::new("d", "d");
    let all = permutations(&[&a, &b, &c, &d]);
    assert_eq!(all.len(), 24);
    for locks in all {
        let guard = acquire(&locks).expect("this thread holds nothing else");
        assert_eq!(guard.locked_order(), ["a", "b", "c", "d"]);
        assert_eq!(held_locks(), ["a", "b", "c", "d"]);
        // Indexing follows the caller's order, not the locking order.
        for (i, lock) in locks.iter().enumerate() {
            assert_eq!(guard[i], lock.name());
        }
        drop(guard);
        assert!(held_locks().is_empty());
    }
}

#[test]
fn the_rank_is_the_creation_order_not_the_name() {
    let made_first = OrderedMutex::new("zebra", ());
    let made_second = OrderedMutex::new("aardvark", ());
    let guard = acquire(&[&made_second, &made_first]).expect("this thread holds nothing else");
    assert_eq!(guard.locked_order(), ["zebra", "aardvark"]);
}

#[test]
fn writes_through_the_guard_land_in_the_named_lock() {
    let from = OrderedMutex::new("from", 10);
    let to = OrderedMutex::new("to", 0);
    {
        // Named in reverse rank order on purpose.
        let mut accounts = acquire(&[&to, &from]).expect("this thread holds nothing else");
        accounts[1] -= 4;
        accounts[0] += 4;
        assert_eq!(accounts.get(2), None);
    }
    assert_eq!((from.into_inner(), to.into_inner()), (6, 4));
}

#[test]
fn a_lock_ranked_before_a_held_one_is_a_violation_naming_both() {
    let x = OrderedMutex::new("x", ());
    let y = OrderedMutex::new("y", ());
    let _y = acquire(&[&y]).expect("this thread holds nothing else");
    assert_eq!(
        acquire(&[&x]).map(drop),
        Err(AcquireError::LockOrderViolation {
            wanted: "x",
            held: "y"
        })
    );
    // The refusal took nothing, and left the list as it was.
    assert_eq!(held_locks(), ["y"]);
    let x_is_free = thread::scope(|s| {
        s.spawn(|| acquire(&[&x]).is_ok())
            .join()
            .expect("does not panic")
    });
    assert!(x_is_free);
}

#[test]
fn the_violation_names_the_lowest_wanted_and_the_highest_held() {
    let a = OrderedMutex::new("a", ());
    let b = OrderedMutex::new("b", ());
    let c = OrderedMutex::new("c", ());
    let d = OrderedMutex::new("d", ());
    let _a = acquire(&[&a]).expect("this thread holds nothing else");
    let _c = acquire(&[&c]).expect("c ranks after a");
    assert_eq!(
        acquire(&[&d, &b]).map(drop),
        Err(AcquireError::LockOrderViolation {
            wanted: "b",
            held: "c"
        })
    );
    assert_eq!(held_locks(), ["a", "c"]);
}

#[test]
fn nesting_up_the_order_is_allowed() {
    let a = OrderedMutex::new("a", ());
    let b = OrderedMutex::new("b", ());
    let c = OrderedMutex::new("c", ());
    let _a = acquire(&[&a]).expect("this thread holds nothing else");
    let _bc = acquire(&[&c, &b]).expect("b and c rank after a");
    assert_eq!(held_locks(), ["a", "b", "c"]);
}

#[test]
fn taking_a_held_lock_again_is_refused_not_a_self_deadlock() {
    let x = OrderedMutex::new("x", ());
    let y = OrderedMutex::new("y", ());
    let _x = acquire(&[&x]).expect("this thread holds nothing else");
    assert_eq!(
        acquire(&[&x]).map(drop),
        Err(AcquireError::AlreadyHeld { lock: "x" })
    );
    assert_eq!(
        acquire(&[&y, &x]).map(drop),
        Err(AcquireError::AlreadyHeld { lock: "x" })
    );
    assert_eq!(held_locks(), ["x"]);
}

#[test]
fn naming_a_lock_twice_is_refused() {
    let x = OrderedMutex::new("x", ());
    let y = OrderedMutex::new("y", ());
    assert_eq!(
        acquire(&[&x, &y, &x]).map(drop),
        Err(AcquireError::NamedTwice { lock: "x" })
    );
    assert!(held_locks().is_empty());
}

#[test]
fn guards_may_be_dropped_in_any_order() {
    let a = OrderedMutex::new("a", ());
    let b = OrderedMutex::new("b", ());
    let c = OrderedMutex::new("c", ());
    let outer = acquire(&[&a]).expect("this thread holds nothing else");
    let inner = acquire(&[&b]).expect("b ranks after a");
    drop(outer); // not the innermost first
    assert_eq!(held_locks(), ["b"]);
    assert_eq!(
        acquire(&[&a]).map(drop),
        Err(AcquireError::LockOrderViolation {
            wanted: "a",
            held: "b"
        })
    );
    assert!(acquire(&[&c]).is_ok());
    drop(inner);
    assert!(held_locks().is_empty());
    assert!(acquire(&[&a, &b, &c]).is_ok());
}

#[test]
fn the_held_list_is_per_thread() {
    let x = OrderedMutex::new("x", ());
    let y = OrderedMutex::new("y", ());
    let other_holds_y = Barrier::new(2);
    let done = Barrier::new(2);
    thread::scope(|s| {
        s.spawn(|| {
            let _y = acquire(&[&y]).expect("this thread holds nothing else");
            other_holds_y.wait();
            done.wait();
        });
        other_holds_y.wait();
        // Another thread holding y says nothing about this thread's order.
        assert!(held_locks().is_empty());
        assert!(acquire(&[&x]).is_ok());
        done.wait();
    });
}

#[test]
fn the_thread_that_nests_out_of_order_always_trips_and_the_other_finishes() {
    // `out_of_order_is_an_error_not_a_hang`, a hundred times: the result never depends on timing.
    for _ in 0..100 {
        let x = OrderedMutex::new("x", ());
        let y = OrderedMutex::new("y", ());
        let both_hold_one = Barrier::new(2);
        let nested = |outer: &OrderedMutex<()>, inner: &OrderedMutex<()>| {
            let _outer = acquire(&[outer]).expect("this thread holds nothing else");
            both_hold_one.wait();
            acquire(&[inner]).map(drop)
        };
        let (one, two) = thread::scope(|s| {
            let one = s.spawn(|| nested(&x, &y));
            let two = s.spawn(|| nested(&y, &x));
            (
                one.join().expect("does not panic"),
                two.join().expect("does not panic"),
            )
        });
        assert_eq!(one, Ok(()));
        assert_eq!(
            two,
            Err(AcquireError::LockOrderViolation {
                wanted: "x",
                held: "y"
            })
        );
    }
}

#[test]
fn errors_read_as_sentences() {
    let violation = AcquireError::LockOrderViolation {
        wanted: "x",
        held: "y",
    };
    assert_eq!(
        violation.to_string(),
        "lock-order violation: asked for `x` while holding `y`, which ranks after it"
    );
    assert_eq!(
        AcquireError::AlreadyHeld { lock: "x" }.to_string(),
        "this thread already holds `x`: taking it again would wait forever"
    );
    assert_eq!(
        AcquireError::NamedTwice { lock: "x" }.to_string(),
        "`x` is named twice in one acquire"
    );
}
