//! The Python program does not compile in Rust, and for the reason the
//! chapter gives. Stable rustdoc does not check a `compile_fail` doctest's
//! error code, so this test compiles each file in `wont_compile/` with rustc
//! and compares the message with the `.stderr` file beside it (the text the
//! chapter shows).
//!
//! If a new Rust release rewords a message, rerun with `LOCKS_BLESS=1` to
//! record the new text, and read the diff.

use std::path::Path;
use std::process::Command;

fn assert_fails_to_compile(name: &str) {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out_dir =
        std::env::temp_dir().join(format!("locks-wont-compile-{}-{name}", std::process::id()));
    let source = format!("wont_compile/{name}.rs");
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let output = Command::new(rustc)
        .current_dir(crate_dir)
        .args(["--edition", "2024", "--emit=metadata", "--color=never"])
        .arg("--out-dir")
        .arg(&out_dir)
        .arg(&source)
        .output()
        .expect("rustc is installed wherever cargo is");
    let _ = std::fs::remove_dir_all(&out_dir);

    assert!(
        !output.status.success(),
        "{source} compiled, but it must not"
    );
    let stderr = normalise(&String::from_utf8_lossy(&output.stderr));
    let expected_path = crate_dir.join(format!("wont_compile/{name}.stderr"));
    if std::env::var_os("LOCKS_BLESS").is_some() {
        std::fs::write(&expected_path, &stderr).expect("the crate folder is writable");
        return;
    }
    let expected = std::fs::read_to_string(&expected_path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", expected_path.display()));
    assert_eq!(stderr, expected, "rustc's message for {source} changed");
}

/// Paths into the toolchain's own sources differ from one Rust release to the
/// next: `/rustc/<commit>/library/std/src/thread/scoped.rs:203:34`.
fn normalise(stderr: &str) -> String {
    let toolchain_path = regex::Regex::new(r"/rustc/[0-9a-f]+/(\S+?):\d+:\d+")
        .expect("the pattern is a valid regex");
    toolchain_path
        .replace_all(stderr, "$$RUST/$1:LL:CC")
        .into_owned()
}

#[test]
fn five_threads_cannot_borrow_one_counter_mutably() {
    assert_fails_to_compile("borrowed");
}

#[test]
fn an_arc_does_not_give_mutable_access() {
    assert_fails_to_compile("shared");
}
