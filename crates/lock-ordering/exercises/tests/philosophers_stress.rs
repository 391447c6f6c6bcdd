//! `lock-ordering-philosophers` under stress: many dinners, many meals; all
//! finish (the checker's time limit is the watchdog), and every meal is on
//! both chopsticks' tallies.

use lock_ordering_exercises::philosophers::dine;

#[test]
fn many_dinners_all_finish_with_every_meal_recorded() {
    for (seats, meals) in [
        (5, 100_000),
        (5, 100_000),
        (7, 50_000),
        (2, 100_000),
        (9, 20_000),
    ] {
        let tallies = dine(seats, meals);
        for (n, tally) in tallies.iter().enumerate() {
            let mut want = vec![0; seats];
            want[n] = meals;
            want[(n + seats - 1) % seats] = meals;
            assert_eq!(tally, &want, "{seats} seats: chopstick {n}");
        }
    }
}
