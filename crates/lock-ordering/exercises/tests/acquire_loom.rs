//! `lock-ordering-acquire` under loom: two threads name two locks in
//! opposite orders; under every interleaving both finish and both updates
//! land. Taking the locks in the order named shows up as loom's "deadlock".
#![cfg(loom)]

use lock_ordering_exercises::acquire::{OrderedMutex, acquire};
use loom::sync::Arc;

#[test]
fn opposite_orders_never_deadlock() {
    kit::schedule::model(|| {
        let a = Arc::new(OrderedMutex::new("a", 0));
        let b = Arc::new(OrderedMutex::new("b", 0));
        let other = {
            let (a, b) = (a.clone(), b.clone());
            loom::thread::spawn(move || {
                let mut both = acquire(&[&*b, &*a]).expect("no lock is named twice");
                both[0] += 1;
                both[1] += 1;
            })
        };
        {
            let mut both = acquire(&[&*a, &*b]).expect("no lock is named twice");
            both[0] += 1;
            both[1] += 1;
        }
        other.join().unwrap();
        let both = acquire(&[&*a, &*b]).expect("no lock is named twice");
        assert_eq!((both[0], both[1]), (2, 2));
    });
}
