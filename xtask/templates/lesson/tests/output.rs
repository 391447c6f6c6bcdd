//! The lesson's output, redacted, must match its snapshot (`CONTRIBUTING.md`).

#[test]
fn output_matches_snapshot() {
    harness::assert_lesson_output!("__LESSON__");
}
