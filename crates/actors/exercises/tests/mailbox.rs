//! `actors-mailbox`: the behaviour, with exact expectations. The actor is a
//! thread that reads the mailbox until `recv` says `None`.

use std::sync::{Arc, mpsc};
use std::thread;
use std::time::Duration;

use actors_exercises::mailbox::{Closed, Mailbox};

/// An actor over `mailbox` that waits for `go` before it reads anything,
/// then returns every message it handled.
fn gated_actor(
    mailbox: &Arc<Mailbox<&'static str>>,
    go: mpsc::Receiver<()>,
) -> thread::JoinHandle<Vec<&'static str>> {
    let mailbox = Arc::clone(mailbox);
    thread::spawn(move || {
        go.recv().expect("the test sends the go-ahead");
        let mut handled = Vec::new();
        while let Some(msg) = mailbox.recv() {
            handled.push(msg);
        }
        handled
    })
}

#[test]
fn close_lets_the_actor_handle_what_is_queued_then_ends_it() {
    let mailbox = Arc::new(Mailbox::new());
    let (go, gate) = mpsc::channel();
    let actor = gated_actor(&mailbox, gate);
    for msg in ["one", "two", "three"] {
        mailbox.send(msg).unwrap();
    }
    mailbox.close();
    assert!(mailbox.is_closed());
    assert_eq!(
        mailbox.len(),
        3,
        "close must keep the messages already queued: they must still be handled"
    );
    go.send(()).unwrap();
    assert_eq!(
        actor.join().unwrap(),
        ["one", "two", "three"],
        "every message queued before close must still be handled, in order"
    );
}

#[test]
fn a_send_after_close_is_refused_and_the_message_comes_back() {
    let mailbox = Mailbox::new();
    mailbox.send("one").unwrap();
    mailbox.close();
    assert_eq!(mailbox.send("four"), Err(Closed("four")));
    assert_eq!(
        mailbox.len(),
        1,
        "the message queued before close must still be handled; the refused one is not queued"
    );
    assert_eq!(mailbox.recv(), Some("one"));
    assert_eq!(mailbox.recv(), None);
    assert_eq!(mailbox.recv(), None, "closed and empty: None for ever");
}

#[test]
fn close_wakes_an_actor_asleep_on_an_empty_mailbox() {
    let mailbox: Arc<Mailbox<&'static str>> = Arc::new(Mailbox::new());
    let (go, gate) = mpsc::channel();
    let actor = gated_actor(&mailbox, gate);
    go.send(()).unwrap();
    // Give the actor time to fall asleep in `recv` (not needed for a right
    // answer: it makes a close that wakes nobody hang here).
    thread::sleep(Duration::from_millis(50));
    mailbox.close();
    assert_eq!(actor.join().unwrap(), [] as [&str; 0]);
}

#[test]
fn a_send_wakes_the_actor() {
    let mailbox = Arc::new(Mailbox::new());
    let (go, gate) = mpsc::channel();
    let actor = gated_actor(&mailbox, gate);
    go.send(()).unwrap();
    thread::sleep(Duration::from_millis(20));
    mailbox.send("late but open").unwrap();
    while !mailbox.is_empty() {
        thread::sleep(Duration::from_millis(1));
    }
    mailbox.close();
    assert_eq!(actor.join().unwrap(), ["late but open"]);
}
