//! `locks-shared-counter` under loom: two threads change the counter at
//! once, in every interleaving: no update is lost.
#![cfg(loom)]

use locks_exercises::shared_counter::SharedCounter;
use loom::sync::Arc;

#[test]
fn incr_and_decr_from_two_threads_lose_nothing() {
    kit::schedule::model(|| {
        let counter = Arc::new(SharedCounter::new(100));
        let adder = loom::thread::spawn({
            let counter = Arc::clone(&counter);
            move || counter.incr(3)
        });
        let subtractor = loom::thread::spawn({
            let counter = Arc::clone(&counter);
            move || counter.decr(1)
        });
        adder.join().unwrap();
        subtractor.join().unwrap();
        assert_eq!(counter.value(), 102, "a lost update");
    });
}
