//! The lesson's binary run as its own child process, as the section
//! `threads_still_running_when_main_returns_are_gone` (in `main.rs`) does.
//!
//! Started with no arguments it is the lesson. With [`CHILD_ARG`] it is that
//! section's child, whose `main` starts a worker and returns without joining
//! it (that child is in `main.rs`, where the chapter shows it with its
//! section). With [`JOINING_CHILD_ARG`] and a number of milliseconds it is
//! the opposite child, [`child_main_joins`], which `tests/verdicts.rs` runs
//! as the control for that section's two verdicts.

use std::thread;
use std::time::Duration;

/// The argument that makes the binary run as the child whose `main` returns
/// without joining its worker.
pub const CHILD_ARG: &str = "--child-main-returns-early";
/// The argument for the opposite child, whose `main` joins its worker (the
/// control test in `tests/verdicts.rs` runs it): `--child-main-joins <ms>`.
pub const JOINING_CHILD_ARG: &str = "--child-main-joins";
/// What the binary says to any other arguments.
pub const USAGE: &str =
    "usage: threads\n(the lesson takes no arguments: run `cargo run -p threads`)";

/// What the command line asks the binary to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// No arguments: the lesson.
    Lesson,
    /// [`CHILD_ARG`]: the lesson's child, which returns without joining.
    ChildReturnsEarly,
    /// [`JOINING_CHILD_ARG`] `<ms>`: the control's child, which joins a
    /// worker that works this long.
    ChildJoins(Duration),
}

/// The role the arguments (after the program's name) ask for; `None` for
/// anything else, which the binary answers with [`USAGE`].
///
/// ```
/// use std::time::Duration;
/// use threads::child::{CHILD_ARG, JOINING_CHILD_ARG, Role, role};
///
/// assert_eq!(role(&[]), Some(Role::Lesson));
/// assert_eq!(role(&[CHILD_ARG.into()]), Some(Role::ChildReturnsEarly));
/// let joins = [JOINING_CHILD_ARG.into(), "10".into()];
/// assert_eq!(role(&joins), Some(Role::ChildJoins(Duration::from_millis(10))));
/// assert_eq!(role(&[JOINING_CHILD_ARG.into(), "ten".into()]), None);
/// assert_eq!(role(&["--help".into()]), None);
/// ```
pub fn role(args: &[String]) -> Option<Role> {
    match args {
        [] => Some(Role::Lesson),
        [arg] if arg == CHILD_ARG => Some(Role::ChildReturnsEarly),
        [arg, millis] if arg == JOINING_CHILD_ARG => millis
            .parse()
            .ok()
            .map(|millis| Role::ChildJoins(Duration::from_millis(millis))),
        _ => None,
    }
}

/// The opposite child, for the control test: `main` joins its worker, so the
/// worker's line is printed and the child lasts at least the worker's `work`.
/// (`main` prints before it starts the worker: printed after, its line could
/// come second, if the scheduler left `main` waiting for longer than `work`.)
pub fn child_main_joins(work: Duration) {
    println!("main: starting a worker, then joining it");
    let worker = thread::spawn(move || {
        thread::sleep(work);
        println!("worker: finished my work");
    });
    worker.join().expect("sleeping and printing do not panic");
}
