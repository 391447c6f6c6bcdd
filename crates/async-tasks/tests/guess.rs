//! `porting_threaded_io_to_async`: the guessing game's two sides, the
//! threaded game and its port. The controls for its verdicts are in
//! `tests/verdicts.rs`.

use async_tasks::guess::{Guesser, Player, Protocol, RANGE, distinct, guesses, play_with_threads};
use async_tasks::ported::play_with_tasks;
use async_tasks::verdict::{on_one_thread, same_transcript};
use kit::Verdict;

/// The game with no sockets at all: the client's lines straight into the
/// server's `reply`.
fn play_in_memory(secret: u32, server: &mut impl Protocol) -> Vec<String> {
    let mut player = Player::new(secret);
    let mut transcript = Vec::new();
    let mut line = player.first_line();
    for _ in 0..100 {
        let reply = server.reply(&line);
        transcript.push(format!("> {line}"));
        transcript.push(format!("< {reply}"));
        match player.next_line(&reply) {
            Some(next) => line = next,
            None => return transcript,
        }
    }
    panic!("the game did not end in 100 lines: {transcript:?}");
}

#[test]
fn a_whole_session() {
    assert_eq!(
        play_in_memory(25, &mut Guesser::default()),
        [
            "> PARAMS 1 100",
            "< OK",
            "> NUMBER",
            "< 50",
            "> REPORT lower",
            "< OK",
            "> NUMBER",
            "< 25",
            "> REPORT correct",
            "< OK",
        ]
    );
}

#[test]
fn every_secret_is_found_in_seven_guesses_at_most() {
    for secret in RANGE.0..=RANGE.1 {
        let found = guesses(&play_in_memory(secret, &mut Guesser::default()));
        assert_eq!(found.last(), Some(&secret), "secret {secret}: {found:?}");
        assert!(found.len() <= 7, "secret {secret}: {found:?}");
    }
}

#[test]
fn the_server_answers_nonsense_with_an_error() {
    let mut server = Guesser::default();
    assert_eq!(server.reply("NUMBER"), "ERROR unexpected \"NUMBER\"");
    assert_eq!(server.reply("PARAMS 9 1"), "ERROR bad range");
    assert_eq!(server.reply("PARAMS 1 9"), "OK");
    assert_eq!(server.reply("REPORT higher"), "ERROR no guess to report on");
    assert_eq!(server.reply("NUMBER"), "5");
    assert_eq!(
        server.reply("REPORT sideways"),
        "ERROR no guess to report on"
    );
    assert_eq!(server.reply("REPORT higher"), "OK");
    assert_eq!(server.reply("NUMBER"), "7");
}

#[test]
fn a_player_stops_at_a_reply_it_does_not_understand() {
    let mut player = Player::new(3);
    assert_eq!(player.next_line("OK").as_deref(), Some("NUMBER"));
    assert_eq!(player.next_line("ERROR what?"), None);
}

#[test]
fn the_threaded_game_uses_a_thread_per_connection_and_per_client() {
    let run = play_with_threads(&[1, 50, 100], Guesser::default).expect("the game runs");
    assert_eq!(run.transcripts.len(), 3);
    assert_eq!(distinct(&run.served_on), 3);
    assert_eq!(distinct(&run.clients_on), 3);
    assert_eq!(
        run.transcripts
            .iter()
            .map(|t| guesses(t))
            .collect::<Vec<_>>(),
        [
            vec![50, 25, 12, 6, 3, 1],
            vec![50],
            vec![50, 75, 88, 94, 97, 99, 100]
        ]
    );
}

#[test]
fn the_port_plays_twenty_clients_on_one_thread() {
    let secrets: Vec<u32> = (1..=20).map(|i| i * 5).collect();
    let threaded = play_with_threads(&secrets, Guesser::default).expect("the game runs");
    let ported = play_with_tasks(&secrets, Guesser::default).expect("the game runs");
    assert_eq!(ported.served_on.len(), 20);
    assert_eq!(ported.clients_on.len(), 20);
    assert_eq!(on_one_thread(&ported), Verdict::Yes);
    assert_eq!(same_transcript(&threaded, &ported), Verdict::Yes);
    for (secret, transcript) in secrets.iter().zip(&ported.transcripts) {
        assert_eq!(guesses(transcript).last(), Some(secret));
    }
}
