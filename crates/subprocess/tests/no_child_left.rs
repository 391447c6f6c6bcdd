//! The control for section 9's last verdict, `no child left`: a child not
//! yet reaped makes it say `no`.
//!
//! `waitpid(-1)` asks about every child of the process, so this file holds
//! exactly one test: a test on another thread would add children of its own.

use std::process::{Command, Stdio};

use subprocess::verdict::{no_child_left, yes_no};

#[test]
fn verdict_no_child_left_can_fail() {
    assert_eq!(yes_no(no_child_left()), "yes", "the test starts with none");
    let mut child = Command::new("sleep")
        .arg("10")
        .stdin(Stdio::null())
        .spawn()
        .expect("sleep runs");
    assert_eq!(yes_no(no_child_left()), "no");
    child.kill().expect("kill works");
    child.wait().expect("wait works");
    assert_eq!(yes_no(no_child_left()), "yes");
}
