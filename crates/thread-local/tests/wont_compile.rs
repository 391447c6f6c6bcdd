//! What the compiler refuses: the chapter says a connection guard is neither
//! `Send` nor `Sync`, so it can be neither moved to another thread (to be
//! dropped there, clearing the wrong thread's entry) nor lent to one. Each
//! file under `tests/wont_compile/` tries one of those, and the `.stderr`
//! beside it is the error rustc must give: `E0277`, naming the guard.
//! (A `compile_fail` doc test would not do: stable rustdoc passes it for any
//! error at all.)
//!
//! To re-record the errors after a compiler upgrade changes their wording:
//! `TRYBUILD=overwrite cargo test -p thread-local --test wont_compile`, then
//! read the diff: each must still say `E0277` and name the guard type.

#[test]
fn a_connection_guard_cannot_leave_its_thread() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/wont_compile/*.rs");
}
