//! The `thread-local` lesson's program: per-thread state (Python Cookbook
//! 12.6), in five sections, each a function below, called in order by
//! `main`.
//!
//! Run it with `cargo run -p thread-local`. The lesson starts its own HTTP
//! server on 127.0.0.1 and stops it at the end; threads return what they saw
//! and the main thread prints it after joining them, in thread order.

use std::cell::{Cell, RefCell};
use std::error::Error;
use std::thread;

use thread_local::connection::{LazyConnection, NestedLazyConnection};
use thread_local::server::{self, Server};
use thread_local::verdict::{
    DropLog, Noisy, distinct_connections, every_connection_accounted_for, value_was_dropped,
};

fn main() -> Result<(), Box<dyn Error>> {
    each_thread_sees_its_own_value();
    destructors_run_when_a_thread_exits();
    let server = Server::start()?;
    let mut opened = one_lazy_connection_per_thread(&server)?;
    opened += nested_connections_keep_a_stack(&server)?;
    the_server_saw_every_connection_open_and_close(server, opened);
    Ok(())
}

// ANCHOR: own_value
thread_local! {
    /// Every thread that touches `COUNTER` gets its own, starting at 0.
    static COUNTER: Cell<u32> = const { Cell::new(0) };
}

/// `thread_local!`: one static name, a separate value in every thread.
fn each_thread_sees_its_own_value() {
    println!("== 1. Each thread sees its own value ==");
    let finals = on_three_threads(|n| {
        for _ in 0..n * 10 {
            COUNTER.set(COUNTER.get() + 1);
        }
        COUNTER.get()
    });
    for (n, value) in (1..).zip(finals) {
        println!("thread {n} counted to {value} in its own COUNTER");
    }
    println!("the main thread's COUNTER is still {}", COUNTER.get());
}
// ANCHOR_END: own_value

// ANCHOR: destructors
thread_local! {
    static NOISY: RefCell<Option<Noisy>> = const { RefCell::new(None) };
}

/// A thread-local value is dropped when its thread exits, before `join`
/// returns.
fn destructors_run_when_a_thread_exits() {
    println!("\n== 2. Destructors run when a thread exits ==");
    // `Noisy` (src/verdict.rs) records its drop in the log.
    static LOG: DropLog = DropLog::new();
    for n in 1..=3 {
        let thread = thread::spawn(move || {
            NOISY.set(Some(Noisy::new(n, &LOG)));
            "returned"
        });
        let outcome = thread.join().expect("the thread does not panic");
        // Each thread is joined before the next starts, so the log's order
        // is the threads' order, and we can check it after every join.
        println!(
            "thread {n} {outcome}; its value was dropped before join returned: {}",
            value_was_dropped(&LOG, n)
        );
    }
    for n in LOG.entries() {
        println!("thread {n}'s value dropped as the thread exited");
    }
}
// ANCHOR_END: destructors

// ANCHOR: one_per_thread
/// One `LazyConnection` shared by three threads; each opens its own.
///
/// Returns how many connections the threads opened.
fn one_lazy_connection_per_thread(server: &Server) -> Result<u64, Box<dyn Error>> {
    println!("\n== 3. One lazy connection per thread ==");
    let conn = LazyConnection::new(server.address());
    let pictured = trace::region("one connection per thread"); // what the chapter's picture shows
    let reports = on_three_threads(
        |n| -> Result<(Vec<String>, u64), Box<dyn Error + Send + Sync>> {
            let path = format!("/thread-{n}.html");
            let stream = conn.enter()?;
            let body = server::get(&stream, &path)?;
            let (again, opened) = match conn.enter() {
                Ok(_) => ("opened a second connection (wrong!)".to_owned(), 2),
                Err(err) => (format!("error: {err}"), 1),
            };
            let lines = vec![
                format!("GET {path} -> \"{body}\""),
                format!("entering again on the same thread -> {again}"),
            ];
            Ok((lines, opened))
        },
    );
    drop(pictured);
    let mut opened = 0;
    for (n, report) in (1..).zip(reports) {
        let (lines, count) = report.map_err(|e| e as Box<dyn Error>)?;
        for line in lines {
            println!("thread {n}: {line}");
        }
        opened += count;
    }
    Ok(opened)
}
// ANCHOR_END: one_per_thread

// ANCHOR: nested
/// Nested use: each thread opens two at once, and closes them in reverse.
///
/// Returns how many connections the threads opened.
fn nested_connections_keep_a_stack(server: &Server) -> Result<u64, Box<dyn Error>> {
    println!("\n== 4. Nested connections keep a stack ==");
    let conn = NestedLazyConnection::new(server.address());
    let reports = on_three_threads(|_| -> std::io::Result<(Vec<String>, u64)> {
        let s1 = conn.enter()?;
        let s2 = conn.enter()?;
        let depth_inside = conn.depth();
        let distinct = distinct_connections(&s1, &s2);
        let body1 = server::get(&s1, "/downloads")?;
        let body2 = server::get(&s2, "/index.html")?;
        drop(s2); // the inner one first, as nested `with`s unwind
        let depth_between = conn.depth();
        drop(s1);
        let lines = vec![
            format!("s1 -> \"{body1}\", s2 -> \"{body2}\""),
            format!(
                "open at once: {depth_inside}, distinct connections: {}, open after closing s2: {depth_between}, after s1: {}",
                distinct,
                conn.depth()
            ),
        ];
        Ok((lines, depth_inside as u64))
    });
    let mut opened = 0;
    for (n, report) in (1..).zip(reports) {
        let (lines, count) = report?;
        for line in lines {
            println!("thread {n}: {line}");
        }
        opened += count;
    }
    Ok(opened)
}
// ANCHOR_END: nested

// ANCHOR: server_counts
/// The server's own counts: every connection opened was accepted,
/// answered, and closed by its guard.
fn the_server_saw_every_connection_open_and_close(server: Server, opened: u64) {
    println!("\n== 5. The server saw every connection open and close ==");
    let report = server.stop();
    println!("connections the threads opened: {opened}");
    println!(
        "accepted: {}, answered: {}, closed by the client: {}",
        report.accepted, report.answered, report.closed_by_client
    );
    println!(
        "every connection accepted, answered and closed by its guard: {}",
        every_connection_accounted_for(&report, opened)
    );
}
// ANCHOR_END: server_counts

// ANCHOR: on_three_threads
/// Runs `work(n)` for n = 1, 2, 3, each on a thread of its own, all at once,
/// and returns the results in thread order (so the output never depends on
/// which thread finished first). Scoped threads, so `work` may borrow.
fn on_three_threads<T: Send>(work: impl Fn(u32) -> T + Sync) -> Vec<T> {
    let work = &work; // each thread borrows the one closure
    thread::scope(|s| {
        let handles: Vec<_> = (1..=3)
            .map(|n| {
                // Named "thread n": the name labels its lane in the chapter's
                // picture (and would name it in a panic's message).
                thread::Builder::new()
                    .name(format!("thread {n}"))
                    .spawn_scoped(s, move || work(n))
                    .expect("the OS can start three threads")
            })
            .collect();
        let _joining = trace::waiting(trace::Wait::Join, "join");
        handles
            .into_iter()
            .map(|h| h.join().expect("the lesson's threads do not panic"))
            .collect()
    })
}
// ANCHOR_END: on_three_threads
