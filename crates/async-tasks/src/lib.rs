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
pub fn one_thread_runtime() -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .enable_io()
        .build()
}
