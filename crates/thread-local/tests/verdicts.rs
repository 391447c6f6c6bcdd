//! Every verdict the lesson prints can come out `no`: each test here runs a
//! broken variant and checks that the lesson's own check, from
//! `src/verdict.rs`, says so.

use std::cell::RefCell;
use std::net::TcpStream;
use std::sync::Mutex;
use std::sync::mpsc;
use std::thread;

use thread_local::connection::NestedLazyConnection;
use thread_local::server::{self, Server};
use thread_local::verdict::{
    DropLog, Noisy, distinct_connections, every_connection_accounted_for, value_was_dropped, yes_no,
};

thread_local! {
    static VALUE: RefCell<Option<Noisy>> = const { RefCell::new(None) };
}

// Section 2, thread 1's line: the value is kept in a global, not a
// thread-local, so the thread's exit does not drop it.
#[test]
fn verdict_value_in_a_global_dropped_by_join_can_fail() {
    static LOG: DropLog = DropLog::new();
    static GLOBAL: Mutex<Option<Noisy>> = Mutex::new(None);
    thread::spawn(|| *GLOBAL.lock().expect("not poisoned") = Some(Noisy::new(1, &LOG)))
        .join()
        .expect("the thread does not panic");
    assert_eq!(yes_no(value_was_dropped(&LOG, 1)), "no");
    GLOBAL.lock().expect("not poisoned").take();
    assert_eq!(yes_no(value_was_dropped(&LOG, 1)), "yes");
}

// Section 2, thread 2's line: the thread hands its value back through
// `join`, so it outlives the thread.
#[test]
fn verdict_value_returned_through_join_dropped_can_fail() {
    static LOG: DropLog = DropLog::new();
    let value = thread::spawn(|| Noisy::new(2, &LOG))
        .join()
        .expect("the thread does not panic");
    assert_eq!(yes_no(value_was_dropped(&LOG, 2)), "no");
    drop(value);
    assert_eq!(yes_no(value_was_dropped(&LOG, 2)), "yes");
}

// Section 2, thread 3's line: checked while the thread still runs, its
// thread-local value is alive; only the thread's exit drops it.
#[test]
fn verdict_value_dropped_while_its_thread_runs_can_fail() {
    static LOG: DropLog = DropLog::new();
    let (stored, has_stored) = mpsc::channel();
    let (exit, may_exit) = mpsc::channel::<()>();
    let thread = thread::spawn(move || {
        VALUE.set(Some(Noisy::new(3, &LOG)));
        stored.send(()).expect("the test waits for this");
        may_exit.recv().expect("the test says when");
    });
    has_stored.recv().expect("the thread stores its value");
    assert_eq!(yes_no(value_was_dropped(&LOG, 3)), "no");
    exit.send(()).expect("the thread waits for this");
    thread.join().expect("the thread does not panic");
    assert_eq!(yes_no(value_was_dropped(&LOG, 3)), "yes");
}

// Section 4, thread 1's line: a duplicated descriptor is the same
// connection, whatever the guard that holds it.
#[test]
fn verdict_distinct_connections_for_a_cloned_socket_can_fail() {
    let server = Server::start().expect("the server starts");
    let conn = NestedLazyConnection::new(server.address());
    let s1 = conn.enter().expect("the server accepts");
    let copy = s1.try_clone().expect("dup works");
    assert_eq!(
        yes_no(distinct_connections(&s1, &copy).expect("the socket is connected")),
        "no"
    );
    // Two real entries are distinct.
    let s2 = conn.enter().expect("the server accepts");
    assert_eq!(
        yes_no(distinct_connections(&s1, &s2).expect("the sockets are connected")),
        "yes"
    );
    drop((copy, s2, s1));
    server.stop();
}

thread_local! {
    /// The broken variant of the nested form: one socket per thread, handed
    /// out again (as a clone) to every nested `enter`.
    static CACHED: RefCell<Option<TcpStream>> = const { RefCell::new(None) };
}

fn enter_cached(server: &Server) -> std::io::Result<TcpStream> {
    CACHED.with_borrow_mut(|cached| match cached {
        Some(stream) => stream.try_clone(),
        None => {
            let stream = TcpStream::connect(server.address())?;
            let copy = stream.try_clone()?;
            *cached = Some(stream);
            Ok(copy)
        }
    })
}

// Section 4, thread 2's line: a per-thread cache of one connection.
#[test]
fn verdict_distinct_connections_from_a_per_thread_cache_can_fail() {
    let server = Server::start().expect("the server starts");
    let (distinct, body) = thread::scope(|s| {
        s.spawn(|| {
            let s1 = enter_cached(&server).expect("the server accepts");
            let s2 = enter_cached(&server).expect("the cache hands it out again");
            let distinct = distinct_connections(&s1, &s2).expect("the socket is connected");
            CACHED.take(); // close the cached copy on this thread
            (
                distinct,
                server::get(&s2, "/one").expect("the server answers"),
            )
        })
        .join()
        .expect("the thread does not panic")
    });
    assert_eq!(yes_no(distinct), "no");
    assert_eq!(body, "you asked for /one");
    assert_eq!(server.stop().accepted, 1);
}

// Section 4, thread 3's line: one guard, asked twice.
#[test]
fn verdict_distinct_connections_for_one_guard_can_fail() {
    let server = Server::start().expect("the server starts");
    let conn = NestedLazyConnection::new(server.address());
    let s1 = conn.enter().expect("the server accepts");
    assert_eq!(
        yes_no(distinct_connections(&s1, &s1).expect("the socket is connected")),
        "no"
    );
    drop(s1);
    server.stop();
}

// Section 5: a connection opened and closed without a request is accepted
// and closed, but never answered.
#[test]
fn verdict_every_connection_accounted_for_can_fail() {
    let server = Server::start().expect("the server starts");
    let conn = NestedLazyConnection::new(server.address());
    let asked = conn.enter().expect("the server accepts");
    server::get(&asked, "/x").expect("the server answers");
    let silent = conn.enter().expect("the server accepts");
    drop((silent, asked));
    let report = server.stop();
    assert_eq!(
        [report.accepted, report.answered, report.closed_by_client],
        [2, 1, 2]
    );
    assert_eq!(yes_no(every_connection_accounted_for(&report, 2)), "no");
    // And a miscount of what the threads opened is caught too.
    assert_eq!(yes_no(every_connection_accounted_for(&report, 1)), "no");
}
