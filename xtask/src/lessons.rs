//! The lessons in reading order: the one list that `cargo xtask list`, the
//! README's lesson table and the book's `SUMMARY.md` all follow
//! (`cargo xtask sync` writes the last two from it; `sync --check` fails
//! when they have drifted).

/// One lesson: a package under `crates/`, a chapter in `book/src/`.
#[derive(Debug)]
pub struct Lesson {
    /// Package name, folder name under `crates/`, and chapter file stem.
    pub name: &'static str,
    /// The one-line title of the chapter.
    pub title: &'static str,
    /// Where the Python original comes from.
    pub python: &'static str,
    /// The Rust tools the lesson teaches.
    pub rust: &'static str,
}

pub const LESSONS: &[Lesson] = &[
    Lesson {
        name: "threads",
        title: "Starting, stopping and signalling threads",
        python: "Cookbook 12.1, 12.2",
        rust: "`thread::spawn`/`join`, `AtomicBool`, `Mutex` + `Condvar`, `Barrier`, `thread::scope`",
    },
    Lesson {
        name: "subprocess",
        title: "Managing child processes",
        python: "Effective Python Item 52",
        rust: "`Command`/`output`/`spawn`/`try_wait`, `Stdio::piped`, `nix` SIGTERM, a pipeline builder",
    },
    Lesson {
        name: "blocking-io",
        title: "Threads for blocking I/O, and real parallelism",
        python: "Effective Python Items 53, 64",
        rust: "`poll()` with a timeout (nix), `UnixStream::pair`, `thread::spawn`/`join`, `thread::scope`, `available_parallelism`, `Send`/`Sync`",
    },
    Lesson {
        name: "locks",
        title: "Data races and mutual exclusion",
        python: "Effective Python Item 54; Cookbook 12.4",
        rust: "`Mutex` and poisoning, `parking_lot::Mutex`, `AtomicU64::fetch_add`, `RwLock`",
    },
    Lesson {
        name: "queues",
        title: "Pipelines and producer/consumer",
        python: "Effective Python Item 55; Cookbook 12.3",
        rust: "`Mutex<VecDeque>` + `Condvar` queues built step by step (blocking, bounded, joinable, closable), `BinaryHeap` priority queue, crossbeam channels",
    },
    Lesson {
        name: "thread-local",
        title: "Per-thread state",
        python: "Cookbook 12.6",
        rust: "`thread_local!`, `Cell`/`RefCell`, RAII guards, `!Send` markers",
    },
    Lesson {
        name: "lock-ordering",
        title: "Avoiding deadlock",
        python: "Cookbook 12.5",
        rust: "one global lock order, a set guard (`Drop`), `thread_local!` held-lock list, `parking_lot` `try_lock_for`",
    },
    Lesson {
        name: "thread-pools",
        title: "Pools instead of a thread per task",
        python: "Cookbook 12.7; Effective Python Items 56-59",
        rust: "a hand-built `ThreadPool` (a channel of boxed `FnOnce` jobs), `Mutex` + `Condvar` result handles, `catch_unwind`, `as_completed`, `thread::Builder::stack_size`",
    },
    Lesson {
        name: "actors",
        title: "Actors and publish/subscribe",
        python: "Cookbook 12.10, 12.11",
        rust: "a hand-built `Mailbox` (`Mutex` + `Condvar`), an `Actor` thread with `send`/`close`/`join`, an enum and `match` for tagged messages, a result handle, `catch_unwind`/`resume_unwind`, a `Drop` guard for subscriptions",
    },
    Lesson {
        name: "generator-schedulers",
        title: "Cooperative tasks without threads",
        python: "Cookbook 12.12",
        rust: "state machines, `async fn`, `Future`/`Pin`/`Waker`, a hand-built executor",
    },
    Lesson {
        name: "pollable-queues",
        title: "Waiting on several queues at once",
        python: "Cookbook 12.13",
        rust: "`AsFd`, `poll()` (nix), `UnixStream::pair`, crossbeam `select!`",
    },
    Lesson {
        name: "async-tasks",
        title: "Coroutines, and porting threaded I/O to them",
        python: "Effective Python Items 60, 61",
        rust: "`async fn`/`.await`, tokio `spawn`/`JoinSet`, `tokio::time::sleep`, tokio `TcpListener`/`TcpStream`, a one-thread runtime",
    },
    Lesson {
        name: "async-and-threads",
        title: "Mixing threads and async; not blocking the event loop",
        python: "Effective Python Items 62, 63",
        rust: "`spawn_blocking`, `Handle::block_on`, tokio `mpsc` `blocking_send`/`blocking_recv`, a `current_thread` runtime, a wrapper `Future`",
    },
    Lesson {
        name: "parallelism",
        title: "True parallelism: threads, rayon and processes",
        python: "Effective Python Item 64",
        rust: "`thread::scope` over equal chunks, rayon `par_iter`, the lesson's own binary as worker processes over pipes, `available_parallelism`",
    },
];

/// The lesson called `name`, if there is one.
pub fn find(name: &str) -> Option<&'static Lesson> {
    LESSONS.iter().find(|lesson| lesson.name == name)
}
