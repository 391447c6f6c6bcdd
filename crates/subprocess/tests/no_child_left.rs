//! The control for the lesson's last verdict, `no_child_left` ("no child
//! left after every section: yes"): a child not yet reaped makes it say
//! "no".
//!
//! `waitpid(-1)` asks about every child of the process, so this file holds
//! exactly one test: a test on another thread would add children of its own.

use std::process::{Command, Stdio};

use subprocess::verdict::{Verdict, no_child_left};

#[test]
fn verdict_no_child_left_can_fail() {
    assert_eq!(no_child_left(), Verdict::Yes, "the test starts with none");
    let mut child = Command::new("sleep")
        .arg("10")
        .stdin(Stdio::null())
        .spawn()
        .expect("sleep runs");
    assert_eq!(no_child_left(), Verdict::No);
    child.kill().expect("kill works");
    child.wait().expect("wait works");
    assert_eq!(no_child_left(), Verdict::Yes);
}
