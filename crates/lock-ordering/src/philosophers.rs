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
//! assert!(dinner.seats.iter().all(|seat| seat.meals() == 100));
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

/// A chopstick's own tally, kept behind its lock: how many meals each
/// philosopher (by seat) has eaten with it. Only a thread holding the
/// chopstick can add to it, so a meal on the tally is a meal eaten with this
/// chopstick in hand.
pub type Tally = [u32; PHILOSOPHERS];

/// A chopstick: an [`OrderedMutex`] around its tally.
pub type Chopstick = OrderedMutex<Tally>;

/// What one philosopher did at dinner, as the two chopsticks recorded it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seat {
    /// The chopsticks this philosopher names, left then right.
    pub asked_for: [&'static str; 2],
    /// The order [`acquire`] took them in (empty if there were no meals).
    pub took: Vec<&'static str>,
    /// Meals this philosopher ate with the left chopstick, by its tally.
    pub on_left: u32,
    /// Meals this philosopher ate with the right chopstick, by its tally.
    pub on_right: u32,
}

impl Seat {
    /// Meals recorded on both chopsticks: the meals this philosopher ate
    /// holding both (each is written in one critical section that holds
    /// both locks).
    pub fn meals(&self) -> u32 {
        self.on_left.min(self.on_right)
    }
}

/// Everything that happened at dinner, read from the chopsticks' tallies
/// after every philosopher has left the table (joined).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dinner {
    /// One per philosopher, in seat order.
    pub seats: Vec<Seat>,
    /// How many meals each chopstick was used for, in chopstick order.
    pub chopstick_uses: Vec<u32>,
}

// ANCHOR: dine
/// Seats [`PHILOSOPHERS`] philosophers, each of whom eats `meals` times, the
/// right way ([`eat`]), and returns once all of them have finished.
pub fn dine(meals: u32) -> Dinner {
    dine_with(meals, eat)
}

/// One meal: both chopsticks through [`acquire`], and the meal recorded on
/// each chopstick's tally while both are held. Returns the order `acquire`
/// took them in.
pub fn eat(seat: usize, left: &Chopstick, right: &Chopstick) -> Vec<&'static str> {
    let mut chopsticks = acquire(&[left, right])
        .expect("a philosopher holds nothing else and names two different chopsticks");
    chopsticks[0][seat] += 1;
    chopsticks[1][seat] += 1;
    chopsticks.locked_order()
} // the chopsticks go back on the table here, in the reverse of the order taken

/// Seats the philosophers, each of whom calls `eat` `meals` times, and reads
/// what happened from the chopsticks once all of them have been joined.
/// (The tests pass a wrong way to eat, to see the verdicts say "no".)
pub fn dine_with<F>(meals: u32, eat: F) -> Dinner
where
    F: Fn(usize, &Chopstick, &Chopstick) -> Vec<&'static str> + Sync,
{
    let chopsticks: Vec<Chopstick> = CHOPSTICKS
        .iter()
        .map(|&name| OrderedMutex::new(name, [0; PHILOSOPHERS]))
        .collect();
    // Nobody starts eating until everyone is seated: all five compete from
    // the first meal on.
    let table = Barrier::new(PHILOSOPHERS);

    let took: Vec<Vec<&'static str>> = thread::scope(|scope| {
        let philosophers: Vec<_> = (0..PHILOSOPHERS)
            .map(|seat| {
                let left = &chopsticks[seat];
                let right = &chopsticks[(seat + 1) % PHILOSOPHERS];
                let (table, eat) = (&table, &eat);
                scope.spawn(move || {
                    table.wait();
                    let mut took = Vec::new();
                    for _ in 0..meals {
                        let order = eat(seat, left, right);
                        if took.is_empty() {
                            took = order;
                        }
                    }
                    took
                })
            })
            .collect();
        philosophers
            .into_iter()
            .map(|p| p.join().expect("a philosopher does not panic"))
            .collect()
    });

    // Every philosopher has been joined: nothing writes the tallies now.
    let tallies: Vec<(&'static str, Tally)> = chopsticks
        .into_iter()
        .map(|chopstick| (chopstick.name(), chopstick.into_inner()))
        .collect();
    let seats = took
        .into_iter()
        .enumerate()
        .map(|(seat, took)| {
            let (left, right) = (&tallies[seat], &tallies[(seat + 1) % PHILOSOPHERS]);
            Seat {
                asked_for: [left.0, right.0],
                took,
                on_left: left.1[seat],
                on_right: right.1[seat],
            }
        })
        .collect();
    Dinner {
        seats,
        chopstick_uses: tallies
            .iter()
            .map(|(_, tally)| tally.iter().sum())
            .collect(),
    }
}
// ANCHOR_END: dine
