//! The dining philosophers, fed through [`acquire`].
//!
//! Five philosophers sit at a round table with one chopstick between each
//! pair; eating takes the chopstick on your left and the one on your right.
//! If every philosopher picks up the left one first, all five can hold one
//! and wait for their neighbour's forever: a cycle of five instead of two.
//! [`acquire`] breaks the cycle: the last philosopher names chopsticks 4 and
//! 0, but takes 0 first, like everyone else takes their lower-ranked one
//! first, so somebody can always finish a meal.
//!
//! ```
//! let dinner = lock_ordering::philosophers::dine(100);
//! assert!(dinner.seats.iter().all(|seat| seat.meals == 100));
//! assert_eq!(dinner.chopstick_uses, [200; 5]);
//! ```

use crate::{OrderedMutex, acquire};
use std::sync::Barrier;
use std::thread;

/// How many sit at the table (and how many chopsticks lie on it).
pub const PHILOSOPHERS: usize = 5;

/// The chopsticks' names. Made in this order, so this is their rank order.
const CHOPSTICKS: [&str; PHILOSOPHERS] = [
    "chopstick 0",
    "chopstick 1",
    "chopstick 2",
    "chopstick 3",
    "chopstick 4",
];

/// What one philosopher did at dinner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seat {
    /// The chopsticks this philosopher names, left then right.
    pub asked_for: [&'static str; 2],
    /// The order [`acquire`] took them in (empty if there were no meals).
    pub took: Vec<&'static str>,
    /// How many meals this philosopher ate.
    pub meals: u32,
}

/// Everything that happened at dinner, collected after every philosopher
/// has left the table (joined).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dinner {
    /// One per philosopher, in seat order.
    pub seats: Vec<Seat>,
    /// How many meals each chopstick was used for, in chopstick order.
    pub chopstick_uses: Vec<u32>,
}

// ANCHOR: dine
/// Seats [`PHILOSOPHERS`] philosophers, each of whom eats `meals` times, and
/// returns once all of them have finished.
pub fn dine(meals: u32) -> Dinner {
    let chopsticks: Vec<OrderedMutex<u32>> = CHOPSTICKS
        .iter()
        .map(|&name| OrderedMutex::new(name, 0))
        .collect();
    // Nobody starts eating until everyone is seated: all five compete from
    // the first meal on.
    let table = Barrier::new(PHILOSOPHERS);

    let seats = thread::scope(|scope| {
        let philosophers: Vec<_> = (0..PHILOSOPHERS)
            .map(|seat| {
                let left = &chopsticks[seat];
                let right = &chopsticks[(seat + 1) % PHILOSOPHERS];
                let table = &table;
                scope.spawn(move || {
                    table.wait();
                    philosopher(left, right, meals)
                })
            })
            .collect();
        philosophers
            .into_iter()
            .map(|p| p.join().expect("a philosopher does not panic"))
            .collect()
    });

    let chopstick_uses = chopsticks
        .into_iter()
        .map(OrderedMutex::into_inner)
        .collect();
    Dinner {
        seats,
        chopstick_uses,
    }
}

fn philosopher(left: &OrderedMutex<u32>, right: &OrderedMutex<u32>, meals: u32) -> Seat {
    let mut took = Vec::new();
    let mut eaten = 0;
    for _ in 0..meals {
        let mut chopsticks = acquire(&[left, right])
            .expect("a philosopher holds nothing else and names two different chopsticks");
        if took.is_empty() {
            took = chopsticks.locked_order();
        }
        chopsticks[0] += 1;
        chopsticks[1] += 1;
        eaten += 1;
    } // the chopsticks go back on the table here, in the reverse of the order taken
    Seat {
        asked_for: [left.name(), right.name()],
        took,
        meals: eaten,
    }
}
// ANCHOR_END: dine
