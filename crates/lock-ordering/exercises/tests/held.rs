//! `lock-ordering-held`: the behaviour, with exact expectations.

use std::thread;

use lock_ordering_exercises::held::{CheckedMutex, LockOrderViolation, held_locks};

fn violation(wanted: &'static str, held: &'static str) -> LockOrderViolation {
    LockOrderViolation { wanted, held }
}

#[test]
fn nested_locks_in_rank_order_are_fine_and_listed() {
    let a = CheckedMutex::new("a", 1);
    let b = CheckedMutex::new("b", 2);
    let c = CheckedMutex::new("c", 3);
    assert!(held_locks().is_empty());
    let ga = a.lock().expect("nothing held");
    let gb = b.lock().expect("b ranks after a");
    let gc = c.lock().expect("c ranks after b");
    assert_eq!((*ga, *gb, *gc), (1, 2, 3));
    assert_eq!(held_locks(), ["a", "b", "c"]);
    drop(gc);
    assert_eq!(held_locks(), ["a", "b"]);
    drop(gb);
    drop(ga);
    assert!(held_locks().is_empty());
}

#[test]
fn asking_for_an_earlier_lock_is_a_violation_naming_both() {
    let x = CheckedMutex::new("x", ());
    let y = CheckedMutex::new("y", ());
    let holding_y = y.lock().expect("nothing held");
    assert_eq!(
        x.lock().map(drop),
        Err(violation("x", "y")),
        "asked for x while holding y (x ranks first): a lock-order violation"
    );
    assert_eq!(held_locks(), ["y"], "a refused lock must not be listed");
    drop(holding_y);
}

#[test]
fn asking_again_for_a_lock_held_is_a_violation() {
    let x = CheckedMutex::new("x", ());
    let _held = x.lock().expect("nothing held");
    assert_eq!(x.lock().map(drop), Err(violation("x", "x")));
}

#[test]
fn a_released_lock_no_longer_counts() {
    let a = CheckedMutex::new("a", ());
    let b = CheckedMutex::new("b", ());
    drop(b.lock().expect("nothing held"));
    assert!(
        held_locks().is_empty(),
        "b was released, but the list still says {:?}: take a lock off the list when its guard drops",
        held_locks()
    );
    assert_eq!(
        a.lock().map(drop),
        Ok(()),
        "a false violation: b was released before a was asked for, so nothing is held"
    );
    // And again, many times: the list must not grow.
    for _ in 0..3 {
        drop(b.lock().expect("nothing held"));
        drop(a.lock().expect("nothing held"));
    }
    assert!(held_locks().is_empty());
}

#[test]
fn the_check_is_against_the_highest_ranked_lock_held_not_the_first() {
    let a = CheckedMutex::new("a", ());
    let b = CheckedMutex::new("b", ());
    let c = CheckedMutex::new("c", ());
    let _a = a.lock().expect("nothing held");
    let _c = c.lock().expect("c ranks after a");
    assert_eq!(
        b.lock().map(drop),
        Err(violation("b", "c")),
        "asked for b while holding a and c: c ranks after b, so this is a violation \
         (compare with the highest-ranked lock held, not the first one taken)"
    );
}

#[test]
fn guards_dropped_out_of_order_leave_the_right_list() {
    let a = CheckedMutex::new("a", ());
    let b = CheckedMutex::new("b", ());
    let c = CheckedMutex::new("c", ());
    let ga = a.lock().expect("nothing held");
    let gb = b.lock().expect("b ranks after a");
    drop(ga); // the first one taken goes first
    assert_eq!(held_locks(), ["b"]);
    assert_eq!(a.lock().map(drop), Err(violation("a", "b")));
    let gc = c.lock().expect("c ranks after b");
    assert_eq!(held_locks(), ["b", "c"]);
    drop(gb);
    drop(gc);
    assert!(held_locks().is_empty());
}

#[test]
fn each_thread_has_its_own_list() {
    let x = CheckedMutex::new("x", ());
    let y = CheckedMutex::new("y", ());
    let _y = y.lock().expect("nothing held");
    // Another thread holds nothing: x is free and it may take it, even
    // while this thread holds y.
    thread::scope(|s| {
        s.spawn(|| {
            assert!(
                held_locks().is_empty(),
                "another thread's list leaked into this one"
            );
            let _x = x.lock().expect("this thread holds nothing");
            assert_eq!(held_locks(), ["x"]);
        });
    });
    assert_eq!(held_locks(), ["y"]);
}

#[test]
fn the_violation_reads_well() {
    assert_eq!(
        violation("x", "y").to_string(),
        "lock-order violation: asked for `x` while holding `y`"
    );
}
