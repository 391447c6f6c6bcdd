//! `async-tasks-port`: the behaviour. Clients are plain threads with
//! blocking sockets and a 2 s read timeout, on 127.0.0.1 and a port the
//! system picks; the same scripts are played against the threaded server
//! and the port, and every line must match. A second client must be
//! answered while the first is still connected, and a silent one given up
//! on after `READ_TIMEOUT`, not later.

use std::io::{self, BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::mpsc;
use std::thread::{self, ThreadId};
use std::time::{Duration, Instant};

use async_tasks_exercises::line_server::{READ_TIMEOUT, serve_with_threads};
use async_tasks_exercises::port::serve_on_one_thread;

/// How long a test client waits for a reply.
const CLIENT_TIMEOUT: Duration = Duration::from_secs(2);

/// A blocking client: a line out, a line back.
struct Client {
    writer: TcpStream,
    replies: io::Lines<BufReader<TcpStream>>,
}

impl Client {
    fn connect(addr: SocketAddr) -> io::Result<Client> {
        let stream = TcpStream::connect(addr)?;
        stream.set_read_timeout(Some(CLIENT_TIMEOUT))?;
        Ok(Client {
            writer: stream.try_clone()?,
            replies: BufReader::new(stream).lines(),
        })
    }

    fn say(&mut self, line: &str) -> io::Result<String> {
        self.writer.write_all(format!("{line}\n").as_bytes())?;
        self.replies
            .next()
            .unwrap_or_else(|| Err(io::ErrorKind::UnexpectedEof.into()))
    }
}

/// Each client's script: the lines it sends.
fn scripts() -> Vec<Vec<String>> {
    (0..4i64)
        .map(|c| {
            let mut lines: Vec<String> = (1..=5).map(|n| format!("ADD {}", n * (c + 1))).collect();
            lines.push("ADD -3".into());
            lines.push("what?".into());
            lines.push("ADD 1x".into());
            lines.push("RESET".into());
            lines.push(format!("ADD {c}"));
            lines
        })
        .collect()
}

/// Plays every script at once (a thread per client) against a server
/// started by `serve` on a fresh listener; returns the transcripts, in
/// script order, and what the server returned.
fn play(
    serve: fn(TcpListener, usize) -> io::Result<Vec<ThreadId>>,
) -> (Vec<Vec<String>>, io::Result<Vec<ThreadId>>, ThreadId) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a port on 127.0.0.1");
    let addr = listener
        .local_addr()
        .expect("a bound listener has an address");
    let scripts = scripts();
    let server = thread::spawn(move || (serve(listener, 4), thread::current().id()));
    let transcripts = thread::scope(|scope| {
        let clients: Vec<_> = scripts
            .iter()
            .map(|script| {
                scope.spawn(move || -> io::Result<Vec<String>> {
                    let mut client = Client::connect(addr)?;
                    let mut transcript = Vec::new();
                    for line in script {
                        let reply = client.say(line)?;
                        transcript.push(format!("> {line}"));
                        transcript.push(format!("< {reply}"));
                    }
                    Ok(transcript) // dropping the client hangs up
                })
            })
            .collect();
        clients
            .into_iter()
            .map(
                |c| match c.join().expect("a client thread does not panic") {
                    Ok(transcript) => transcript,
                    Err(err) => vec![format!("the client failed: {err}")],
                },
            )
            .collect()
    });
    let (served, server_thread) = server.join().expect("the server thread does not panic");
    (transcripts, served, server_thread)
}

#[test]
fn the_port_tells_every_client_what_the_threads_told_it() {
    let (threaded, served, _) = play(serve_with_threads);
    served.expect("the threaded server works");
    let (ported, served, _) = play(serve_on_one_thread);
    let served = served.expect("the port returns Ok once every client has hung up");
    assert_eq!(served.len(), 4, "one thread id per connection");
    assert_eq!(
        ported[0],
        [
            "> ADD 1",
            "< TOTAL 1",
            "> ADD 2",
            "< TOTAL 3",
            "> ADD 3",
            "< TOTAL 6",
            "> ADD 4",
            "< TOTAL 10",
            "> ADD 5",
            "< TOTAL 15",
            "> ADD -3",
            "< TOTAL 12",
            "> what?",
            "< ERROR unknown command \"what?\"",
            "> ADD 1x",
            "< ERROR not a number: \"1x\"",
            "> RESET",
            "< TOTAL 0",
            "> ADD 0",
            "< TOTAL 0",
        ],
        "the first client's session, line by line"
    );
    assert_eq!(
        ported, threaded,
        "every client must see exactly what the threaded server told it (each connection \
         with a tally of its own)"
    );
}

#[test]
fn every_connection_is_served_on_the_calling_thread() {
    let (_, served, server_thread) = play(serve_on_one_thread);
    let served = served.expect("the port returns Ok once every client has hung up");
    assert_eq!(served.len(), 4, "one thread id per connection");
    assert!(
        served.iter().all(|&t| t == server_thread),
        "every connection must be served on the one thread that called \
         serve_on_one_thread: a one-thread runtime, tasks not threads"
    );
}

#[test]
fn a_second_client_is_answered_while_the_first_is_connected() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a port on 127.0.0.1");
    let addr = listener
        .local_addr()
        .expect("a bound listener has an address");
    let server = thread::spawn(move || serve_on_one_thread(listener, 2));
    let mut first = Client::connect(addr).expect("the first client connects");
    let first_reply = first.say("ADD 5");
    // The first client stays connected while the second one talks.
    let mut second = Client::connect(addr).expect("the second client connects");
    let second_reply = second.say("ADD 1");
    let first_again = first.say("ADD 2");
    drop((first, second)); // both hang up: the server can finish
    let served = server.join().expect("the server thread does not panic");

    assert_eq!(first_reply.ok().as_deref(), Some("TOTAL 5"));
    match second_reply {
        Ok(reply) => assert_eq!(reply, "TOTAL 1", "the second client has a tally of its own"),
        Err(err) => panic!(
            "the second client got no reply in {CLIENT_TIMEOUT:?} ({err}) while the first was \
             still connected: the server serves connections one at a time (a connection served, \
             or its task awaited, inside the accept loop)"
        ),
    }
    assert_eq!(first_again.ok().as_deref(), Some("TOTAL 7"));
    assert_eq!(served.expect("the port returns Ok").len(), 2);
}

/// A client that connects and says nothing: the server must give up on it
/// once it has been silent for `READ_TIMEOUT` (1.5 s: a busy machine's
/// delays, tens of milliseconds, are far inside the bound), not twice as
/// late, and not never.
#[test]
fn a_silent_client_is_given_up_on_after_read_timeout() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a port on 127.0.0.1");
    let addr = listener
        .local_addr()
        .expect("a bound listener has an address");
    let (done, result) = mpsc::channel();
    let server = thread::spawn(move || {
        let served = serve_on_one_thread(listener, 1);
        let _ = done.send(Instant::now());
        served
    });
    let started = Instant::now();
    let silent = TcpStream::connect(addr).expect("the client connects");
    let ended = result.recv_timeout(READ_TIMEOUT * 3);
    drop(silent); // hangs up: a server still waiting can finish now
    let served = server.join().expect("the server thread does not panic");
    let Ok(ended) = ended else {
        panic!(
            "a client silent for {:?} was still being waited for: give up on a connection \
             silent for READ_TIMEOUT ({READ_TIMEOUT:?}), with `tokio::time::timeout` around \
             each read",
            READ_TIMEOUT * 3
        );
    };
    let took = ended - started;
    match served {
        Err(err) => assert_eq!(
            err.kind(),
            io::ErrorKind::TimedOut,
            "a silent connection is a TimedOut error: {err}"
        ),
        Ok(_) => panic!("a connection silent for READ_TIMEOUT is an error, not Ok"),
    }
    assert!(
        took >= READ_TIMEOUT,
        "gave up on a silent client after {took:?}, before READ_TIMEOUT ({READ_TIMEOUT:?})"
    );
    assert!(
        took < READ_TIMEOUT * 2,
        "gave up on a silent client after {took:?}, too late: READ_TIMEOUT is \
         {READ_TIMEOUT:?}, and twice that is late however busy the machine"
    );
}

#[test]
fn no_connections_is_no_work() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a port on 127.0.0.1");
    let served = serve_on_one_thread(listener, 0).expect("nothing to fail");
    assert!(served.is_empty());
}
