//! Programs the chapter says do not compile, and the error it says rustc
//! gives: `trybuild` compiles each file in `tests/wont_compile/` and compares
//! rustc's message with the `.stderr` file beside it. (A `compile_fail` doc
//! test would pass for any error at all: stable rustdoc ignores its code.)
//!
//! If a new Rust release rewords a message, rerun with `TRYBUILD=overwrite`
//! and read the diff.
#![cfg(not(loom))]

#[test]
fn spawn_cannot_borrow_a_local() {
    trybuild::TestCases::new().compile_fail("tests/wont_compile/spawn_cannot_borrow.rs");
}
