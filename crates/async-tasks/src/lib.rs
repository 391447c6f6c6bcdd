//! The `async-tasks` lesson: coroutines, and porting threaded I/O to them
//! (Effective Python Items 60 and 61). The chapter is
//! `book/src/async-tasks.md`.
//!
//! Each section of the program has a module here with what it needs:
//!
//! - [`cost`]: ten thousand sleeping tasks against a thousand sleeping
//!   threads, their start time and their memory measured;
//! - [`life`]: Conway's Game of Life with one task per cell (Item 60);
//! - [`guess`]: a line protocol (a number-guessing game, as in Item 61),
//!   served and played by threads with blocking sockets;
//! - [`ported`]: the same game ported to tokio, server and clients as tasks
//!   on one thread;
//! - [`anatomy`]: what an `async fn` compiles to, polled by hand.
//!
//! Every verdict the program prints is computed by a function in
//! [`verdict`], named after its claim and returning a `kit::Verdict`, so
//! that a test can run a broken variant through it and see it say "no".
//!
//! The lesson builds no synchronisation primitive of its own: its tasks
//! share an `Arc` of a grid nobody writes and an atomic counter, the
//! threads it compares them with a counter and an `RwLock` held as a gate,
//! and all the waiting is tokio's or std's. So there is no loom model (the
//! chapter says why).

use std::sync::{Arc, Mutex, PoisonError};

pub mod anatomy;
pub mod cost;
pub mod guess;
pub mod life;
pub mod ported;
pub mod verdict;

/// A one-thread tokio runtime with timers and sockets: the lesson's event
/// loop, the counterpart of `asyncio.run`'s.
///
/// `new_current_thread` starts no thread at all: tasks run on the thread that
/// calls `block_on`, in turn, each until its next `.await`.
///
/// For the chapter's pictures the runtime marks that thread (when
/// `COURSE_TRACE` is set; otherwise the marks cost a lock and a branch each
/// time the thread parks or wakes): running the tasks' turns until it parks,
/// then waiting in `epoll_wait`, every task waiting on a timer or a socket,
/// until it wakes. The mark in hand ends when the next replaces it, or when
/// the runtime is dropped. The recorder can give a lane only to a thread,
/// not to each task, so the tasks' turns share the thread's lane.
pub fn one_thread_runtime() -> std::io::Result<tokio::runtime::Runtime> {
    let mark = Arc::new(Mutex::new(trace::running("tasks' turns")));
    let (at_park, at_unpark) = (Arc::clone(&mark), mark);
    tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .enable_io()
        .on_thread_park(move || {
            replace_mark(&at_park, trace::waiting(trace::Wait::Io, "epoll_wait"));
        })
        .on_thread_unpark(move || replace_mark(&at_unpark, trace::running("tasks' turns")))
        .build()
}

/// Ends the mark in `slot` (dropping a span records it) and starts `next`.
fn replace_mark(slot: &Mutex<trace::Span>, next: trace::Span) {
    let mut mark = slot.lock().unwrap_or_else(PoisonError::into_inner);
    *mark = next;
}
