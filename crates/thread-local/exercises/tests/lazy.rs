//! `thread-local-lazy-connection`: the behaviour, checked from the server's
//! side: connections opened, closed, and how each reply is numbered.

use std::thread;
use std::time::Duration;

use thread_local_exercises::lazy::{is_connected, request};
use thread_local_exercises::server::Server;

/// How long the server may take to see a closed connection's end-of-file.
const SEE_CLOSE: Duration = Duration::from_secs(2);

#[test]
fn each_thread_opens_one_connection_and_reuses_it() {
    let server = Server::start().unwrap();
    let address = server.address();
    thread::scope(|scope| {
        for t in 0..3 {
            scope.spawn(move || {
                let replies: Vec<String> = (1..=4)
                    .map(|r| request(address, &format!("t{t}-r{r}")).unwrap())
                    .collect();
                // Numbered 1 to 4: four requests on one connection, and on
                // this thread's own (another thread's would number on).
                let expected: Vec<String> = (1..=4).map(|r| format!("{r} t{t}-r{r}")).collect();
                assert_eq!(
                    replies, expected,
                    "thread {t}: one connection per thread, reused for each of its requests"
                );
            });
        }
    });
    // Every thread has ended: each one's connection must be closed.
    let closed = server.wait_for_closed(3, SEE_CLOSE);
    assert_eq!(
        closed, 3,
        "the server saw {closed} of 3 connections closed: a thread's connection must be closed \
         when its thread ends"
    );
    let report = server.stop();
    assert_eq!(
        report.opened, 3,
        "three threads must open exactly one connection per thread"
    );
    assert_eq!(report.requests, 12);
}

#[test]
fn nothing_is_opened_before_a_threads_first_request() {
    let server = Server::start().unwrap();
    let address = server.address();
    thread::scope(|scope| {
        scope.spawn(|| {
            assert!(!is_connected(address), "a new thread has no connection yet");
            assert_eq!(request(address, "hello").unwrap(), "1 hello");
            assert!(
                is_connected(address),
                "after a request the thread is connected"
            );
        });
        scope.spawn(|| {
            // A thread that never asks opens nothing.
            assert!(
                !is_connected(address),
                "a thread that never asked has no connection: one connection per thread, opened on \
                 its own first request"
            );
        });
    });
    assert_eq!(server.wait_for_closed(1, SEE_CLOSE), 1);
    assert_eq!(
        server.stop().opened,
        1,
        "lazy: only the thread that asked connected"
    );
}

#[test]
fn a_thread_has_one_connection_per_server() {
    let first = Server::start().unwrap();
    let second = Server::start().unwrap();
    let (a, b) = (first.address(), second.address());
    thread::scope(|scope| {
        scope.spawn(|| {
            assert_eq!(request(a, "x").unwrap(), "1 x");
            assert_eq!(request(b, "y").unwrap(), "1 y");
            assert_eq!(
                request(a, "z").unwrap(),
                "2 z",
                "back to the first server, the thread reuses its connection there: one connection \
                 per thread for each server, kept while it talks to another"
            );
        });
    });
    assert_eq!(first.wait_for_closed(1, SEE_CLOSE), 1);
    assert_eq!(second.wait_for_closed(1, SEE_CLOSE), 1);
    assert_eq!(first.stop().opened, 1);
    assert_eq!(second.stop().opened, 1);
}
