//! What the compiler refuses: each file under `tests/wont_compile/` is a
//! program that must not build, and its `.stderr` beside it is the error it
//! must fail with (error code included). The chapter shows them.
//!
//! To re-record the errors after a compiler upgrade changes their wording:
//! `TRYBUILD=overwrite cargo test -p thread-pools --test wont_compile`, then
//! read the diff: each must still name the error code the chapter claims.
#![cfg(not(loom))]

#[test]
fn a_pool_takes_no_job_after_shutdown() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/wont_compile/*.rs");
}
