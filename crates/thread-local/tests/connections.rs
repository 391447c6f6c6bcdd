//! The lazy connections' rules, checked against the lesson's server, whose
//! counts say what really happened on the wire.

use std::panic::{self, AssertUnwindSafe};
use std::sync::Barrier;
use std::thread;

use thread_local::connection::{EnterError, LazyConnection, NestedLazyConnection};
use thread_local::server::{self, Server, ServerReport};

#[test]
fn each_thread_gets_its_own_connection_at_the_same_time() {
    let server = Server::start().unwrap();
    let conn = LazyConnection::new(server.address());
    let both_inside = Barrier::new(2);
    let ports: Vec<u16> = thread::scope(|s| {
        let handles: Vec<_> = (0..2)
            .map(|_| {
                s.spawn(|| {
                    let stream = conn.enter().unwrap();
                    // Both threads hold a connection at this point: one
                    // thread's entry does not count against the other.
                    both_inside.wait();
                    assert!(matches!(conn.enter(), Err(EnterError::AlreadyConnected)));
                    assert_eq!(server::get(&stream, "/x").unwrap(), "you asked for /x");
                    stream.local_addr().unwrap().port()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_ne!(ports[0], ports[1]);
    assert_eq!(
        server.stop(),
        ServerReport {
            accepted: 2,
            answered: 2,
            closed_by_client: 2
        }
    );
}

#[test]
fn entering_twice_is_an_error_that_opens_nothing() {
    let server = Server::start().unwrap();
    let conn = LazyConnection::new(server.address());
    let first = conn.enter().unwrap();
    for _ in 0..3 {
        let err = conn.enter().unwrap_err();
        assert!(matches!(err, EnterError::AlreadyConnected));
        assert_eq!(err.to_string(), "already connected on this thread");
    }
    drop(first);
    let second = conn.enter().unwrap(); // allowed again once the first is closed
    drop(second);
    assert_eq!(server.stop().accepted, 2);
}

#[test]
fn two_lazy_connections_do_not_share_the_rule() {
    let server = Server::start().unwrap();
    let a = LazyConnection::new(server.address());
    let b = LazyConnection::new(server.address());
    let (in_a, in_b) = (a.enter().unwrap(), b.enter().unwrap());
    assert!(matches!(a.enter(), Err(EnterError::AlreadyConnected)));
    assert!(matches!(b.enter(), Err(EnterError::AlreadyConnected)));
    // Close both before stopping the server: `stop` waits for every client
    // to close, and joins the server's threads, so none outlives the test.
    drop((in_a, in_b));
    assert_eq!(server.stop().closed_by_client, 2);
}

#[test]
fn nested_use_gives_distinct_connections_and_unwinds_in_order() {
    let server = Server::start().unwrap();
    let conn = NestedLazyConnection::new(server.address());
    let outer = conn.enter().unwrap();
    let middle = conn.enter().unwrap();
    let inner = conn.enter().unwrap();
    let ports = [outer.port(), middle.port(), inner.port()];
    assert!(ports[0] != ports[1] && ports[1] != ports[2] && ports[0] != ports[2]);
    assert_eq!(conn.open_ports(), ports);

    // Another thread sees none of this thread's stack.
    thread::scope(|s| s.spawn(|| assert_eq!(conn.depth(), 0)).join().unwrap());

    assert_eq!(server::get(&middle, "/m").unwrap(), "you asked for /m");
    drop(inner);
    assert_eq!(conn.open_ports(), &ports[..2]);
    drop(middle);
    assert_eq!(conn.open_ports(), &ports[..1]);
    drop(outer);
    assert_eq!(conn.depth(), 0);
    assert_eq!(
        server.stop(),
        ServerReport {
            accepted: 3,
            answered: 1,
            closed_by_client: 3
        }
    );
}

#[test]
fn the_guard_closes_the_connection_when_its_thread_panics() {
    let server = Server::start().unwrap();
    let conn = LazyConnection::new(server.address());
    let joined = thread::scope(|s| {
        s.spawn(|| {
            let stream = conn.enter().unwrap();
            server::get(&stream, "/before-the-panic").unwrap();
            panic!("the client failed while connected");
        })
        .join()
    });
    assert!(joined.is_err());
    // The server saw end-of-file: unwinding dropped the guard, which closed it.
    assert_eq!(
        server.stop(),
        ServerReport {
            accepted: 1,
            answered: 1,
            closed_by_client: 1
        }
    );
}

#[test]
fn after_a_caught_panic_the_same_thread_may_enter_again() {
    let server = Server::start().unwrap();
    let conn = LazyConnection::new(server.address());
    let caught = panic::catch_unwind(AssertUnwindSafe(|| {
        let _stream = conn.enter().unwrap();
        panic!("failed while connected");
    }));
    assert!(caught.is_err());
    // The guard's drop ran during unwinding and cleared this thread's entry.
    let again = conn
        .enter()
        .expect("the panicking scope's guard was dropped");
    drop(again);
    assert_eq!(server.stop().closed_by_client, 2);
}

#[test]
fn a_stopped_server_gives_a_connect_error_not_a_panic() {
    let server = Server::start().unwrap();
    let conn = LazyConnection::new(server.address());
    server.stop();
    match conn.enter() {
        Err(EnterError::Io(err)) => assert_eq!(err.kind(), std::io::ErrorKind::ConnectionRefused),
        other => panic!("expected a refused connection, got {other:?}"),
    }
    // A failed enter leaves this thread free to try again.
    assert!(matches!(conn.enter(), Err(EnterError::Io(_))));
}

#[test]
fn a_server_dropped_without_stop_still_shuts_down() {
    let server = Server::start().unwrap();
    let address = server.address();
    drop(server); // as when `?` returns early from the lesson's `main`
    // The acceptor thread owned the listener; once it is joined, nothing
    // listens on the port any more.
    let err = std::net::TcpStream::connect(address).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::ConnectionRefused);
}
