//! `lock-ordering-philosophers` under loom: three philosophers at a table
//! of three chopsticks, one meal each, under every interleaving. If each
//! picks up the left chopstick first, loom finds the schedule in which
//! each holds one chopstick and waits for the next: a deadlock.
#![cfg(loom)]

use lock_ordering_exercises::philosophers::{Chopstick, eat};
use loom::sync::Arc;

#[test]
fn three_philosophers_always_eat() {
    const SEATS: usize = 3;
    kit::schedule::model(|| {
        let chopsticks: Arc<Vec<Chopstick>> =
            Arc::new((0..SEATS).map(|n| Chopstick::new(n, SEATS)).collect());
        let others: Vec<_> = (1..SEATS)
            .map(|seat| {
                let chopsticks = chopsticks.clone();
                loom::thread::spawn(move || {
                    eat(seat, &chopsticks[seat], &chopsticks[(seat + 1) % SEATS])
                })
            })
            .collect();
        eat(0, &chopsticks[0], &chopsticks[1]);
        for other in others {
            other.join().unwrap();
        }
        for (n, chopstick) in chopsticks.iter().enumerate() {
            let mut want = vec![0; SEATS];
            want[n] = 1;
            want[(n + SEATS - 1) % SEATS] = 1;
            assert_eq!(*chopstick.pick_up(), want, "chopstick {n}");
        }
    });
}
