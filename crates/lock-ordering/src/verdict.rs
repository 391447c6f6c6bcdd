//! The lesson's verdicts: each claim `main.rs` prints as `<claim>: yes` or
//! `<claim>: no` is computed here, one function per claim, from the
//! evidence the section collected, so that `tests/verdicts.rs` can run the
//! broken variant of each claim for real, feed what it saw to the very same
//! function, and see the answer opposite to the one the lesson prints.

use std::time::Duration;

use kit::Verdict;

use crate::bank::Account;
use crate::philosophers::Dinner;

/// `opposite_orders_deadlock`: a timed lock attempt that gave up waited at
/// least its patience. (One that got the lock, or was given it early, waited
/// less.)
pub fn waited_its_patience(waited: Duration, patience: Duration) -> Verdict {
    Verdict::from(waited >= patience)
}

/// `opposite_orders_deadlock`: a thread got its second lock.
pub fn got_it(got_second: bool) -> Verdict {
    Verdict::from(got_second)
}

/// `opposite_orders_deadlock`: a deadlock is two threads each of which holds a
/// lock and did not get the one the other holds: neither got its second lock.
pub fn deadlock_detected(one_got_second: bool, two_got_second: bool) -> Verdict {
    Verdict::from(!one_got_second && !two_got_second)
}

/// `acquire_takes_any_set_in_one_order`: every call took its locks in the same
/// order (and there was at least one call to look at).
pub fn one_order<S: PartialEq>(orders_taken: &[Vec<S>]) -> Verdict {
    Verdict::from(
        orders_taken
            .first()
            .is_some_and(|first| orders_taken.iter().all(|order| order == first)),
    )
}

/// `one_global_order_cannot_deadlock`: the two accounts' own ledgers, written
/// under their locks, show `transfers` moves each way: `x` sent that many and
/// `y` received them, and back. A transfer skipped, or done to one account
/// only, leaves the ledgers short or out of step.
pub fn every_transfer_finished(x: &Account, y: &Account, transfers: u32) -> Verdict {
    Verdict::from(
        x.sent == transfers
            && y.received == transfers
            && y.sent == transfers
            && x.received == transfers,
    )
}

/// `one_global_order_cannot_deadlock`: the balances add up to what the accounts
/// started with.
pub fn nothing_lost(accounts: &[&Account], total: i64) -> Verdict {
    Verdict::from(accounts.iter().map(|a| a.balance).sum::<i64>() == total)
}

/// `five_philosophers_all_eat`: every philosopher has `meals` meals recorded on
/// *both* of their chopsticks. Each chopstick keeps its own tally, and only a
/// thread holding its lock can write to it, so a meal eaten without one of the
/// two chopsticks, or skipped, leaves a seat short.
pub fn all_ate(dinner: &Dinner, meals: u32) -> Verdict {
    Verdict::from(
        !dinner.seats.is_empty()
            && dinner
                .seats
                .iter()
                .all(|seat| seat.on_left == meals && seat.on_right == meals),
    )
}

/// `five_philosophers_all_eat`: every chopstick's own tally says it was used
/// for `uses` meals (each of its two neighbours' `meals`).
pub fn every_chopstick_served(dinner: &Dinner, uses: u32) -> Verdict {
    Verdict::from(
        !dinner.chopstick_uses.is_empty() && dinner.chopstick_uses.iter().all(|&n| n == uses),
    )
}
