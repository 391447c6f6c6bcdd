//! Every verdict the lesson prints can come out the other way. Each control,
//! `verdict_<name>_can_fail`, runs the broken variant of its claim for real
//! and feeds what it saw to the lesson's own check in `src/verdict.rs`; the
//! snapshot prints `yes` for all three claims, so each control must get `no`.
//! The tests after each control run other broken variants of the same claim.

use std::cell::RefCell;
use std::net::TcpStream;
use std::sync::{Mutex, mpsc};
use std::thread;

use kit::Verdict;
use thread_local::connection::NestedLazyConnection;
use thread_local::server::{self, Server};
use thread_local::verdict::{
    DropLog, Noisy, distinct_connections, every_connection_accounted_for, value_was_dropped,
};

thread_local! {
    static VALUE: RefCell<Option<Noisy>> = const { RefCell::new(None) };
}

/// `destructors_run_when_a_thread_exits`, with the value kept in a global
/// instead of a thread-local: the thread's exit does not drop it, so by the
/// time `join` returns it is still alive.
#[test]
fn verdict_value_was_dropped_can_fail() {
    static LOG: DropLog = DropLog::new();
    static GLOBAL: Mutex<Option<Noisy>> = Mutex::new(None);
    thread::spawn(|| *GLOBAL.lock().expect("not poisoned") = Some(Noisy::new(1, &LOG)))
        .join()
        .expect("the thread does not panic");
    assert_eq!(value_was_dropped(&LOG, 1), Verdict::No);
    // The check follows the value, not the thread: dropping it turns it.
    GLOBAL.lock().expect("not poisoned").take();
    assert_eq!(value_was_dropped(&LOG, 1), Verdict::Yes);
}

/// The thread hands its value back through `join`, so it outlives the thread.
#[test]
fn a_value_returned_through_join_is_not_dropped_by_the_exit() {
    static LOG: DropLog = DropLog::new();
    let value = thread::spawn(|| Noisy::new(2, &LOG))
        .join()
        .expect("the thread does not panic");
    assert_eq!(value_was_dropped(&LOG, 2), Verdict::No);
    drop(value);
    assert_eq!(value_was_dropped(&LOG, 2), Verdict::Yes);
}

/// Checked while the thread still runs, its thread-local value is alive;
/// only the thread's exit drops it.
#[test]
fn a_thread_local_value_lives_as_long_as_its_thread() {
    static LOG: DropLog = DropLog::new();
    let (stored, has_stored) = mpsc::channel();
    let (exit, may_exit) = mpsc::channel::<()>();
    let thread = thread::spawn(move || {
        VALUE.set(Some(Noisy::new(3, &LOG)));
        stored.send(()).expect("the test waits for this");
        may_exit.recv().expect("the test says when");
    });
    has_stored.recv().expect("the thread stores its value");
    assert_eq!(value_was_dropped(&LOG, 3), Verdict::No);
    exit.send(()).expect("the thread waits for this");
    thread.join().expect("the thread does not panic");
    assert_eq!(value_was_dropped(&LOG, 3), Verdict::Yes);
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

/// `nested_connections_keep_a_stack`, with a per-thread cache of one
/// connection in place of the stack: the second `enter` hands out the first
/// connection again. It still answers, but it is not a second connection.
#[test]
fn verdict_distinct_connections_can_fail() {
    let server = Server::start().expect("the server starts");
    let (distinct, body) = thread::scope(|s| {
        s.spawn(|| {
            let s1 = enter_cached(&server).expect("the server accepts");
            let s2 = enter_cached(&server).expect("the cache hands it out again");
            let distinct = distinct_connections(&s1, &s2);
            CACHED.take(); // close the cached copy on this thread
            (
                distinct,
                server::get(&s2, "/one").expect("the server answers"),
            )
        })
        .join()
        .expect("the thread does not panic")
    });
    assert_eq!(distinct, Verdict::No);
    assert_eq!(body, "you asked for /one");
    assert_eq!(server.stop().accepted, 1);
}

/// A duplicated descriptor is the same connection, whatever guard holds it.
#[test]
fn a_cloned_socket_is_not_a_distinct_connection() {
    let server = Server::start().expect("the server starts");
    let conn = NestedLazyConnection::new(server.address());
    let s1 = conn.enter().expect("the server accepts");
    let copy = s1.try_clone().expect("dup works");
    assert_eq!(distinct_connections(&s1, &copy), Verdict::No);
    drop((copy, s1));
    server.stop();
}

/// `the_server_saw_every_connection_open_and_close`, with one of the two
/// connections opened and closed without a request: the server accepts it
/// and sees it closed, but never answers it.
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
    assert_eq!(every_connection_accounted_for(&report, 2), Verdict::No);
}
