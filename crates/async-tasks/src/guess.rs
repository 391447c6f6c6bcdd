//! Item 61's program: a number-guessing game over a line protocol. The
//! server guesses, the client knows the secret and says "higher", "lower" or
//! "correct". The book writes it first with threads and blocking sockets,
//! then ports it to asyncio; the lesson does the same with `std::net` and
//! tokio.
//!
//! The port is easy because the game itself does no I/O: [`Guesser`] (the
//! server's side) and [`Player`] (the client's) turn a line into the next
//! line, and only the loops that move lines between them and a socket change.
//!
//! A session, as the client's transcript shows it:
//!
//! ```text
//! > PARAMS 1 100
//! < OK
//! > NUMBER
//! < 50
//! > REPORT lower
//! < OK
//! > NUMBER
//! < 25
//! > REPORT correct
//! < OK
//! ```

use std::io::{self, BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::thread::{self, ThreadId};
use std::time::Duration;

/// The range the clients' secrets come from.
pub const RANGE: (u32, u32) = (1, 100);
/// How long any read may wait before the game is called off: nothing in the
/// lesson waits for ever.
pub const READ_TIMEOUT: Duration = Duration::from_secs(5);

// ANCHOR: protocol
/// The server's side of one session: it answers each line with a line.
pub trait Protocol: Send + 'static {
    fn reply(&mut self, line: &str) -> String;
}

/// The server's game: it guesses by halving the range it was given, and
/// narrows the range on each report.
#[derive(Debug, Default)]
pub struct Guesser {
    range: Option<(u32, u32)>,
    last_guess: Option<u32>,
}

impl Protocol for Guesser {
    fn reply(&mut self, line: &str) -> String {
        let words: Vec<&str> = line.split_whitespace().collect();
        match (words.as_slice(), self.range) {
            (["PARAMS", lower, upper], _) => match (lower.parse(), upper.parse()) {
                (Ok(lower), Ok(upper)) if lower <= upper => {
                    self.range = Some((lower, upper));
                    "OK".into()
                }
                _ => "ERROR bad range".into(),
            },
            (["NUMBER"], Some((lower, upper))) if lower <= upper => {
                let guess = lower + (upper - lower) / 2;
                self.last_guess = Some(guess);
                guess.to_string()
            }
            (["REPORT", verdict], Some((lower, upper))) => match (*verdict, self.last_guess) {
                ("higher", Some(guess)) => {
                    self.range = Some((guess + 1, upper));
                    "OK".into()
                }
                ("lower", Some(guess)) => {
                    self.range = Some((lower, guess.saturating_sub(1)));
                    "OK".into()
                }
                ("correct", Some(_)) => "OK".into(),
                _ => "ERROR no guess to report on".into(),
            },
            _ => format!("ERROR unexpected {line:?}"),
        }
    }
}
// ANCHOR_END: protocol

/// The control for "same transcript": a server that answers like
/// [`Guesser`] but alters one line, its first reply.
#[derive(Debug, Default)]
pub struct Tampered {
    inner: Guesser,
    replies: u32,
}

impl Protocol for Tampered {
    fn reply(&mut self, line: &str) -> String {
        self.replies += 1;
        let reply = self.inner.reply(line);
        if self.replies == 1 {
            format!("{reply}!")
        } else {
            reply
        }
    }
}

/// The client's side: it knows the secret, asks for guesses and reports on
/// each until the server guesses right.
#[derive(Debug)]
pub struct Player {
    secret: u32,
    asked: bool,
    done: bool,
}

impl Player {
    pub fn new(secret: u32) -> Self {
        Self {
            secret,
            asked: false,
            done: false,
        }
    }

    /// The line that opens the session.
    pub fn first_line(&self) -> String {
        format!("PARAMS {} {}", RANGE.0, RANGE.1)
    }

    /// The next line to send, given the server's reply; `None` when the game
    /// is over (or the server stopped making sense).
    pub fn next_line(&mut self, reply: &str) -> Option<String> {
        if self.done {
            return None;
        }
        if !self.asked {
            self.asked = true;
            return Some("NUMBER".into());
        }
        self.asked = false;
        let guess: u32 = match reply.parse() {
            Ok(guess) => guess,
            // "OK" after a report: ask again. Anything else ends the game.
            Err(_) if reply == "OK" => {
                self.asked = true;
                return Some("NUMBER".into());
            }
            Err(_) => return None,
        };
        let verdict = match guess.cmp(&self.secret) {
            std::cmp::Ordering::Less => "higher",
            std::cmp::Ordering::Greater => "lower",
            std::cmp::Ordering::Equal => {
                self.done = true;
                "correct"
            }
        };
        Some(format!("REPORT {verdict}"))
    }
}

/// What one version of the game did: each client's transcript, in the order
/// the clients were started, and the thread each connection was served on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GameRun {
    pub transcripts: Vec<Vec<String>>,
    pub served_on: Vec<ThreadId>,
    pub clients_on: Vec<ThreadId>,
}

// ANCHOR: threaded
/// The threaded version: a thread per connection on the server, a thread
/// per client, blocking reads and writes.
pub fn play_with_threads<P: Protocol>(
    secrets: &[u32],
    session: impl Fn() -> P + Sync,
) -> io::Result<GameRun> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let addr = listener.local_addr()?;
    // Every client connects before the server accepts: the listening
    // socket's backlog holds them, so the accept loop below never waits for
    // a client that failed to start.
    let streams = secrets
        .iter()
        .map(|_| TcpStream::connect(addr))
        .collect::<io::Result<Vec<_>>>()?;
    thread::scope(|scope| {
        let server = scope.spawn(|| -> io::Result<Vec<ThreadId>> {
            trace::name_thread("server"); // its lane in the chapter's picture
            let connections = (0..secrets.len())
                .map(|_| {
                    let (stream, _) = listener.accept()?;
                    let session = session();
                    Ok(scope.spawn(move || serve_blocking(stream, session)))
                })
                .collect::<io::Result<Vec<_>>>()?;
            connections.into_iter().map(joined).collect()
        });
        let clients: Vec<_> = secrets
            .iter()
            .zip(streams)
            .map(|(&secret, stream)| {
                scope.spawn(move || Ok((client_blocking(stream, secret)?, thread::current().id())))
            })
            .collect();
        let clients = clients
            .into_iter()
            .map(joined)
            .collect::<io::Result<Vec<_>>>()?;
        let served_on = joined(server)?;
        let (transcripts, clients_on) = clients.into_iter().unzip();
        Ok(GameRun {
            transcripts,
            served_on,
            clients_on,
        })
    })
}

fn serve_blocking(stream: TcpStream, mut session: impl Protocol) -> io::Result<ThreadId> {
    trace::name_thread("session");
    stream.set_read_timeout(Some(READ_TIMEOUT))?;
    let mut writer = stream.try_clone()?;
    for line in pictured(BufReader::new(stream).lines()) {
        let reply = session.reply(&line?);
        writer.write_all(format!("{reply}\n").as_bytes())?;
    }
    Ok(thread::current().id()) // the client hung up: the session is over
}

fn client_blocking(stream: TcpStream, secret: u32) -> io::Result<Vec<String>> {
    trace::name_thread(format!("client {secret}"));
    stream.set_read_timeout(Some(READ_TIMEOUT))?;
    let mut writer = stream.try_clone()?;
    let mut replies = pictured(BufReader::new(stream).lines());
    let mut player = Player::new(secret);
    let mut transcript = Vec::new();
    let mut line = player.first_line();
    loop {
        writer.write_all(format!("{line}\n").as_bytes())?;
        transcript.push(format!("> {line}"));
        let reply = replies.next().ok_or(io::ErrorKind::UnexpectedEof)??;
        transcript.push(format!("< {reply}"));
        match player.next_line(&reply) {
            Some(next) => line = next,
            None => return Ok(transcript), // dropping the stream hangs up
        }
    }
}
// ANCHOR_END: threaded

/// `lines`, each read marked as a wait on I/O in the chapter's pictures
/// (when `COURSE_TRACE` is set; otherwise they are just `lines`).
fn pictured<B: BufRead>(mut lines: io::Lines<B>) -> impl Iterator<Item = io::Result<String>> {
    std::iter::from_fn(move || {
        let _reading = trace::waiting(trace::Wait::Io, "read");
        lines.next()
    })
}

fn joined<T>(handle: thread::ScopedJoinHandle<'_, io::Result<T>>) -> io::Result<T> {
    handle
        .join()
        .unwrap_or_else(|_| Err(io::Error::other("a thread panicked")))
}

/// The guesses a transcript shows the server made, in order.
pub fn guesses(transcript: &[String]) -> Vec<u32> {
    transcript
        .iter()
        .filter_map(|line| line.strip_prefix("< ")?.parse().ok())
        .collect()
}

/// How many different threads a list of thread ids names.
pub fn distinct(threads: &[ThreadId]) -> usize {
    let mut seen: Vec<ThreadId> = Vec::new();
    for id in threads {
        if !seen.contains(id) {
            seen.push(*id);
        }
    }
    seen.len()
}
