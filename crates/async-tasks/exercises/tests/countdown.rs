//! `async-tasks-countdown`: the behaviour. Polled by hand (with
//! `Waker::noop()`, as the lesson's `poll_by_hand` does) the exact sequence
//! of `Pending`s and the `Ready`; with a waker that counts, one wake-up per
//! `Pending`; and on tokio, where only a wake-up gets a task polled again.

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll, Wake, Waker};
use std::time::Duration;

use async_tasks_exercises::countdown::countdown;

/// Polls `future` with a waker that does nothing, at most `limit` times,
/// and returns what each poll returned.
fn poll_by_hand<F: Future>(future: F, limit: usize) -> Vec<Poll<F::Output>> {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    let mut polls = Vec::new();
    for _ in 0..limit {
        let poll = future.as_mut().poll(&mut cx);
        let ready = poll.is_ready();
        polls.push(poll);
        if ready {
            break;
        }
    }
    polls
}

/// A waker that counts how many times it was woken.
#[derive(Default)]
struct Counting(AtomicUsize);

impl Wake for Counting {
    fn wake(self: Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

#[test]
fn polled_by_hand_it_is_pending_n_times_then_ready() {
    assert_eq!(
        poll_by_hand(countdown(3), 10),
        [Poll::Pending, Poll::Pending, Poll::Pending, Poll::Ready(4)]
    );
    assert_eq!(poll_by_hand(countdown(0), 10), [Poll::Ready(1)]);
    let long = poll_by_hand(countdown(40), 100);
    assert_eq!(long.len(), 41);
    assert_eq!(long[40], Poll::Ready(41));
}

#[test]
fn it_wakes_its_waker_once_for_every_pending() {
    let counting = Arc::new(Counting::default());
    let waker = Waker::from(Arc::clone(&counting));
    let mut cx = Context::from_waker(&waker);
    let mut future = pin!(countdown(5));
    let mut pendings = 0;
    loop {
        let before = counting.0.load(Ordering::SeqCst);
        match future.as_mut().poll(&mut cx) {
            Poll::Pending => {
                pendings += 1;
                let woken = counting.0.load(Ordering::SeqCst) - before;
                assert_eq!(
                    woken, 1,
                    "poll {pendings} returned Pending and woke the waker {woken} times: \
                     exactly once, or a runtime does not poll it again"
                );
            }
            Poll::Ready(polls) => {
                assert_eq!(polls, 6);
                break;
            }
        }
        assert!(pendings <= 5, "countdown(5) must be Pending only 5 times");
    }
    assert_eq!(pendings, 5);
}

#[test]
fn on_tokio_the_task_finishes() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a one-thread runtime builds");
    runtime.block_on(async {
        let task = tokio::spawn(countdown(5));
        match tokio::time::timeout(Duration::from_secs(1), task).await {
            Ok(joined) => assert_eq!(joined.expect("the countdown does not panic"), 6),
            Err(_) => panic!(
                "countdown(5) did not finish on the runtime in 1 s: it returned Pending \
                 without waking its waker, so tokio never polled it again"
            ),
        }
    });
}

#[test]
fn an_async_fn_can_await_it() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a one-thread runtime builds");
    let total = runtime.block_on(async {
        let task = tokio::spawn(async { countdown(2).await + countdown(3).await });
        tokio::time::timeout(Duration::from_secs(1), task).await
    });
    match total {
        Ok(joined) => assert_eq!(joined.expect("the countdowns do not panic"), 3 + 4),
        Err(_) => panic!(
            "the task awaiting two countdowns did not finish on the runtime in 1 s: a \
             Pending without a wake-up"
        ),
    }
}
