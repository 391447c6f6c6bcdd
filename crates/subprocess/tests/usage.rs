//! The binary takes no arguments of a learner's: anything but the helper's
//! `--xor-helper` (which the lesson passes its own children) is a usage
//! error, exit status 2, and the lesson does not run.

use std::process::Command;

#[test]
fn an_unknown_argument_is_a_usage_error() {
    for args in [&["--help"][..], &["extra", "args"]] {
        let output = Command::new(env!("CARGO_BIN_EXE_subprocess"))
            .args(args)
            .output()
            .expect("the lesson's binary runs");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}: the lesson ran");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.starts_with("usage: subprocess\n"),
            "{args:?}: {stderr}"
        );
    }
}
