//! The Python program does not compile in Rust, and for the reason the
//! chapter gives: `trybuild` compiles each file in `tests/wont_compile/` and
//! compares rustc's message with the `.stderr` file beside it, which the
//! chapter includes. (A `compile_fail` doc test would pass for any error at
//! all: stable rustdoc ignores its error code.)
//!
//! If a new Rust release rewords a message, rerun with `TRYBUILD=overwrite`
//! and read the diff.
#![cfg(not(loom))]

#[test]
fn five_threads_cannot_borrow_one_counter_mutably() {
    trybuild::TestCases::new().compile_fail("tests/wont_compile/borrowed.rs");
}

#[test]
fn an_arc_does_not_give_mutable_access() {
    trybuild::TestCases::new().compile_fail("tests/wont_compile/shared.rs");
}
