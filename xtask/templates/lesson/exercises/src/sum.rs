//! # `__LESSON__-sum`: a sum shared by threads
//!
//! Add up `numbers` on `threads` scoped threads (`std::thread::scope`), each
//! summing one chunk of the slice, and return the total. Every thread must be
//! joined, and its result counted, before the function returns.
//!
//! ```text
//! sum_in_threads(&[1, 2, 3, 4, 5], 2) == 15
//! sum_in_threads(&[], 4) == 0
//! ```
//!
//! The chapter's section: book/src/__LESSON__.md, "Four threads share a sum".

/// The sum of `numbers`, added up by `threads` threads (at least one).
pub fn sum_in_threads(numbers: &[u64], threads: usize) -> u64 {
    // TODO: cut `numbers` into chunks, one thread per chunk, and add up
    // what the threads return.
    let _ = (numbers, threads);
    todo!("sum the chunks on scoped threads")
}
