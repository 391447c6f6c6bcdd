//! The controls: for every verdict function in `src/verdict.rs`, a test
//! `verdict_<name>_can_fail` runs a broken variant of the section that
//! prints it, feeds what it saw to the same function `main.rs` uses, and
//! expects "no", where the snapshot says "yes" to every claim.
//!
//! The two cost controls read the process's resident memory and time
//! their crowds, so they take turns with each other.

use std::cell::Cell;
use std::hint::black_box;
use std::mem::size_of_val;
use std::sync::{Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use async_tasks::anatomy::{add_eagerly, drops_a_buffer, holds_a_buffer, yield_once};
use async_tasks::cost::{crowd_of_tasks, crowd_of_threads};
use async_tasks::guess::{Guesser, Tampered, play_with_threads};
use async_tasks::life::{Grid, glider, simulate_in_place, simulate_in_turn};
use async_tasks::one_thread_runtime;
use async_tasks::ported::play_with_tasks;
use async_tasks::verdict::{
    at_least, glider_moved, holds_a_tenth, nothing_ran_before_the_first_poll, on_one_thread,
    overlapped_the_waits, same_transcript, smaller_than, starts_in_a_tenth,
};
use kit::Verdict;

static ONE_CROWD_AT_A_TIME: Mutex<()> = Mutex::new(());

const NAP: Duration = Duration::from_millis(20);
const STACK: usize = 64 * 1024;

/// `a_coroutine_is_cheap`'s tasks, each of which starts a thread of its
/// own for its sleep (on tokio's blocking pool, which must start a new one
/// for each, as all of them sleep at once): a task per item that costs a
/// thread per item, Item 57's mistake in a coroutine's clothes.
#[test]
fn verdict_starts_in_a_tenth_can_fail() {
    let _turn = ONE_CROWD_AT_A_TIME
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    let tasks = crowd_of_tasks(200, || {
        let sleeper = tokio::task::spawn_blocking(|| thread::sleep(NAP));
        async move { sleeper.await.expect("sleeping does not panic") }
    })
    .expect("a runtime can be built");
    let threads = crowd_of_threads(200, STACK, NAP).expect("200 threads can start");
    assert_eq!(
        starts_in_a_tenth(&tasks, &threads),
        Verdict::No,
        "a task took {:?} to start, a thread {:?}",
        tasks.start_each,
        threads.start_each
    );
}

/// Tasks whose futures each keep a 64 KiB buffer across their `.await`:
/// each holds more than a thread does.
#[test]
fn verdict_holds_a_tenth_can_fail() {
    let _turn = ONE_CROWD_AT_A_TIME
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    let fat = crowd_of_tasks(300, || {
        let ballast = [1u8; 64 * 1024];
        async move {
            tokio::time::sleep(NAP).await;
            black_box(&ballast);
        }
    })
    .expect("a runtime can be built");
    let threads = crowd_of_threads(300, STACK, NAP).expect("300 threads can start");
    match (fat.resident_each, threads.resident_each) {
        (Some(task), Some(thread)) => assert_eq!(
            holds_a_tenth(task, thread),
            Verdict::No,
            "{task} bytes per task, {thread} per thread"
        ),
        // Not Linux: no memory figures, and `main` prints no memory verdict.
        _ if !cfg!(target_os = "linux") => {}
        _ => panic!("on Linux both figures come from /proc/self/status"),
    }
}

/// The classic mistake: each cell written into the grid its neighbours are
/// still reading. After four generations the glider is gone.
#[test]
fn verdict_glider_moved_can_fail() {
    let start = glider();
    let mut grid = start.clone();
    for _ in 0..4 {
        grid = simulate_in_place(grid);
    }
    assert_eq!(glider_moved(&start, &grid), Verdict::No);
}

/// Each cell awaited before the next one starts: the waits add up.
#[test]
fn verdict_overlapped_the_waits_can_fail() {
    let io = Duration::from_millis(10);
    let runtime = one_thread_runtime().expect("a runtime can be built");
    let started = Instant::now();
    runtime.block_on(simulate_in_turn(Grid::new(3, 3), io));
    let took = started.elapsed();
    assert!(took >= io * 9, "nine waits in turn took {took:?}");
    assert_eq!(overlapped_the_waits(took, io * 9), Verdict::No);
}

/// The port served by a server that alters one line, its first reply.
#[test]
fn verdict_same_transcript_can_fail() {
    let threaded = play_with_threads(&[25, 42], Guesser::default).expect("the game runs");
    let tampered = play_with_tasks(&[25, 42], Tampered::default).expect("the game runs");
    assert_eq!(tampered.transcripts[0][1], "< OK!");
    assert_eq!(same_transcript(&threaded, &tampered), Verdict::No);
}

/// The game not ported: a thread per connection and per client.
#[test]
fn verdict_on_one_thread_can_fail() {
    let threaded = play_with_threads(&[25, 42], Guesser::default).expect("the game runs");
    assert_eq!(on_one_thread(&threaded), Verdict::No);
}

/// A plain function that does the work at once and returns a future that
/// is already done: its body ran before any poll.
#[test]
fn verdict_nothing_ran_before_the_first_poll_can_fail() {
    let started = Cell::new(false);
    let future = add_eagerly(2, 3, &started);
    assert_eq!(nothing_ran_before_the_first_poll(&started), Verdict::No);
    drop(future);
}

/// The buffer kept across the `.await` in a `Box`: the future holds only
/// the pointer.
async fn keeps_a_boxed_buffer() -> u8 {
    let buffer = Box::new([7u8; 1024]);
    yield_once().await;
    black_box(&buffer)[0]
}

/// The buffer not inside the future: dropped before the `.await`, or kept
/// across it behind a `Box`.
#[test]
fn verdict_at_least_can_fail() {
    assert_eq!(at_least(size_of_val(&drops_a_buffer()), 1024), Verdict::No);
    assert_eq!(
        at_least(size_of_val(&keeps_a_boxed_buffer()), 1024),
        Verdict::No
    );
}

/// The buffer kept across the `.await` inline: the future is not under
/// 1 KiB.
#[test]
fn verdict_smaller_than_can_fail() {
    assert_eq!(
        smaller_than(size_of_val(&holds_a_buffer()), 1024),
        Verdict::No
    );
}
