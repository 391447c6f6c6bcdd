//! expect: hold one chopstick and wait
//! Every philosopher picks up the left chopstick, then the right: all of
//! them can hold one and wait for the next, for ever. (Caught by the tests:
//! `a_philosopher_waiting_for_chopstick_0_holds_no_other` sees philosopher 1
//! sitting on chopstick 1, and `dine` may deadlock on its watchdog; and by
//! the loom model, which finds the schedule that deadlocks.)

use std::sync::Barrier;
use std::thread;

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
    // The mistake: everyone picks up the left chopstick first.
    let mut left_tally = left.pick_up();
    let mut right_tally = right.pick_up();
    record_meal(seat, &mut left_tally, &mut right_tally);
}

/// Seats `seats` philosophers (at least two) at a round table, chopstick
/// `i` on the left of seat `i` and chopstick `(i + 1) % seats` on its right;
/// each eats `meals` times. Returns every chopstick's tally, in chopstick
/// order, once all of them have left the table.
pub fn dine(seats: usize, meals: u32) -> Vec<Tally> {
    assert!(
        seats >= 2,
        "one philosopher would need the same chopstick twice"
    );
    let chopsticks: Vec<Chopstick> = (0..seats).map(|n| Chopstick::new(n, seats)).collect();
    let table = Barrier::new(seats);
    thread::scope(|s| {
        for seat in 0..seats {
            let (left, right) = (&chopsticks[seat], &chopsticks[(seat + 1) % seats]);
            let table = &table;
            s.spawn(move || {
                table.wait();
                for _ in 0..meals {
                    eat(seat, left, right);
                }
            });
        }
    });
    chopsticks.into_iter().map(Chopstick::into_tally).collect()
}
