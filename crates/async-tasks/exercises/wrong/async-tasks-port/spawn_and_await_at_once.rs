//! expect: one at a time
//! Spawns a task per connection, as it should, but awaits it before the
//! next accept: the tasks exist, and still only one is ever in progress.
//! (Caught by `a_second_client_is_answered_while_the_first_is_connected`.)

use std::io;
use std::net::TcpListener;
use std::thread::{self, ThreadId};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

use crate::line_server::{READ_TIMEOUT, Tally};

/// Serves `connections` connections accepted on `listener` on a one-thread
/// tokio runtime built here, each connection a task with a fresh [`Tally`];
/// returns once every client has hung up, with the thread each connection
/// was served on (in the order they were accepted).
pub fn serve_on_one_thread(listener: TcpListener, connections: usize) -> io::Result<Vec<ThreadId>> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()?;
    runtime.block_on(async {
        listener.set_nonblocking(true)?;
        let listener = tokio::net::TcpListener::from_std(listener)?;
        let mut served_on = Vec::with_capacity(connections);
        for _ in 0..connections {
            let (stream, _) = listener.accept().await?;
            let task = tokio::spawn(serve_connection(stream));
            served_on.push(task.await.map_err(io::Error::other)??);
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
    Ok(thread::current().id())
}
