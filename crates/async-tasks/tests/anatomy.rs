//! `what_an_async_fn_compiles_to`: a future polled by hand, and its size.
//! The controls for its verdicts are in `tests/verdicts.rs`.

use std::cell::Cell;
use std::task::Poll;

use async_tasks::anatomy::{
    add_eagerly, add_slowly, drops_a_buffer, holds_a_buffer, poll_by_hand, yield_once,
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

#[test]
fn an_eager_function_works_before_any_poll_and_is_ready_at_once() {
    let started = Cell::new(false);
    let future = add_eagerly(2, 3, &started);
    assert!(started.get());
    assert_eq!(poll_by_hand(future, 10), [Poll::Ready(5)]);
}
