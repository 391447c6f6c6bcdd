//! The `async-tasks` lesson: coroutines, and porting threaded I/O to them
//! (Effective Python Items 60 and 61). The chapter is
//! `book/src/async-tasks.md`.
//!
//! Read it top to bottom: `main` runs one function per section. Every
//! runtime here is tokio's one-thread runtime; the only threads the program
//! starts are the ones it compares the tasks with, and it joins them all.

use std::cell::Cell;
use std::io;
use std::mem::size_of_val;
use std::time::{Duration, Instant};

use async_tasks::anatomy::{add_slowly, drops_a_buffer, holds_a_buffer, poll_by_hand};
use async_tasks::cost::{crowd_of_tasks, crowd_of_threads};
use async_tasks::guess::{self, Guesser, play_with_threads};
use async_tasks::life::{glider, side_by_side, simulate};
use async_tasks::one_thread_runtime;
use async_tasks::ported::play_with_tasks;
use async_tasks::verdict::{
    at_least, glider_moved, holds_a_tenth, nothing_ran_before_the_first_poll, on_one_thread,
    overlapped_the_waits, same_transcript, smaller_than, starts_in_a_tenth,
};

/// How many tasks `a_coroutine_is_cheap` starts (the Item speaks of tens of
/// thousands).
const TASKS: usize = 10_000;
/// How many threads it starts: 10 000 threads with std's default 2 MiB
/// stack would reserve 20 GiB of address space, so it stops at 1000.
const THREADS: usize = 1_000;
/// The threads' stack: small, to give them their best showing.
const THREAD_STACK: usize = 64 * 1024;
/// How long each task and each thread sleeps.
const NAP: Duration = Duration::from_millis(100);
/// The Game of Life's simulated I/O, per cell and generation.
const CELL_IO: Duration = Duration::from_millis(10);
/// The secrets of the guessing game's three clients.
const SECRETS: [u32; 3] = [25, 42, 93];

fn main() -> io::Result<()> {
    a_coroutine_is_cheap()?;
    the_game_of_life_a_task_per_cell()?;
    porting_threaded_io_to_async()?;
    what_an_async_fn_compiles_to();
    Ok(())
}

// ANCHOR: a_coroutine_is_cheap
fn a_coroutine_is_cheap() -> io::Result<()> {
    println!("== 1. A coroutine is cheap ==");
    let tasks = crowd_of_tasks(TASKS, || tokio::time::sleep(NAP))?;
    let threads = crowd_of_threads(THREADS, THREAD_STACK, NAP)?;
    println!(
        "{} tasks on one thread, each sleeping {NAP:.1?}: started in {:.1?} each",
        tasks.count, tasks.start_each
    );
    println!(
        "{} threads with {} KiB stacks, each sleeping {NAP:.1?}: started in {:.1?} each",
        threads.count,
        THREAD_STACK / 1024,
        threads.start_each
    );
    println!(
        "a task costs less than a tenth of a thread to start: {}",
        starts_in_a_tenth(&tasks, &threads)
    );
    match (tasks.resident_each, threads.resident_each) {
        (Some(task), Some(thread)) => {
            println!("resident memory: ~{task} bytes per task, ~{thread} bytes per thread");
            println!(
                "a task holds less than a tenth of a thread's memory: {}",
                holds_a_tenth(task, thread)
            );
        }
        _ => println!("(resident memory is read from /proc/self/status: Linux only)"),
    }
    Ok(())
}
// ANCHOR_END: a_coroutine_is_cheap

// ANCHOR: the_game_of_life_a_task_per_cell
fn the_game_of_life_a_task_per_cell() -> io::Result<()> {
    println!("\n== 2. The Game of Life, a task per cell ==");
    const GENERATIONS: usize = 4;
    let runtime = one_thread_runtime()?;
    let pictured = trace::region("life"); // what the chapter's pictures show
    let started = Instant::now();
    let generations = runtime.block_on(async {
        let mut generations = vec![glider()];
        for _ in 0..GENERATIONS {
            let current = generations.last().expect("starts with one grid").clone();
            generations.push(simulate(current, CELL_IO).await);
        }
        generations
    });
    let took = started.elapsed();
    pictured.end();
    for line in side_by_side(&generations) {
        println!("{}", line.trim_end());
    }
    let cells = generations[0].rows() * generations[0].cols();
    let waits_added_up = CELL_IO * (cells * GENERATIONS) as u32;
    println!(
        "{GENERATIONS} generations of {cells} cells, each cell waiting {CELL_IO:.1?} for its I/O: took {took:.1?}"
    );
    println!(
        "the tasks overlapped their waits (less than a quarter of the {waits_added_up:.1?} they add up to): {}",
        overlapped_the_waits(took, waits_added_up)
    );
    println!(
        "after {GENERATIONS} generations the glider has the same shape, one cell down and right: {}",
        glider_moved(&generations[0], &generations[GENERATIONS])
    );
    Ok(())
}
// ANCHOR_END: the_game_of_life_a_task_per_cell

// ANCHOR: porting_threaded_io_to_async
fn porting_threaded_io_to_async() -> io::Result<()> {
    println!("\n== 3. Porting threaded I/O to async ==");
    let pictured = trace::region("port"); // what the chapter's pictures show
    let threaded = play_with_threads(&SECRETS, Guesser::default)?;
    let ported = play_with_tasks(&SECRETS, Guesser::default)?;
    pictured.end();
    println!("client 0's session (secret {}):", SECRETS[0]);
    for line in &ported.transcripts[0] {
        println!("  {line}");
    }
    for (secret, transcript) in SECRETS.iter().zip(&ported.transcripts) {
        println!(
            "secret {secret}: the server guessed {:?}",
            guess::guesses(transcript)
        );
    }
    println!(
        "with threads: {} connections served on {} threads, {} clients on {} threads",
        threaded.served_on.len(),
        guess::distinct(&threaded.served_on),
        threaded.clients_on.len(),
        guess::distinct(&threaded.clients_on)
    );
    println!(
        "with tokio: {} connections and {} clients, all on one thread: {}",
        ported.served_on.len(),
        ported.clients_on.len(),
        on_one_thread(&ported)
    );
    let lines: usize = threaded.transcripts.iter().map(Vec::len).sum();
    println!(
        "the port gave the same transcript, all {lines} lines: {}",
        same_transcript(&threaded, &ported)
    );
    Ok(())
}
// ANCHOR_END: porting_threaded_io_to_async

// ANCHOR: what_an_async_fn_compiles_to
fn what_an_async_fn_compiles_to() {
    println!("\n== 4. What an async fn compiles to ==");
    let started = Cell::new(false);
    let future = add_slowly(2, 3, &started);
    println!(
        "add_slowly(2, 3) returned a future of ~{} bytes; creating it ran none of its body: {}",
        size_of_val(&future),
        nothing_ran_before_the_first_poll(&started)
    );
    let polls = poll_by_hand(future, 10);
    println!("polled by hand with a no-op waker: {polls:?}");

    let holds = size_of_val(&holds_a_buffer());
    let drops = size_of_val(&drops_a_buffer());
    println!(
        "a 1 KiB buffer kept across an .await: a future of ~{holds} bytes, at least 1 KiB: {}",
        at_least(holds, 1024)
    );
    println!(
        "the same buffer dropped before the .await: ~{drops} bytes, under 1 KiB: {}",
        smaller_than(drops, 1024)
    );
}
// ANCHOR_END: what_an_async_fn_compiles_to
