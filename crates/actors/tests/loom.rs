//! Model tests: loom runs each scenario through every interleaving of its
//! threads that matters, with the crate's primitives built on loom's `Mutex`
//! and `Condvar` (`--cfg loom`). A lost wake-up shows up as a deadlock, a
//! lost or doubled message as a failed assertion.
//!
//! ```text
//! RUSTFLAGS="--cfg loom" CARGO_TARGET_DIR=target/loom \
//!     cargo test --release -p actors --test loom
//! ```
#![cfg(loom)]

use loom::sync::Arc;
use loom::thread;

use actors::{
    Actor, Exchange, FastWorker, JobError, Mailbox, Tuning, Worker, mailbox, result_handle,
};

#[test]
fn two_senders_messages_all_arrive_each_in_its_senders_order() {
    loom::model(|| {
        let mailbox = Arc::new(Mailbox::new());
        let first = thread::spawn({
            let mailbox = Arc::clone(&mailbox);
            move || {
                mailbox.send(1).expect("open");
                mailbox.send(2).expect("open");
            }
        });
        let second = thread::spawn({
            let mailbox = Arc::clone(&mailbox);
            move || mailbox.send(10).expect("open")
        });
        let got: Vec<i32> = (0..3).map(|_| mailbox.recv().expect("open")).collect();
        first.join().expect("no panic");
        second.join().expect("no panic");
        let from_first: Vec<i32> = got.iter().copied().filter(|&n| n < 10).collect();
        assert_eq!(from_first, [1, 2]);
        assert!(got.contains(&10));
    });
}

#[test]
fn close_wakes_a_receiver_waiting_on_an_empty_mailbox() {
    loom::model(|| {
        let mailbox = Arc::new(Mailbox::<u8>::new());
        let receiver = thread::spawn({
            let mailbox = Arc::clone(&mailbox);
            move || mailbox.recv()
        });
        mailbox.close();
        assert_eq!(receiver.join().expect("no panic"), None);
    });
}

#[test]
fn a_send_racing_close_is_either_delivered_or_refused_never_lost() {
    loom::model(|| {
        let mailbox = Arc::new(Mailbox::new());
        let sender = thread::spawn({
            let mailbox = Arc::clone(&mailbox);
            move || mailbox.send(7).map_err(|refused| refused.into_inner())
        });
        mailbox.close();
        let sent = sender.join().expect("no panic");
        match sent {
            Ok(()) => assert_eq!(mailbox.recv(), Some(7)),
            Err(refused) => assert_eq!(refused, 7),
        }
        assert_eq!(mailbox.recv(), None);
    });
}

#[test]
fn a_result_set_on_one_thread_reaches_the_waiter_on_another() {
    loom::model(|| {
        let (promise, handle) = result_handle();
        let producer = thread::spawn(move || promise.set(42));
        assert_eq!(handle.result(), Ok(42));
        producer.join().expect("no panic");
    });
}

#[test]
fn a_promise_dropped_on_another_thread_wakes_the_waiter_with_not_run() {
    loom::model(|| {
        let (promise, handle) = result_handle::<u8>();
        let dropper = thread::spawn(move || drop(promise));
        assert_eq!(handle.result(), Err(JobError::NotRun));
        dropper.join().expect("no panic");
    });
}

#[test]
fn a_failed_promise_is_seen_as_failed_not_as_not_run() {
    loom::model(|| {
        let (promise, handle) = result_handle::<u8>();
        let waiter = thread::spawn(move || handle.result());
        // `fail` consumes the promise and its `drop` follows: the waiter
        // must see the failure, never the drop's `NotRun`.
        promise.fail("boom".to_owned());
        assert_eq!(
            waiter.join().expect("no panic"),
            Err(JobError::Panicked("boom".to_owned()))
        );
    });
}

#[test]
fn an_actor_handles_what_was_sent_before_join_closed_it() {
    loom::model(|| {
        let actor = Actor::spawn("sum", |inbox| inbox.sum::<u32>());
        let address = actor.address();
        let sender = thread::spawn(move || address.send(5).is_ok());
        actor.send(1).expect("open until join");
        let total = actor.join().expect("no panic");
        let accepted = sender.join().expect("no panic");
        // The racing send is counted exactly when it was accepted.
        assert_eq!(total, if accepted { 6 } else { 1 });
    });
}

#[test]
fn a_worker_round_trip() {
    loom::model(|| {
        let worker = Worker::spawn("worker");
        let handle = worker.submit(|| 2_u32.pow(3)).expect("open");
        assert_eq!(handle.result(), Ok(8));
        worker.join().expect("no panic");
    });
}

#[test]
fn a_subscription_dropped_during_a_send_gets_the_message_at_most_once() {
    loom::model(|| {
        let exchange = Exchange::new();
        let listener = Actor::spawn("listener", |inbox| inbox.collect::<Vec<u8>>());
        let subscription = exchange.subscribe(listener.address());
        let unsubscriber = thread::spawn(move || drop(subscription));
        let reached = exchange.send(1);
        unsubscriber.join().expect("no panic");
        assert_eq!(exchange.subscribers(), 0);
        let got = listener.join().expect("no panic");
        assert_eq!(got.len(), reached, "delivered exactly when send counted it");
        assert!(reached <= 1);
    });
}

#[test]
fn two_sends_from_two_threads_reach_both_subscribers_in_one_order() {
    loom::model(|| {
        let exchange = Exchange::new();
        // Subscribers without actor threads: the model stays at two threads.
        let (a, inbox_a) = mailbox();
        let (b, inbox_b) = mailbox();
        exchange.attach(a.clone());
        exchange.attach(b.clone());
        let sender = thread::spawn({
            let exchange = exchange.clone();
            move || exchange.send(1)
        });
        assert_eq!(exchange.send(2), 2);
        assert_eq!(sender.join().expect("no panic"), 2);
        a.close();
        b.close();
        let got_a: Vec<u8> = inbox_a.collect();
        let got_b: Vec<u8> = inbox_b.collect();
        assert_eq!(got_a.len(), 2);
        assert_eq!(got_a, got_b, "both subscribers saw the sends in one order");
    });
}

// `FastWorker`: the hand-off that notifies only a sleeper. A notification
// skipped while the other side was about to sleep would show up here as a
// deadlock. Under loom each waiter spins one turn (a yield) and never
// yields its core, so loom explores both "caught while spinning" and
// "went to sleep".

#[test]
fn a_fast_worker_round_trip() {
    loom::model(|| {
        let worker = FastWorker::spawn("fast", Tuning::FAST);
        let handle = worker.submit(|| 2_u32.pow(3)).expect("open");
        assert_eq!(handle.result(), Ok(8));
        let counts = [worker.mailbox_counts(), worker.result_counts()];
        worker.join().expect("no panic");
        for counts in counts {
            assert_eq!(counts.notified_nobody, 0);
            assert!(counts.notified <= counts.slept);
        }
    });
}

#[test]
fn two_jobs_in_a_row_to_a_fast_worker_both_answered() {
    loom::model(|| {
        let worker = FastWorker::spawn("fast", Tuning::FAST);
        // The second put may find the worker asleep, awake, or woken but
        // not yet running: whichever, it is taken.
        let first = worker.submit(|| 1_u8).expect("open");
        let second = worker.submit(|| 2_u8).expect("open");
        assert_eq!(second.result(), Ok(2));
        assert_eq!(first.result(), Ok(1));
        worker.join().expect("no panic");
    });
}

#[test]
fn a_fast_result_delivered_to_a_waiter_on_a_third_thread() {
    loom::model(|| {
        let worker = FastWorker::spawn("fast", Tuning::FAST);
        let handle = worker.submit(|| 7_u8).expect("open");
        let waiter = thread::spawn(move || handle.result());
        // Closing while the job may still be queued: it still runs.
        worker.close();
        assert_eq!(waiter.join().expect("no panic"), Ok(7));
        worker.join().expect("no panic");
    });
}
