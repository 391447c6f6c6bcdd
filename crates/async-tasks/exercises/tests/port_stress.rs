//! `async-tasks-port` under stress: rounds of sixteen clients at once, each
//! with a long script, against the port; every reply must be the one a
//! fresh tally gives, and every connection served on the calling thread.

use std::io::{self, BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::thread;
use std::time::Duration;

use async_tasks_exercises::line_server::Tally;
use async_tasks_exercises::port::serve_on_one_thread;

#[test]
fn sixteen_clients_at_once_get_their_own_tallies_in_every_round() {
    const CLIENTS: usize = 16;
    for round in 0..10 {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a port on 127.0.0.1");
        let addr = listener
            .local_addr()
            .expect("a bound listener has an address");
        let server = thread::spawn(move || {
            (
                serve_on_one_thread(listener, CLIENTS),
                thread::current().id(),
            )
        });
        let failures: Vec<String> = thread::scope(|scope| {
            let clients: Vec<_> = (0..CLIENTS)
                .map(|c| {
                    scope.spawn(move || -> io::Result<Option<String>> {
                        let stream = TcpStream::connect(addr)?;
                        stream.set_read_timeout(Some(Duration::from_secs(2)))?;
                        let mut writer = stream.try_clone()?;
                        let mut replies = BufReader::new(stream).lines();
                        let mut tally = Tally::default();
                        for n in 0..50 {
                            let line = if n % 13 == 12 {
                                "RESET".to_owned()
                            } else {
                                format!("ADD {}", (n * 31 + c * 7 + round) % 23)
                            };
                            writer.write_all(format!("{line}\n").as_bytes())?;
                            let reply = replies
                                .next()
                                .unwrap_or_else(|| Err(io::ErrorKind::UnexpectedEof.into()))?;
                            let expected = tally.reply(&line);
                            if reply != expected {
                                return Ok(Some(format!(
                                    "round {round}, client {c}, line {n} ({line}): got {reply:?}, \
                                     expected {expected:?}"
                                )));
                            }
                        }
                        Ok(None)
                    })
                })
                .collect();
            clients
                .into_iter()
                .filter_map(
                    |c| match c.join().expect("a client thread does not panic") {
                        Ok(failure) => failure,
                        Err(err) => Some(format!("round {round}: a client failed: {err}")),
                    },
                )
                .collect()
        });
        let (served, server_thread) = server.join().expect("the server thread does not panic");
        assert_eq!(failures, Vec::<String>::new());
        let served = served.expect("the port returns Ok once every client has hung up");
        assert_eq!(served.len(), CLIENTS, "round {round}");
        assert!(
            served.iter().all(|&t| t == server_thread),
            "round {round}: every connection on the calling thread"
        );
    }
}
