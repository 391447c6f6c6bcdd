//! `async-and-threads-channel`: the behaviour, on tokio's one-thread
//! runtime (asyncio's event loop): every item arrives exactly once, in
//! order, transformed by the task; the function returns once the sender is
//! gone, with small and large channels, and with no items at all.

use std::thread;

use async_and_threads_exercises::channel::through_a_task;

fn one_thread_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a one-thread runtime builds")
}

#[test]
fn the_task_shouts_back_every_line_once_in_order() {
    let runtime = one_thread_runtime();
    let lines: Vec<String> = ["red", "green", "blue", "cyan", "magenta"]
        .map(String::from)
        .to_vec();
    let shouted = through_a_task(&runtime, lines, 2, |line: String| line.to_uppercase());
    assert_eq!(shouted, ["RED", "GREEN", "BLUE", "CYAN", "MAGENTA"]);
}

#[test]
fn a_thousand_items_through_a_channel_of_one() {
    let runtime = one_thread_runtime();
    let items: Vec<u32> = (0..1000).collect();
    let got = through_a_task(&runtime, items, 1, |n| n * 2);
    assert_eq!(got, (0..1000).map(|n| n * 2).collect::<Vec<_>>());
}

#[test]
fn the_items_are_sent_from_another_thread_and_taken_on_the_runtimes() {
    let runtime = one_thread_runtime();
    let here = thread::current().id();
    // The task runs where `block_on` runs: on this thread.
    let seen_on = through_a_task(&runtime, vec![(); 3], 4, move |()| thread::current().id());
    assert_eq!(seen_on, [here, here, here]);
}

#[test]
fn no_items_the_channel_just_closes() {
    let runtime = one_thread_runtime();
    let got = through_a_task(&runtime, Vec::<u8>::new(), 8, |n| n);
    assert!(got.is_empty());
}

#[test]
fn the_function_keeps_its_state_across_items() {
    let runtime = one_thread_runtime();
    let mut total = 0;
    let running = through_a_task(&runtime, vec![1, 2, 3, 4], 3, move |n: i64| {
        total += n;
        total
    });
    assert_eq!(running, [1, 3, 6, 10]);
}
