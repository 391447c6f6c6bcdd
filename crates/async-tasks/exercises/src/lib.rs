//! The exercises of the `async-tasks` lesson (book/src/async-tasks.md): each
//! module is a file you edit, checked by `cargo xtask learn check <name>`:
//!
//! - `async-tasks-gather`: [`gather`], fan out a task per future and fan the
//!   results back in, in input order (`asyncio.gather`);
//! - `async-tasks-port`: [`port`], the threaded line server of
//!   [`line_server`] ported to tokio's one-thread runtime;
//! - `async-tasks-countdown`: [`countdown`], a future written by hand: a
//!   `poll` that is `Pending` a few times, then `Ready`.
//!
//! With `--features solutions` each module is the answer from
//! `solutions/` instead.
//!
//! There is no `sync` shim and no loom model here: nothing in these
//! exercises is a primitive shared between threads. The tasks run on one
//! thread and hand their results back through their `JoinHandle`s.
#![cfg_attr(not(feature = "solutions"), allow(clippy::todo, unused))]

#[cfg_attr(feature = "solutions", path = "../solutions/countdown.rs")]
pub mod countdown;
#[cfg_attr(feature = "solutions", path = "../solutions/gather.rs")]
pub mod gather;
#[cfg_attr(feature = "solutions", path = "../solutions/port.rs")]
pub mod port;

pub mod line_server {
    //! The line server that `async-tasks-port` ports: its protocol, which
    //! does no I/O, and its threaded version, which the tests compare the
    //! port with (as the lesson's "Porting threaded I/O to async" compares
    //! its two games).
    //!
    //! The protocol: each connection keeps a running total, starting at 0.
    //!
    //! ```text
    //! > ADD 5         < TOTAL 5
    //! > ADD -2        < TOTAL 3
    //! > RESET         < TOTAL 0
    //! > SUB 1         < ERROR unknown command "SUB 1"
    //! ```

    use std::io::{self, BufRead, BufReader, Write};
    use std::net::{TcpListener, TcpStream};
    use std::thread::{self, ThreadId};
    use std::time::Duration;

    /// How long a connection may stay silent before the server gives up on
    /// it: nothing here waits for ever. (Shorter than a real server's, so
    /// that the tests can time it: a silent client must be given up on
    /// after this long, and well before twice as long.)
    pub const READ_TIMEOUT: Duration = Duration::from_millis(1500);

    /// One connection's side of the protocol: a line in, a line out.
    ///
    /// ```
    /// use async_tasks_exercises::line_server::Tally;
    /// let mut tally = Tally::default();
    /// assert_eq!(tally.reply("ADD 5"), "TOTAL 5");
    /// assert_eq!(tally.reply("ADD -7"), "TOTAL -2");
    /// assert_eq!(tally.reply("RESET"), "TOTAL 0");
    /// assert_eq!(tally.reply("ADD x"), "ERROR not a number: \"x\"");
    /// ```
    #[derive(Debug, Default)]
    pub struct Tally {
        total: i64,
    }

    impl Tally {
        /// The reply to one line (without its newline).
        pub fn reply(&mut self, line: &str) -> String {
            let words: Vec<&str> = line.split_whitespace().collect();
            match words.as_slice() {
                ["ADD", number] => match number.parse::<i64>() {
                    Ok(n) => {
                        self.total = self.total.saturating_add(n);
                        format!("TOTAL {}", self.total)
                    }
                    Err(_) => format!("ERROR not a number: {number:?}"),
                },
                ["RESET"] => {
                    self.total = 0;
                    "TOTAL 0".into()
                }
                _ => format!("ERROR unknown command {line:?}"),
            }
        }
    }

    /// The threaded server, the one to port: accepts `connections`
    /// connections, serves each on a thread of its own with a fresh
    /// [`Tally`], and returns, once every client has hung up, the thread
    /// each connection was served on (in the order they were accepted).
    ///
    /// ```text
    /// pub fn serve_with_threads(listener: TcpListener, connections: usize)
    ///     -> io::Result<Vec<ThreadId>>
    /// {
    ///     thread::scope(|scope| {
    ///         let mut handles = Vec::new();
    ///         for _ in 0..connections {
    ///             let (stream, _) = listener.accept()?;
    ///             handles.push(scope.spawn(move || serve_connection(stream)));
    ///         }
    ///         handles.into_iter().map(|h| h.join().expect("...")).collect()
    ///     })
    /// }
    ///
    /// fn serve_connection(stream: TcpStream) -> io::Result<ThreadId> {
    ///     stream.set_read_timeout(Some(READ_TIMEOUT))?;
    ///     let mut writer = stream.try_clone()?;
    ///     let mut tally = Tally::default();
    ///     for line in BufReader::new(stream).lines() {
    ///         let reply = tally.reply(&line?);
    ///         writer.write_all(format!("{reply}\n").as_bytes())?;
    ///     }
    ///     Ok(thread::current().id()) // the client hung up
    /// }
    /// ```
    pub fn serve_with_threads(
        listener: TcpListener,
        connections: usize,
    ) -> io::Result<Vec<ThreadId>> {
        thread::scope(|scope| {
            let mut handles = Vec::new();
            for _ in 0..connections {
                let (stream, _) = listener.accept()?;
                handles.push(scope.spawn(move || serve_connection(stream)));
            }
            handles
                .into_iter()
                .map(|handle| {
                    handle
                        .join()
                        .unwrap_or_else(|_| Err(io::Error::other("a connection's thread panicked")))
                })
                .collect()
        })
    }

    fn serve_connection(stream: TcpStream) -> io::Result<ThreadId> {
        stream.set_read_timeout(Some(READ_TIMEOUT))?;
        let mut writer = stream.try_clone()?;
        let mut tally = Tally::default();
        for line in BufReader::new(stream).lines() {
            let reply = tally.reply(&line?);
            writer.write_all(format!("{reply}\n").as_bytes())?;
        }
        Ok(thread::current().id())
    }
}
