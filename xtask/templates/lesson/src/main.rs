//! The `__LESSON__` lesson: __TITLE__. The chapter is
//! `book/src/__LESSON__.md`.
//!
//! Read it top to bottom: `main` runs one function per section. Threads here
//! never print; they return what they found, and the main thread prints once
//! it has joined them, so the output is the same on every run.

use __CRATE__::{sum_in_threads, verdict};

fn main() {
    threads_share_the_sum();
}

// ANCHOR: threads_share_the_sum
fn threads_share_the_sum() {
    println!("== 1. Four threads share a sum ==");
    let numbers: Vec<u64> = (1..=1_000).collect();
    let total = sum_in_threads(&numbers, 4);
    println!(
        "four threads added 1 to 1000 and got {total}: the sum is right: {}",
        verdict::adds_up_to_one_through(1_000, total)
    );
}
// ANCHOR_END: threads_share_the_sum
