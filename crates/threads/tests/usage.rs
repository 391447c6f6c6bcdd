//! The binary takes no arguments of a learner's: anything but the child
//! roles of `src/child.rs` is a usage error, exit status 2, with a message
//! that says how to run the lesson (and the lesson does not run).
#![cfg(not(loom))]

use std::process::Command;

use threads::child::USAGE;

#[test]
fn an_unknown_argument_is_a_usage_error() {
    for args in [
        &["--help"][..],
        &["--child-main-joins", "ten"],
        &["extra", "args"],
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_threads"))
            .args(args)
            .output()
            .expect("the lesson's binary runs");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}: the lesson ran");
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            format!("{USAGE}\n")
        );
    }
}
