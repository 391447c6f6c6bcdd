//! `thread-local-nested`: the behaviour, with exact expectations, and the
//! server's count of what was opened and closed.

use std::thread;
use std::time::Duration;

use thread_local_exercises::nested::NestedLazyConnection;
use thread_local_exercises::server::Server;

const SEE_CLOSE: Duration = Duration::from_secs(2);

#[test]
fn enter_pushes_and_drop_pops_innermost_first() {
    let server = Server::start().unwrap();
    let conn = NestedLazyConnection::new(server.address());
    assert_eq!(conn.depth(), 0);
    let outer = conn.enter().unwrap();
    let inner = conn.enter().unwrap();
    assert_ne!(
        outer.port(),
        inner.port(),
        "a nested enter must open a distinct connection"
    );
    assert_eq!(conn.open_ports(), [outer.port(), inner.port()]);
    assert_eq!(conn.depth(), 2);
    let outer_port = outer.port();
    drop(inner);
    assert_eq!(conn.open_ports(), [outer_port]);
    drop(outer);
    assert_eq!(conn.depth(), 0);
    assert!(conn.open_ports().is_empty());
    assert_eq!(
        server.wait_for_closed(2, SEE_CLOSE),
        2,
        "dropping a guard closes its connection"
    );
    assert_eq!(server.stop().opened, 2);
}

#[test]
fn inner_connections_are_distinct_connections() {
    let server = Server::start().unwrap();
    let conn = NestedLazyConnection::new(server.address());
    let mut outer = conn.enter().unwrap();
    let mut inner = conn.enter().unwrap();
    // Replies are numbered per connection: two connections both start at 1.
    assert_eq!(outer.request("a").unwrap(), "1 a");
    assert_eq!(inner.request("b").unwrap(), "1 b");
    assert_eq!(outer.request("c").unwrap(), "2 c");
    drop(inner);
    drop(outer);
    assert_eq!(server.stop().opened, 2, "two enters, two connections");
}

#[test]
fn another_thread_sees_none_of_this_threads_connections() {
    let server = Server::start().unwrap();
    let conn = NestedLazyConnection::new(server.address());
    let outer = conn.enter().unwrap();
    let inner = conn.enter().unwrap();
    thread::scope(|scope| {
        scope.spawn(|| {
            assert_eq!(
                conn.depth(),
                0,
                "another thread must see none of this thread's connections"
            );
            let theirs = conn.enter().unwrap();
            assert_eq!(
                conn.open_ports(),
                [theirs.port()],
                "another thread must see only its own connections on its stack"
            );
        });
    });
    assert_eq!(conn.open_ports(), [outer.port(), inner.port()]);
    drop(inner);
    drop(outer);
    assert_eq!(conn.depth(), 0);
    assert_eq!(server.stop().opened, 3);
}

#[test]
fn a_guard_dropped_out_of_order_takes_its_own_entry_off() {
    let server = Server::start().unwrap();
    let conn = NestedLazyConnection::new(server.address());
    let outer = conn.enter().unwrap();
    let middle = conn.enter().unwrap();
    let inner = conn.enter().unwrap();
    let (outer_port, inner_port) = (outer.port(), inner.port());
    drop(middle);
    assert_eq!(
        conn.open_ports(),
        [outer_port, inner_port],
        "a guard dropped out of order must take its own entry off, not the top one"
    );
    drop(outer);
    assert_eq!(
        conn.open_ports(),
        [inner_port],
        "a guard dropped out of order must take its own entry off, not the top one"
    );
    drop(inner);
    assert_eq!(conn.depth(), 0);
}

#[test]
fn two_lazy_connections_keep_separate_stacks() {
    let server = Server::start().unwrap();
    let first = NestedLazyConnection::new(server.address());
    let second = NestedLazyConnection::new(server.address());
    let a = first.enter().unwrap();
    let b = second.enter().unwrap();
    assert_eq!(first.open_ports(), [a.port()]);
    assert_eq!(second.open_ports(), [b.port()]);
    drop(a);
    assert_eq!(first.depth(), 0);
    assert_eq!(second.depth(), 1);
    drop(b);
}
