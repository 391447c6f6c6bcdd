//! # Exercise `blocking-io-send`: a handle that can cross to another thread
//!
//! Read first, in book/src/blocking-io.md (`cargo xtask learn` prints the
//! link to the section): "The GIL, and what Rust has instead: `Send` and
//! `Sync`".
//!
//! Several jobs, each on a thread of its own, read one [`Settings`]. Copying
//! the settings for every job would be a waste: give each job a *handle* to
//! the same settings, a reference-counted pointer, cloned once per job.
//!
//! - [`Shared`]: the handle. `Shared::new` makes the first one; `clone` makes
//!   another to the *same* settings; [`Shared::handles`] says how many exist
//!   right now (the reference count).
//! - [`greet_all`]: one job per name, run with the given
//!   [`on_threads`](crate::on_threads), each job holding its own clone of the
//!   handle: `"Hello, Ada!"` for greeting `"Hello"`, punctuation `'!'`.
//!
//! `on_threads` requires its jobs to be `Send`: each job is *moved* to
//! another thread, and so is everything it holds. Rust has two
//! reference-counted pointers; one of them updates its count without atomic
//! instructions, which two threads cloning at once would corrupt, so it is
//! not `Send`. Try it: the compiler's error says which, and why. (The tests
//! also send a handle to a `std::thread::spawn`ed thread.)
//!
//! Check it: `cargo xtask learn check blocking-io-send`.

use crate::on_threads;

/// Settings every job reads.
#[derive(Debug, PartialEq, Eq)]
pub struct Settings {
    pub greeting: String,
    pub punctuation: char,
}

/// A handle to one shared [`Settings`]: a clone is another handle to the
/// same settings, not a copy of them.
#[derive(Debug, Clone)]
pub struct Shared {
    // TODO: one field: a reference-counted pointer to the `Settings`.
}

impl Shared {
    /// The first handle to `settings`.
    pub fn new(settings: Settings) -> Shared {
        // TODO
        todo!("Shared::new")
    }

    /// The settings this handle shares.
    pub fn settings(&self) -> &Settings {
        // TODO
        todo!("Shared::settings")
    }

    /// How many handles to these settings exist right now.
    pub fn handles(&self) -> usize {
        // TODO: the pointer's strong count.
        todo!("Shared::handles")
    }
}

/// Greets each name on a thread of its own ([`on_threads`]), each job
/// holding a handle of its own; the greetings in the order of `names`.
pub fn greet_all(shared: &Shared, names: &[&str]) -> Vec<String> {
    // TODO: build a `Vec` of jobs, one per name: clone the handle, then
    // `move || format!("{}, {name}{}", ...)`; pass them to `on_threads`.
    todo!("greet_all")
}
