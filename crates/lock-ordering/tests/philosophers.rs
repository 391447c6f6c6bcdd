//! The dining philosophers always finish, and every meal is accounted for.

use lock_ordering::philosophers::{Dinner, PHILOSOPHERS, dine};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

/// Runs `dine(meals)` on its own thread and waits for it, failing the test
/// (rather than hanging it) if dinner deadlocks. Not a speed check: a dinner
/// that works takes milliseconds, so a minute means the table is stuck.
fn dine_or_deadlock(meals: u32) -> Dinner {
    let (done, dinner) = mpsc::channel();
    thread::spawn(move || done.send(dine(meals)));
    dinner
        .recv_timeout(Duration::from_secs(60))
        .expect("the philosophers deadlocked")
}

#[test]
fn every_philosopher_eats_every_meal() {
    for _ in 0..20 {
        let dinner = dine_or_deadlock(2_000);
        assert_eq!(dinner.seats.len(), PHILOSOPHERS);
        for seat in &dinner.seats {
            assert_eq!((seat.on_left, seat.on_right), (2_000, 2_000));
        }
        assert_eq!(dinner.chopstick_uses, [4_000; PHILOSOPHERS]);
    }
}

#[test]
fn the_last_philosopher_takes_the_lower_chopstick_first() {
    let dinner = dine_or_deadlock(1);
    let took: Vec<Vec<&str>> = dinner.seats.iter().map(|s| s.took.clone()).collect();
    assert_eq!(
        took,
        [
            ["chopstick 0", "chopstick 1"],
            ["chopstick 1", "chopstick 2"],
            ["chopstick 2", "chopstick 3"],
            ["chopstick 3", "chopstick 4"],
            ["chopstick 0", "chopstick 4"],
        ]
    );
    assert_eq!(dinner.seats[4].asked_for, ["chopstick 4", "chopstick 0"]);
}

#[test]
fn no_meals_is_a_dinner_too() {
    let dinner = dine_or_deadlock(0);
    assert!(
        dinner
            .seats
            .iter()
            .all(|s| s.meals() == 0 && s.took.is_empty())
    );
    assert_eq!(dinner.chopstick_uses, [0; PHILOSOPHERS]);
}
