//! The `async-and-threads` lesson: mixing threads and async code, and not
//! blocking the event loop (Effective Python Items 62 and 63). The chapter
//! is `book/src/async-and-threads.md`.
//!
//! Read it top to bottom: `main` runs one function per section. Each section
//! builds its own runtime and drops it at the end, which cancels its tasks
//! and joins its threads, so nothing is left running. Threads and tasks
//! never print; they return what they saw, and the main thread prints it.

use std::thread;
use std::time::{Duration, Instant};

use tokio::sync::mpsc;
use tokio::task;

use async_and_threads::blocking::{blocking_lookup, timed};
use async_and_threads::channel::{catch_panic_quietly, first_sentence};
use async_and_threads::verdict::{
    came_back_in_order, loop_stalled, on_time, overlapped, ran_on_another_thread,
    ran_on_the_calling_thread, refused_to_block_a_runtime_thread, was_left_alone, was_reported,
};
use async_and_threads::{
    SlowPollLog, Ticker, WarnSlowPoll, multi_thread_runtime, one_thread_runtime,
};

/// How long `blocking_code_runs_on_the_blocking_pool`'s lookup holds its
/// thread.
const LOOKUP: Duration = Duration::from_millis(100);
/// How long the futures of `a_plain_thread_runs_async_code_through_a_handle`
/// wait on a timer.
const PAUSE: Duration = Duration::from_millis(10);
/// What `a_channel_joins_threads_and_a_task`'s thread sends the task, line
/// by line.
const LINES: [&str; 4] = [
    "GET /index.html",
    "GET /style.css",
    "POST /login",
    "GET /logout",
];
/// How often the ticker asks to wake, beside a blocking call on the loop
/// and beside one sent to `spawn_blocking`.
const TICK: Duration = Duration::from_millis(10);
/// How long a blocking call holds its thread, beside the ticker and under
/// `WarnSlowPoll` (Item 63's example sleeps for half a second).
const BLOCK: Duration = Duration::from_millis(100);
/// A poll longer than this is reported (asyncio's `slow_callback_duration`
/// is 100 ms by default).
const THRESHOLD: Duration = Duration::from_millis(50);

fn main() {
    blocking_code_runs_on_the_blocking_pool();
    a_plain_thread_runs_async_code_through_a_handle();
    a_channel_joins_threads_and_a_task();
    a_blocking_call_stalls_the_event_loop();
    spawn_blocking_keeps_the_loop_on_time();
    a_wrapper_future_reports_slow_polls();
}

// ANCHOR: blocking_code_runs_on_the_blocking_pool
fn blocking_code_runs_on_the_blocking_pool() {
    println!("== 1. Blocking code runs on the blocking pool: spawn_blocking ==");
    let runtime = multi_thread_runtime();
    // A task needs the answer of a blocking function. `spawn_blocking` runs
    // the function on a thread of tokio's pool for blocking calls, and the
    // task awaits the result: Python's `await loop.run_in_executor(None, f)`.
    let task = runtime.spawn(async {
        let task_thread = thread::current().id();
        let (value, call_thread) = task::spawn_blocking(|| blocking_lookup(7, LOOKUP))
            .await
            .expect("the lookup does not panic");
        (task_thread, value, call_thread)
    });
    let (task_thread, value, call_thread) =
        runtime.block_on(task).expect("the task does not panic");
    println!(
        "lookup(7) returned {value}; the blocking call ran on another thread than the task: {}",
        ran_on_another_thread(task_thread, call_thread)
    );

    // Three lookups started together: each gets a pool thread of its own.
    // Each notes when it started and ended, for the verdict.
    let started = Instant::now();
    let (values, calls): (Vec<u64>, Vec<_>) = runtime.block_on(async {
        let lookups: Vec<_> = (1..=3)
            .map(|key| task::spawn_blocking(move || timed(|| blocking_lookup(key, LOOKUP).0)))
            .collect();
        let mut answers = Vec::new();
        for lookup in lookups {
            answers.push(lookup.await.expect("the lookup does not panic"));
        }
        answers.into_iter().unzip()
    });
    let took = started.elapsed();
    drop(runtime); // cancels the tasks, joins the workers and the pool's threads
    println!(
        "three lookups of {LOOKUP:.1?} each returned {values:?} after {took:.1?}: they overlapped: {}",
        overlapped(&calls)
    );
}
// ANCHOR_END: blocking_code_runs_on_the_blocking_pool

// ANCHOR: a_plain_thread_runs_async_code_through_a_handle
fn a_plain_thread_runs_async_code_through_a_handle() {
    println!("\n== 2. A plain thread runs async code through a Handle ==");
    let runtime = multi_thread_runtime();
    // A `Handle` is a cheap, `Send` reference to the runtime: give one to a
    // thread that is not one of the runtime's, and it can run async code.
    let handle = runtime.handle().clone();
    let plain = thread::spawn(move || {
        let caller = thread::current().id();
        // `block_on` runs the future right here, on this thread, until it
        // is done; the runtime's timers wake it.
        let (first, ran_here) = handle.block_on(async {
            tokio::time::sleep(PAUSE).await;
            (6 * 7, thread::current().id())
        });
        // `spawn` hands the future to the runtime's workers as a task and
        // returns its `JoinHandle` at once, as Python's
        // `run_coroutine_threadsafe` returns a future; waiting for the
        // handle is that future's `.result()`.
        let task = handle.spawn(async {
            tokio::time::sleep(PAUSE).await;
            (7 * 8, thread::current().id())
        });
        let (second, ran_there) = handle.block_on(task).expect("the task does not panic");
        (caller, (first, ran_here), (second, ran_there))
    });
    let (caller, (first, ran_here), (second, ran_there)) =
        plain.join().expect("the plain thread does not panic");
    drop(runtime);
    println!(
        "handle.block_on returned {first}; it ran the future on the calling thread: {}",
        ran_on_the_calling_thread(caller, ran_here)
    );
    println!(
        "handle.spawn's task returned {second}; it ran on another thread (a worker): {}",
        ran_on_another_thread(caller, ran_there)
    );
}
// ANCHOR_END: a_plain_thread_runs_async_code_through_a_handle

// ANCHOR: a_channel_joins_threads_and_a_task
fn a_channel_joins_threads_and_a_task() {
    println!("\n== 3. A channel joins threads and a task ==");
    let runtime = multi_thread_runtime();
    let (to_task, mut task_inbox) = mpsc::channel::<String>(2);
    let (to_main, mut main_inbox) = mpsc::channel::<String>(2);
    // The task awaits on both ends: `recv().await`, `send(..).await`.
    let shouter = runtime.spawn(async move {
        while let Some(line) = task_inbox.recv().await {
            if to_main.send(line.to_uppercase()).await.is_err() {
                break; // main stopped listening
            }
        }
    });
    // A plain thread feeds it with `blocking_send`, which waits while the
    // channel is full. Dropping `to_task` as the thread ends closes the
    // channel, and that ends the task's loop.
    let feeder = thread::spawn(move || {
        for line in LINES {
            if to_task.blocking_send(line.to_owned()).is_err() {
                break; // the task has gone
            }
        }
    });
    // The main thread, a plain thread too, takes the answers with
    // `blocking_recv` until the task ends and drops `to_main`.
    let mut received = Vec::new();
    while let Some(line) = main_inbox.blocking_recv() {
        received.push(line);
    }
    feeder.join().expect("the feeder does not panic");
    runtime.block_on(shouter).expect("the task does not panic");
    println!("main received {received:?}");
    let expected: Vec<String> = LINES.iter().map(|line| line.to_uppercase()).collect();
    println!(
        "every line came back once, in order: {}",
        came_back_in_order(&expected, &received)
    );

    // The blocking calls are for plain threads only. Made inside async code,
    // they would hold a thread the runtime needs, so tokio panics instead.
    let (_keep_open, mut inbox) = mpsc::channel::<String>(1);
    let outcome = runtime.block_on(async { catch_panic_quietly(|| inbox.blocking_recv()) });
    drop(runtime);
    match &outcome {
        Ok(line) => println!("blocking_recv inside async code returned {line:?}"),
        Err(message) => println!(
            "blocking_recv inside async code panicked: {:?}",
            first_sentence(message)
        ),
    }
    println!(
        "tokio refused to block a thread that runs tasks: {}",
        refused_to_block_a_runtime_thread(&outcome)
    );
}
// ANCHOR_END: a_channel_joins_threads_and_a_task

// ANCHOR: a_blocking_call_stalls_the_event_loop
fn a_blocking_call_stalls_the_event_loop() {
    println!("\n== 4. A blocking call stalls the event loop ==");
    // One thread runs every task, as in asyncio.
    let runtime = one_thread_runtime();
    let pictured = trace::region("stalled"); // what the chapter's picture shows
    let lateness = runtime.block_on(async {
        let ticker = Ticker::start(TICK).await;
        // A task that blocks: `thread::sleep` holds the loop's only thread,
        // so nothing else runs until it returns.
        tokio::spawn(async {
            let _asleep = trace::waiting(trace::Wait::Sleep, "thread::sleep");
            thread::sleep(BLOCK)
        })
        .await
        .expect("sleeping does not panic");
        ticker.stop().await
    });
    pictured.end();
    drop(runtime);
    println!(
        "a ticker asks to wake every {TICK:.1?}; another task calls thread::sleep for {BLOCK:.1?}"
    );
    println!(
        "the ticker's worst lateness: {:.1?}: the loop stalled: {}",
        lateness.worst,
        loop_stalled(lateness.worst, BLOCK)
    );
}
// ANCHOR_END: a_blocking_call_stalls_the_event_loop

// ANCHOR: spawn_blocking_keeps_the_loop_on_time
fn spawn_blocking_keeps_the_loop_on_time() {
    println!("\n== 5. spawn_blocking keeps the loop on time ==");
    let runtime = one_thread_runtime();
    let pictured = trace::region("on time"); // what the chapter's picture shows
    let lateness = runtime.block_on(async {
        let ticker = Ticker::start(TICK).await;
        // The same sleep, sent to the blocking pool: the task awaits it, and
        // the loop's thread is free for the ticker meanwhile.
        tokio::spawn(async {
            task::spawn_blocking(|| {
                let _asleep = trace::waiting(trace::Wait::Sleep, "thread::sleep");
                thread::sleep(BLOCK)
            })
            .await
        })
        .await
        .expect("the task does not panic")
        .expect("sleeping does not panic");
        ticker.stop().await
    });
    pictured.end();
    drop(runtime);
    println!(
        "a ticker asks to wake every {TICK:.1?}; another task sends thread::sleep for {BLOCK:.1?} to spawn_blocking"
    );
    println!(
        "the ticker's worst lateness: {:.1?}: on time: {}",
        lateness.worst,
        on_time(lateness.worst, BLOCK)
    );
}
// ANCHOR_END: spawn_blocking_keeps_the_loop_on_time

// ANCHOR: a_wrapper_future_reports_slow_polls
fn a_wrapper_future_reports_slow_polls() {
    println!("\n== 6. A wrapper future reports slow polls ==");
    let log = SlowPollLog::default();
    let runtime = one_thread_runtime();
    runtime.block_on(async {
        // Two tasks wait as long as each other; only one holds the thread.
        let blocking = tokio::spawn(WarnSlowPoll::new(
            "blocking-reader",
            THRESHOLD,
            &log,
            async {
                thread::sleep(BLOCK);
            },
        ));
        let awaiting = tokio::spawn(WarnSlowPoll::new(
            "awaiting-reader",
            THRESHOLD,
            &log,
            async {
                tokio::time::sleep(BLOCK).await;
            },
        ));
        blocking.await.expect("the blocking reader does not panic");
        awaiting.await.expect("the awaiting reader does not panic");
    });
    drop(runtime);
    let reports = log.reports();
    for report in &reports {
        println!("{report}");
    }
    println!(
        "the task that blocked was reported: {}",
        was_reported(&reports, "blocking-reader")
    );
    println!(
        "the task that awaited was left alone: {}",
        was_left_alone(&reports, "awaiting-reader")
    );
}
// ANCHOR_END: a_wrapper_future_reports_slow_polls
