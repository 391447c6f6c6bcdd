//! `lock-ordering-held` under loom: two threads nest `x` then `y`, and `y`
//! then `x`. Under every interleaving the second gets the violation at
//! once, and the first always finishes; a missing check shows up as loom's
//! "deadlock".
#![cfg(loom)]

use lock_ordering_exercises::held::{CheckedMutex, LockOrderViolation, held_locks};
use loom::sync::Arc;

#[test]
fn nesting_in_opposite_orders_is_an_error_never_a_deadlock() {
    kit::schedule::model(|| {
        let x = Arc::new(CheckedMutex::new("x", 0));
        let y = Arc::new(CheckedMutex::new("y", 0));
        let backwards = {
            let (x, y) = (x.clone(), y.clone());
            loom::thread::spawn(move || {
                let _y = y.lock().expect("this thread holds nothing");
                let refused = x.lock().map(drop);
                assert_eq!(held_locks(), ["y"]);
                refused
            })
        };
        {
            let mut gx = x.lock().expect("this thread holds nothing");
            let mut gy = y.lock().expect("y ranks after x");
            *gx += 1;
            *gy += 1;
        }
        assert!(held_locks().is_empty());
        assert_eq!(
            backwards.join().unwrap(),
            Err(LockOrderViolation {
                wanted: "x",
                held: "y"
            })
        );
        assert_eq!(*x.lock().unwrap(), 1);
    });
}
