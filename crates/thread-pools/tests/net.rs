//! The lesson's servers and clients, on 127.0.0.1: exact bytes, errors that
//! come back with their kind, and a pool that bounds the connections served.

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use thread_pools::net::{self, FetchError, Server, Site};
use thread_pools::{Gauge, JobError};

fn site() -> Site {
    Site {
        pages: vec![("/", "front\n"), ("/about", "about us\n")],
        delay: Duration::ZERO,
    }
}

#[test]
fn the_echo_server_returns_every_byte_to_every_client() {
    let server = Server::start(2, |stream| net::echo(stream).map(drop)).expect("server starts");
    let addr = server.addr();
    let big: Vec<u8> = (0..64 * 1024u32).map(|n| (n % 251) as u8).collect();
    let replies: Vec<Vec<u8>> = thread::scope(|scope| {
        let small = scope.spawn(|| net::echo_client(addr, b"hello"));
        let large = scope.spawn(|| net::echo_client(addr, &big));
        let empty = scope.spawn(|| net::echo_client(addr, b""));
        [small, large, empty]
            .map(|c| c.join().expect("no panic").expect("echo works"))
            .into()
    });
    assert_eq!(replies[0], b"hello");
    assert_eq!(replies[1], big);
    assert_eq!(replies[2], b"");
    let report = server.shutdown().expect("shutdown");
    assert_eq!(report.connections, 3);
    assert!(report.errors.is_empty());
}

#[test]
fn a_server_on_one_worker_serves_one_connection_at_a_time() {
    let serving = Arc::new(Gauge::new());
    let server = Server::start(1, {
        let serving = Arc::clone(&serving);
        move |stream| {
            let _inside = serving.enter();
            thread::sleep(Duration::from_millis(5));
            net::echo(stream).map(drop)
        }
    })
    .expect("server starts");
    let addr = server.addr();
    thread::scope(|scope| {
        let clients: Vec<_> = (0..6)
            .map(|i| scope.spawn(move || net::echo_client(addr, format!("client {i}").as_bytes())))
            .collect();
        for (i, client) in clients.into_iter().enumerate() {
            let reply = client.join().expect("no panic").expect("echo works");
            assert_eq!(reply, format!("client {i}").into_bytes());
        }
    });
    assert_eq!(server.shutdown().expect("shutdown").connections, 6);
    assert_eq!(serving.peak(), 1);
}

#[test]
fn handler_errors_and_panics_are_reported_and_the_server_keeps_serving() {
    let server = Server::start(1, |mut stream: TcpStream| {
        let mut first = [0; 1];
        stream.read_exact(&mut first)?;
        match first[0] {
            b'e' => Err(io::Error::new(io::ErrorKind::InvalidData, "refused e")),
            b'p' => panic!("the handler gave up"),
            _ => stream.write_all(b"ok"),
        }
    })
    .expect("server starts");
    let addr = server.addr();
    for message in [b"e", b"p", b"x"] {
        let _ = net::echo_client(addr, message);
    }
    assert_eq!(
        net::echo_client(addr, b"x").expect("served after a panic"),
        b"ok"
    );
    let report = server.shutdown().expect("shutdown");
    assert_eq!(report.connections, 4);
    let errors: Vec<String> = report
        .errors
        .iter()
        .map(|e| match e {
            JobError::Failed(err) => format!("failed {:?}", err.kind()),
            JobError::Panicked(why) => format!("panicked {why}"),
        })
        .collect();
    assert_eq!(
        errors,
        ["failed InvalidData", "panicked the handler gave up"]
    );
}

#[test]
fn a_server_with_no_workers_is_refused() {
    let err = Server::start(0, |_| Ok(())).expect_err("zero workers");
    assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
}

#[test]
fn fetch_returns_the_exact_page_or_the_status() {
    let site = Arc::new(site());
    let server = Server::start(2, move |stream| net::serve_page(stream, &site)).expect("starts");
    let addr = server.addr();
    assert_eq!(net::fetch(addr, "/").expect("exists"), b"front\n");
    assert_eq!(net::fetch(addr, "/about").expect("exists"), b"about us\n");
    assert!(matches!(
        net::fetch(addr, "/nope"),
        Err(FetchError::Status(404))
    ));
    // A request line that is not `GET /path HTTP/1.x` gets a 400.
    let mut raw = TcpStream::connect(addr).expect("connects");
    raw.write_all(b"BREW /pot HTCPCP/1.0\r\n\r\n")
        .expect("sends");
    let mut response = String::new();
    raw.read_to_string(&mut response).expect("reads");
    assert!(
        response.starts_with("HTTP/1.1 400 Bad Request\r\n"),
        "{response}"
    );
    assert_eq!(server.shutdown().expect("shutdown").connections, 4);
}

#[test]
fn a_refused_connection_comes_back_as_its_kind() {
    let addr = net::refused_addr().expect("a free port");
    let err = net::fetch(addr, "/").expect_err("nothing listens there");
    assert!(matches!(&err, FetchError::Io(e) if e.kind() == io::ErrorKind::ConnectionRefused));
    assert_eq!(err.to_string(), "ConnectionRefused");
}

#[test]
fn a_truncated_response_is_malformed_not_a_short_page() {
    let server = Server::start(1, |mut stream: TcpStream| {
        // Read the whole request first: closing a socket with unread bytes
        // in it resets the connection, and the client would see that instead.
        let mut head = Vec::new();
        let mut byte = [0; 1];
        while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte)? == 1 {
            head.push(byte[0]);
        }
        stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this")
    })
    .expect("starts");
    assert!(matches!(
        net::fetch(server.addr(), "/"),
        Err(FetchError::Malformed)
    ));
}
