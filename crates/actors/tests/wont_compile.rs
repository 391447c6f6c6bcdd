//! What the compiler refuses: each file under `tests/wont_compile/` is a
//! program that must not build, and its `.stderr` beside it is the error it
//! must fail with (error code included). The chapter shows these programs.
//!
//! To re-record the errors after a compiler upgrade changes their wording:
//! `TRYBUILD=overwrite cargo test -p actors --test wont_compile`, then read
//! the diff: each must still name the error code the chapter claims.
#![cfg(not(loom))]

#[test]
fn the_compiler_refuses_what_python_finds_at_run_time() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/wont_compile/*.rs");
}
