//! `lock-ordering-philosophers`: the behaviour, with exact expectations.

use std::sync::{Arc, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use lock_ordering_exercises::philosophers::{Chopstick, Tally, dine, eat};

/// What every chopstick's tally must say after `seats` philosophers ate
/// `meals` times each: chopstick `i` served seat `i` (on its left) and seat
/// `i - 1` (on its right), `meals` times each, and nobody else.
fn expected(seats: usize, meals: u32) -> Vec<Tally> {
    (0..seats)
        .map(|chopstick| {
            let mut tally = vec![0; seats];
            tally[chopstick] = meals;
            tally[(chopstick + seats - 1) % seats] = meals;
            tally
        })
        .collect()
}

/// `dine` on a thread of its own, with a watchdog: a deadlock fails the
/// test instead of hanging it.
fn dine_or_deadlock(seats: usize, meals: u32) -> Vec<Tally> {
    let (done, dinner) = mpsc::channel();
    thread::spawn(move || {
        let _ = done.send(dine(seats, meals));
    });
    dinner
        .recv_timeout(Duration::from_secs(3))
        .unwrap_or_else(|err| match err {
            mpsc::RecvTimeoutError::Timeout => panic!(
                "deadlock: dine({seats}, {meals}) did not finish in 3 s: the philosophers \
                 each hold one chopstick and wait for the next. Pick up the lower-numbered \
                 chopstick first."
            ),
            mpsc::RecvTimeoutError::Disconnected => panic!("dine({seats}, {meals}) panicked"),
        })
}

#[test]
fn one_meal_is_recorded_on_both_chopsticks() {
    let left = Chopstick::new(0, 2);
    let right = Chopstick::new(1, 2);
    eat(0, &left, &right);
    eat(1, &right, &left);
    eat(1, &right, &left);
    assert!(
        !left.in_use() && !right.in_use(),
        "eat must put both chopsticks down"
    );
    assert_eq!(left.into_tally(), [1, 2]);
    assert_eq!(right.into_tally(), [1, 2]);
}

#[test]
fn five_philosophers_all_finish_their_meals() {
    assert_eq!(dine_or_deadlock(5, 1_000), expected(5, 1_000));
}

#[test]
fn tables_of_two_three_and_seven_all_finish() {
    for seats in [2, 3, 7] {
        assert_eq!(
            dine_or_deadlock(seats, 200),
            expected(seats, 200),
            "{seats} seats"
        );
    }
}

/// The deadlock, made certain: chopstick 0 is taken, and philosopher 1
/// (left: chopstick 1, right: chopstick 0) sits down to eat. Taking the
/// lower-numbered first, they wait for chopstick 0 holding nothing; taking
/// the left first, they sit on chopstick 1 while they wait, and a table of
/// philosophers doing that can all hold one and wait for ever.
#[test]
fn a_philosopher_waiting_for_chopstick_0_holds_no_other() {
    let zero = Arc::new(Chopstick::new(0, 2));
    let one = Arc::new(Chopstick::new(1, 2));
    let taken = zero.pick_up();
    let philosopher = {
        let (zero, one) = (zero.clone(), one.clone());
        thread::spawn(move || eat(1, &one, &zero))
    };
    let watching = Instant::now();
    while watching.elapsed() < Duration::from_millis(300) {
        if one.in_use() {
            drop(taken);
            let _ = philosopher.join();
            panic!(
                "philosopher 1 picked up chopstick 1 while waiting for chopstick 0: if \
                 everyone does that, each can hold one chopstick and wait for the next \
                 for ever (a deadlock). Pick up the lower-numbered chopstick first."
            );
        }
        thread::sleep(Duration::from_millis(1));
    }
    drop(taken);
    philosopher.join().expect("the philosopher does not panic");
    let (zero, one) = (
        Arc::into_inner(zero).expect("the philosopher has left"),
        Arc::into_inner(one).expect("the philosopher has left"),
    );
    assert_eq!(zero.into_tally(), [0, 1]);
    assert_eq!(one.into_tally(), [0, 1]);
}
