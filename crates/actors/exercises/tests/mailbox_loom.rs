//! `actors-mailbox` under loom: an actor reads its mailbox while the main
//! thread sends one message and closes it. In every interleaving the actor
//! handles the message and then ends: no lost message, no actor asleep for
//! ever on a closed mailbox.
#![cfg(loom)]

use actors_exercises::mailbox::Mailbox;
use loom::sync::Arc;

#[test]
fn the_actor_handles_the_message_then_ends() {
    kit::schedule::model(|| {
        let mailbox = Arc::new(Mailbox::new());
        let actor = {
            let mailbox = Arc::clone(&mailbox);
            loom::thread::spawn(move || {
                let mut handled = Vec::new();
                while let Some(msg) = mailbox.recv() {
                    handled.push(msg);
                }
                handled
            })
        };
        mailbox.send(7).unwrap();
        mailbox.close();
        assert!(mailbox.send(8).is_err(), "a send after close is refused");
        assert_eq!(actor.join().unwrap(), [7]);
    });
}
