//! Behaviour of `Mailbox` and `Actor`: delivery order, close semantics, send
//! after close, and panics that are reported, never lost.

use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc;
use std::thread;

use actors::{Actor, ActorPanicked, Inbox, Mailbox};

/// A panic message from a test's own deliberate panic would clutter the
/// output; the tests check the panics through `join` instead.
fn quiet_panics() {
    panic::set_hook(Box::new(|_| {}));
}

#[test]
fn each_senders_messages_arrive_in_the_order_it_sent_them() {
    const SENDERS: usize = 4;
    const PER_SENDER: usize = 2_000;
    let actor = Actor::spawn("collector", |inbox| inbox.collect::<Vec<(usize, usize)>>());
    thread::scope(|s| {
        for sender in 0..SENDERS {
            let address = actor.address();
            s.spawn(move || {
                for n in 0..PER_SENDER {
                    address.send((sender, n)).expect("open until join");
                }
            });
        }
    });
    let got = actor.join().expect("the collector does not panic");
    assert_eq!(got.len(), SENDERS * PER_SENDER);
    for sender in 0..SENDERS {
        let ns: Vec<usize> = got.iter().filter(|m| m.0 == sender).map(|m| m.1).collect();
        assert_eq!(ns, (0..PER_SENDER).collect::<Vec<_>>(), "sender {sender}");
    }
}

#[test]
fn messages_queued_when_the_mailbox_closes_are_all_handled_in_order() {
    let (go, gate) = mpsc::channel::<()>();
    let actor = Actor::spawn("gated", move |inbox: Inbox<u32>| {
        gate.recv().expect("the test opens the gate");
        inbox.collect::<Vec<_>>()
    });
    for n in 0..100 {
        actor.send(n).expect("open until close");
    }
    actor.close();
    assert!(actor.is_closed());
    assert_eq!(actor.queued(), 100, "the actor has not read anything yet");
    go.send(()).expect("the actor waits at the gate");
    assert_eq!(
        actor.join().expect("does not panic"),
        (0..100).collect::<Vec<_>>()
    );
}

#[test]
fn send_after_close_is_refused_and_the_message_comes_back() {
    let actor = Actor::spawn("closed", |inbox| inbox.collect::<Vec<String>>());
    actor.send("before".to_owned()).expect("open");
    actor.close();
    let refused = actor.send("after".to_owned()).unwrap_err();
    assert_eq!(refused.to_string(), "the mailbox is closed");
    assert_eq!(refused.into_inner(), "after");
    // Through another address, too.
    assert_eq!(
        actor.address().send("also after".to_owned()).unwrap_err().0,
        "also after"
    );
    assert_eq!(actor.join().expect("does not panic"), ["before"]);
}

#[test]
fn close_is_idempotent() {
    let actor = Actor::spawn("twice", |inbox| inbox.count());
    actor.send(()).expect("open");
    actor.close();
    actor.close();
    assert_eq!(actor.join().expect("does not panic"), 1);
}

#[test]
fn join_closes_the_mailbox_so_it_cannot_wait_for_ever() {
    let actor = Actor::spawn("unclosed", |inbox| inbox.sum::<u64>());
    let address = actor.address();
    for n in 1..=10 {
        actor.send(n).expect("open");
    }
    // No `close`: join does it, and still every queued message counts.
    assert_eq!(actor.join().expect("does not panic"), 55);
    assert!(address.is_closed());
    assert!(address.send(11).is_err());
}

/// A message that reports when it is dropped.
struct Tell(mpsc::Sender<&'static str>, &'static str);

impl Drop for Tell {
    fn drop(&mut self) {
        let _listener_may_be_gone = self.0.send(self.1);
    }
}

#[test]
fn an_actor_that_returns_early_closes_its_mailbox_and_drops_the_rest() {
    let (go, gate) = mpsc::channel::<()>();
    let actor = Actor::spawn("quitter", move |mut inbox: Inbox<Tell>| {
        gate.recv().expect("the test opens the gate");
        inbox.next().map(|first| first.1) // read one message, then return
    });
    let (told, dropped) = mpsc::channel();
    actor.send(Tell(told.clone(), "first")).expect("open");
    actor.send(Tell(told, "second")).expect("open");
    go.send(()).expect("the actor waits at the gate");
    // "first" is dropped by the actor after reading it; "second" by the
    // clean-up when its thread ends, after the mailbox is closed. (A hang
    // guard, not a speed claim: the clean-up takes microseconds.)
    let wait = std::time::Duration::from_secs(10);
    assert_eq!(dropped.recv_timeout(wait), Ok("first"));
    assert_eq!(
        dropped.recv_timeout(wait),
        Ok("second"),
        "the message left in the mailbox was not dropped when the actor ended"
    );
    // Closed by the actor's own ending, before anyone called close or join.
    assert!(actor.is_closed());
    let (told, _dropped) = mpsc::channel();
    assert!(actor.send(Tell(told, "third")).is_err());
    assert_eq!(actor.join().expect("does not panic"), Some("first"));
}

#[test]
fn a_panic_in_an_actor_comes_back_from_join_with_its_name_and_message() {
    quiet_panics();
    let actor = Actor::spawn("fragile", |inbox: Inbox<i32>| {
        for n in inbox {
            assert!(n >= 0, "negative input: {n}");
        }
    });
    actor.send(1).expect("open");
    actor.send(-7).expect("open");
    assert_eq!(
        actor.join(),
        Err(ActorPanicked {
            actor: "fragile".to_owned(),
            message: "negative input: -7".to_owned(),
        })
    );
}

#[test]
fn a_panicked_actor_closes_its_mailbox_and_drops_what_was_queued() {
    quiet_panics();
    let (go, gate) = mpsc::channel::<()>();
    let actor = Actor::spawn("doomed", move |mut inbox: Inbox<std::sync::Arc<()>>| {
        gate.recv().expect("the test opens the gate");
        if inbox.next().is_some() {
            panic!("the first message is fatal");
        }
    });
    let token = std::sync::Arc::new(());
    for _ in 0..3 {
        actor.send(std::sync::Arc::clone(&token)).expect("open");
    }
    assert_eq!(std::sync::Arc::strong_count(&token), 4);
    go.send(()).expect("the actor waits at the gate");
    let address = actor.address();
    let err = actor.join().unwrap_err();
    assert_eq!(err.message, "the first message is fatal");
    // Every queued message was dropped: no copy of the token is left behind.
    assert_eq!(std::sync::Arc::strong_count(&token), 1);
    assert!(address.send(token).is_err());
}

#[test]
fn dropping_a_panicked_actor_without_join_raises_its_panic() {
    quiet_panics();
    let dropped = panic::catch_unwind(AssertUnwindSafe(|| {
        let actor = Actor::spawn("forgotten", |mut inbox: Inbox<()>| {
            if inbox.next().is_some() {
                panic!("nobody joined me");
            }
        });
        actor.send(()).expect("open");
        drop(actor);
    }));
    let payload = dropped.unwrap_err();
    assert_eq!(
        kit::panic_message(&*payload),
        "an actor was dropped without `join`, and it had panicked: \
         actor `forgotten` panicked: nobody joined me"
    );
}

#[test]
fn dropping_an_actor_closes_and_joins_it() {
    let (report, reports) = mpsc::channel();
    let actor = Actor::spawn("dropped", move |inbox: Inbox<u32>| {
        report.send(inbox.sum::<u32>()).expect("the test listens");
    });
    actor.send(4).expect("open");
    actor.send(5).expect("open");
    drop(actor);
    // The actor has finished by the time `drop` returns: its report is there.
    assert_eq!(reports.try_recv(), Ok(9));
}

#[test]
fn a_mailbox_hands_out_queued_messages_then_none_once_closed() {
    let mailbox = Mailbox::new();
    assert!(mailbox.is_empty());
    mailbox.send(1).expect("open");
    mailbox.send(2).expect("open");
    mailbox.close();
    assert_eq!(mailbox.len(), 2);
    assert_eq!(mailbox.recv(), Some(1));
    assert_eq!(mailbox.recv(), Some(2));
    assert_eq!(mailbox.recv(), None);
    assert_eq!(mailbox.recv(), None, "and it stays at the end");
}

#[test]
fn closing_wakes_a_receiver_waiting_on_an_empty_mailbox() {
    let mailbox = Mailbox::<u8>::new();
    thread::scope(|s| {
        let receiver = s.spawn(|| mailbox.recv());
        // Whether the receiver is already asleep or not, the close must end
        // its wait: either way it sees "closed and empty".
        mailbox.close();
        assert_eq!(receiver.join().expect("recv does not panic"), None);
    });
}
