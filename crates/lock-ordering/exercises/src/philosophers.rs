//! # Exercise `lock-ordering-philosophers`: everybody eats
//!
//! Read first, in book/src/lock-ordering.md (`cargo xtask learn` prints the
//! link to the section): "Five philosophers, 1000 meals each: all finish".
//!
//! Philosophers sit at a round table, a chopstick between each pair. If each
//! picks up the left chopstick first, all of them can hold one and wait for
//! the next for ever: the deadlock of two threads taking two locks in
//! opposite orders, with a cycle of five.
//!
//! - [`eat`]: one meal for the philosopher in `seat`: pick up both
//!   chopsticks **in one global order** (the lower-numbered first), and,
//!   holding both, write the meal with [`record_meal`];
//! - [`dine`]: seat `seats` philosophers, one thread each, chopstick `i` on
//!   the left of seat `i` and chopstick `(i + 1) % seats` on its right; each
//!   eats `meals` times; return every chopstick's tally (in chopstick order)
//!   once all have finished. A meal counts only if both chopsticks recorded
//!   it.
//!
//! [`Chopstick`] and [`record_meal`] are given. The loom model
//! (`tests/philosophers_loom.rs`) seats three philosophers for one meal each
//! under every interleaving.
//!
//! Check it: `cargo xtask learn check lock-ordering-philosophers`.

use crate::sync::{Mutex, MutexGuard, lock};

/// A chopstick's own record, kept behind its lock: how many meals each
/// philosopher (by seat) ate with it.
pub type Tally = Vec<u32>;

/// Chopstick `number` lies between seat `number - 1` (its right) and seat
/// `number` (its left). Chopsticks rank by number: lower first.
#[derive(Debug)]
pub struct Chopstick {
    number: usize,
    tally: Mutex<Tally>,
}

impl Chopstick {
    /// Chopstick `number` at a table of `seats`, its tally all zeros.
    pub fn new(number: usize, seats: usize) -> Self {
        Chopstick {
            number,
            tally: Mutex::new(vec![0; seats]),
        }
    }

    pub fn number(&self) -> usize {
        self.number
    }

    /// Picks the chopstick up, waiting until its neighbour puts it down.
    /// Put it down by dropping the guard.
    pub fn pick_up(&self) -> MutexGuard<'_, Tally> {
        lock(&self.tally)
    }

    /// Whether someone holds it right now (never waits).
    pub fn in_use(&self) -> bool {
        crate::sync::is_locked(&self.tally)
    }

    /// Its tally, read once nobody eats any more.
    pub fn into_tally(self) -> Tally {
        self.tally
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Writes one meal of `seat` on both chopsticks' tallies. It needs both
/// tallies at once, so both chopsticks must be in hand.
pub fn record_meal(seat: usize, left: &mut Tally, right: &mut Tally) {
    left[seat] += 1;
    right[seat] += 1;
}

/// One meal for the philosopher in `seat`: pick up both chopsticks, the
/// lower-numbered first, record the meal, put them down.
pub fn eat(seat: usize, left: &Chopstick, right: &Chopstick) {
    // TODO: pick up the lower-numbered chopstick first, then the other;
    // then `record_meal(seat, &mut left_tally, &mut right_tally)` while
    // both guards are alive.
    todo!("eat")
}

/// Seats `seats` philosophers (at least two) at a round table, chopstick
/// `i` on the left of seat `i` and chopstick `(i + 1) % seats` on its right;
/// each eats `meals` times. Returns every chopstick's tally, in chopstick
/// order, once all of them have left the table.
pub fn dine(seats: usize, meals: u32) -> Vec<Tally> {
    // TODO: make the chopsticks; in a `thread::scope`, spawn one thread per
    // seat that calls `eat` `meals` times; then return each chopstick's
    // `into_tally()`. (A `Barrier` that makes them start together is a
    // good idea: everyone competes from the first meal on.)
    todo!("dine")
}
