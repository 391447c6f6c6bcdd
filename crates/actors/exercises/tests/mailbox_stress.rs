//! `actors-mailbox` under stress: four senders race a close. Every message
//! a send accepted is handled exactly once, in each sender's order, and
//! every message it refused is not: closing loses nothing and lets nothing
//! in behind it.

use std::sync::Arc;
use std::thread;
use std::time::Duration;

use actors_exercises::mailbox::Mailbox;

#[test]
fn accepted_means_handled_refused_means_not() {
    const SENDERS: u32 = 4;
    const EACH: u32 = 20_000;
    for round in 0..20 {
        let mailbox = Arc::new(Mailbox::new());
        let actor = {
            let mailbox = Arc::clone(&mailbox);
            thread::spawn(move || {
                let mut handled = Vec::new();
                while let Some(msg) = mailbox.recv() {
                    handled.push(msg);
                }
                handled
            })
        };
        let senders: Vec<_> = (0..SENDERS)
            .map(|s| {
                let mailbox = Arc::clone(&mailbox);
                thread::spawn(move || {
                    let mut accepted = 0;
                    for i in 0..EACH {
                        if mailbox.send((s, i)).is_err() {
                            assert!(
                                mailbox.send((s, EACH)).is_err(),
                                "once refused, always refused"
                            );
                            break;
                        }
                        accepted += 1;
                    }
                    accepted
                })
            })
            .collect();
        thread::sleep(Duration::from_micros(200 * (round % 5)));
        mailbox.close();
        let accepted: Vec<u32> = senders.into_iter().map(|s| s.join().unwrap()).collect();
        let handled = actor.join().expect("the actor does not panic");
        for s in 0..SENDERS {
            let mine: Vec<u32> = handled
                .iter()
                .filter(|(from, _)| *from == s)
                .map(|(_, i)| *i)
                .collect();
            assert_eq!(
                mine,
                (0..accepted[s as usize]).collect::<Vec<_>>(),
                "round {round}, sender {s}: the accepted messages, each once, in order"
            );
        }
    }
}
