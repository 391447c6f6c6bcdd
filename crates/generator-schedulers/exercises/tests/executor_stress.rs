//! `generator-schedulers-executor` under load: no threads here, so "stress"
//! means many futures and many polls. A thousand `async` blocks that yield
//! different numbers of times, checked against a plain simulation of round
//! robin.

use std::cell::RefCell;

use generator_schedulers_exercises::executor::{Executor, yield_now};

#[test]
fn a_thousand_futures_take_their_turns_exactly() {
    for round in 0..5u32 {
        let yields: Vec<u32> = (0..1_000u32).map(|i| (i * 11 + round * 5) % 61).collect();
        let log = RefCell::new(Vec::new());
        let mut executor = Executor::default();
        for (id, &count) in yields.iter().enumerate() {
            let log = &log;
            executor.spawn(async move {
                for step in 0..count {
                    log.borrow_mut().push((id, step));
                    yield_now().await;
                }
            });
        }
        let polls = executor.run();
        // Round robin, simulated: in pass k, every future with more than k
        // yields logs step k.
        let mut expected = Vec::new();
        for step in 0..61 {
            for (id, &count) in yields.iter().enumerate() {
                if step < count {
                    expected.push((id, step));
                }
            }
        }
        let total: u64 = yields.iter().map(|&c| u64::from(c) + 1).sum();
        assert_eq!(polls, total, "round {round}: one poll per yield plus one");
        assert!(
            log.into_inner() == expected,
            "round {round}: futures polled in turn"
        );
    }
}
