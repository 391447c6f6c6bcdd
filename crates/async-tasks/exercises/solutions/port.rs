//! # Exercise `async-tasks-port`: a threaded line server, ported to tokio
//!
//! The answer. Line for line it is the threaded version: the scope of
//! threads became a one-thread runtime, `thread::spawn` became
//! `tokio::spawn`, each blocking read and write became its `.await`ed twin,
//! and `set_read_timeout` became a `tokio::time::timeout` around each read.
//! (Read the exercise in `crates/async-tasks/exercises/src/port.rs`.)

use std::io;
use std::net::TcpListener;
use std::thread::{self, ThreadId};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

use crate::line_server::{READ_TIMEOUT, Tally};

/// Serves `connections` connections accepted on `listener` on a one-thread
/// tokio runtime built here, each connection a task with a fresh [`Tally`];
/// returns once every client has hung up, with the thread each connection
/// was served on (in the order they were accepted): all of them the
/// calling thread.
///
/// A connection silent for [`READ_TIMEOUT`] is an error, as in the
/// threaded version.
pub fn serve_on_one_thread(listener: TcpListener, connections: usize) -> io::Result<Vec<ThreadId>> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()?;
    runtime.block_on(async {
        // tokio's sockets never block: the std listener must not either.
        listener.set_nonblocking(true)?;
        let listener = tokio::net::TcpListener::from_std(listener)?;
        let mut handles = Vec::with_capacity(connections);
        for _ in 0..connections {
            let (stream, _) = listener.accept().await?;
            // Spawned, not awaited: the loop goes straight back to accept.
            handles.push(tokio::spawn(serve_connection(stream)));
        }
        let mut served_on = Vec::with_capacity(connections);
        for handle in handles {
            served_on.push(handle.await.map_err(io::Error::other)??);
        }
        Ok(served_on)
    })
}

async fn serve_connection(stream: TcpStream) -> io::Result<ThreadId> {
    let (reader, mut writer) = stream.into_split();
    let mut lines = BufReader::new(reader).lines();
    let mut tally = Tally::default();
    while let Some(line) = tokio::time::timeout(READ_TIMEOUT, lines.next_line())
        .await
        .map_err(|_| io::Error::from(io::ErrorKind::TimedOut))??
    {
        let reply = tally.reply(&line);
        writer.write_all(format!("{reply}\n").as_bytes()).await?;
    }
    Ok(thread::current().id()) // the client hung up
}
