//! Item 61's port: the game of [`crate::guess`] on tokio, server and
//! clients as tasks on one thread.

use std::io;
use std::thread::{self, ThreadId};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt};

use crate::guess::{GameRun, Player, Protocol, READ_TIMEOUT};

// ANCHOR: ported
/// The port: the same game on tokio, server and clients as tasks on one
/// thread. Each blocking call became its `async` twin plus `.await`; the
/// loops did not change.
pub fn play_with_tasks<P: Protocol>(
    secrets: &[u32],
    session: impl Fn() -> P,
) -> io::Result<GameRun> {
    let runtime = crate::one_thread_runtime()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let mut streams = Vec::new();
        for _ in secrets {
            streams.push(tokio::net::TcpStream::connect(addr).await?);
        }
        let mut connections = Vec::new();
        for _ in secrets {
            let (stream, _) = listener.accept().await?;
            connections.push(tokio::spawn(serve_async(stream, session())));
        }
        let clients: Vec<_> = secrets
            .iter()
            .zip(streams)
            .map(|(&secret, stream)| tokio::spawn(client_async(stream, secret)))
            .collect();
        let mut transcripts = Vec::new();
        let mut clients_on = Vec::new();
        for client in clients {
            let (transcript, on) = client.await.map_err(io::Error::other)??;
            transcripts.push(transcript);
            clients_on.push(on);
        }
        let mut served_on = Vec::new();
        for connection in connections {
            served_on.push(connection.await.map_err(io::Error::other)??);
        }
        Ok(GameRun {
            transcripts,
            served_on,
            clients_on,
        })
    })
}

async fn serve_async(
    stream: tokio::net::TcpStream,
    mut session: impl Protocol,
) -> io::Result<ThreadId> {
    let (reader, mut writer) = stream.into_split();
    let mut lines = tokio::io::BufReader::new(reader).lines();
    while let Some(line) = with_timeout(lines.next_line()).await? {
        let reply = session.reply(&line);
        writer.write_all(format!("{reply}\n").as_bytes()).await?;
    }
    Ok(thread::current().id())
}

async fn client_async(
    stream: tokio::net::TcpStream,
    secret: u32,
) -> io::Result<(Vec<String>, ThreadId)> {
    let (reader, mut writer) = stream.into_split();
    let mut replies = tokio::io::BufReader::new(reader).lines();
    let mut player = Player::new(secret);
    let mut transcript = Vec::new();
    let mut line = player.first_line();
    loop {
        writer.write_all(format!("{line}\n").as_bytes()).await?;
        transcript.push(format!("> {line}"));
        let reply = with_timeout(replies.next_line())
            .await?
            .ok_or(io::ErrorKind::UnexpectedEof)?;
        transcript.push(format!("< {reply}"));
        match player.next_line(&reply) {
            Some(next) => line = next,
            None => return Ok((transcript, thread::current().id())),
        }
    }
}

/// A read that gives up after [`READ_TIMEOUT`], as the blocking sockets'
/// `set_read_timeout` does.
async fn with_timeout<T>(read: impl Future<Output = io::Result<T>>) -> io::Result<T> {
    tokio::time::timeout(READ_TIMEOUT, read)
        .await
        .map_err(|_| io::Error::from(io::ErrorKind::TimedOut))?
}
// ANCHOR_END: ported
