//! What the compiler refuses: the guard [`lock_ordering::acquire`] returns
//! cannot be sent to another thread, so it is always released by the thread
//! whose held-locks list it is on. The program under `tests/wont_compile/`
//! tries, and the `.stderr` beside it is the error rustc must give: `E0277`.
//! (A `compile_fail` doc test would not do: stable rustdoc passes it for any
//! error at all.)
//!
//! To re-record the error after a compiler upgrade changes its wording:
//! `TRYBUILD=overwrite cargo test -p lock-ordering --test wont_compile`, then
//! read the diff: it must still say `E0277`.

#[test]
fn the_guard_cannot_leave_its_thread() {
    trybuild::TestCases::new().compile_fail("tests/wont_compile/*.rs");
}
