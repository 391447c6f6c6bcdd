//! Section 4: a future polled by hand, its size, and the controls for the
//! section's three verdicts.

use std::cell::Cell;
use std::mem::size_of_val;
use std::task::Poll;

use async_tasks::anatomy::{
    add_eagerly, add_slowly, at_least, drops_a_buffer, holds_a_buffer,
    nothing_ran_before_the_first_poll, poll_by_hand, smaller_than, yield_once,
};

#[test]
fn a_future_runs_from_await_to_await() {
    let started = Cell::new(false);
    let future = add_slowly(2, 3, &started);
    assert!(!started.get());
    assert_eq!(
        poll_by_hand(future, 10),
        [Poll::Pending, Poll::Pending, Poll::Ready(5)]
    );
    assert!(started.get());
}

#[test]
fn poll_by_hand_stops_at_its_limit() {
    assert_eq!(
        poll_by_hand(std::future::pending::<()>(), 3),
        [Poll::Pending, Poll::Pending, Poll::Pending]
    );
    assert_eq!(poll_by_hand(yield_once(), 1), [Poll::Pending]);
}

/// A plain function that does the work before returning a ready future:
/// its body ran before any poll, and the verdict says no.
#[test]
fn verdict_nothing_ran_before_the_first_poll_can_fail() {
    let started = Cell::new(false);
    let future = add_eagerly(2, 3, &started);
    assert!(!nothing_ran_before_the_first_poll(&started));
    assert_eq!(poll_by_hand(future, 10), [Poll::Ready(5)]);
}

/// The future that drops its buffer before the `.await` is not 1 KiB big.
#[test]
fn verdict_future_at_least_1_kib_can_fail() {
    assert!(at_least(size_of_val(&holds_a_buffer()), 1024));
    assert!(!at_least(size_of_val(&drops_a_buffer()), 1024));
}

/// The future that keeps its buffer across the `.await` is not under 1 KiB.
#[test]
fn verdict_future_under_1_kib_can_fail() {
    assert!(smaller_than(size_of_val(&drops_a_buffer()), 1024));
    assert!(!smaller_than(size_of_val(&holds_a_buffer()), 1024));
}

#[test]
fn both_buffer_futures_give_the_same_answer() {
    assert_eq!(
        poll_by_hand(holds_a_buffer(), 10).last(),
        Some(&Poll::Ready(7))
    );
    assert_eq!(
        poll_by_hand(drops_a_buffer(), 10).last(),
        Some(&Poll::Ready(7))
    );
}
