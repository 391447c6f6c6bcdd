//! A program the chapter says does not compile, and the error it says rustc
//! gives: `trybuild` compiles each file in `tests/wont_compile/` and compares
//! rustc's message with the `.stderr` file beside it. (A `compile_fail` doc
//! test would pass for any error at all: stable rustdoc ignores its code.)
//!
//! If a new Rust release rewords a message, rerun with `TRYBUILD=overwrite`
//! and read the diff.

#[test]
fn a_job_holding_an_rc_cannot_go_to_another_thread() {
    trybuild::TestCases::new().compile_fail("tests/wont_compile/rc_is_not_send.rs");
}
