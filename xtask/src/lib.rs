//! The course's task runner as a library: the course model (lessons,
//! sections, snapshots, pictures, exercises) and every `cargo xtask` command
//! but the book's. The binary (`main.rs`) is the command line; the book is a
//! package of its own, `xtask/book`, which uses this library for the course
//! model, so that mdBook's crates are built for `cargo xtask book` only and
//! never for a learner's `cargo xtask learn`.

pub mod ci;
pub mod compare;
pub mod i18n;
pub mod learn;
pub mod lessons;
pub mod new;
pub mod notes;
pub mod pictures;
pub mod python;
pub mod sections;
pub mod snapshot;
pub mod sync;
pub mod tasks;

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

use lessons::Lesson;

/// A failed task: what to tell the user, and the exit code.
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    pub code: u8,
}

pub type Result<T = ()> = std::result::Result<T, Failure>;

/// A task that went wrong (exit code 1).
pub fn fail(message: impl Into<String>) -> Failure {
    Failure {
        message: message.into(),
        code: 1,
    }
}

/// The user asked for something that does not exist (exit code 2).
pub fn usage(message: impl Into<String>) -> Failure {
    Failure {
        message: message.into(),
        code: 2,
    }
}

/// The lessons called `names`, or a usage error that lists the lessons.
pub fn lessons_named(names: &[String]) -> Result<Vec<&'static Lesson>> {
    names
        .iter()
        .map(|name| {
            lessons::find(name).ok_or_else(|| {
                usage(format!(
                    "there is no lesson `{name}`; the lessons are:\n{}",
                    lesson_list()
                ))
            })
        })
        .collect()
}

/// The lessons, one a line, with their titles.
pub fn lesson_list() -> String {
    lessons::all()
        .iter()
        .map(|l| format!("  {:22} {}", l.name, l.title()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `cargo <args> -p <lesson>...`, run from the workspace root.
pub fn cargo_command(args: &[&str], lessons: &[&Lesson]) -> Command {
    let mut command = Command::new(env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    command.current_dir(root()).args(args);
    for lesson in lessons {
        command.args(["-p", &lesson.name]);
    }
    command
}

/// Runs `cargo <args> -p <lesson>...`; a failure names the command.
pub fn cargo(args: &[&str], lessons: &[&Lesson]) -> Result {
    run_command(
        cargo_command(args, lessons),
        &format!("cargo {}", args.join(" ")),
    )
}

/// Runs `command` with the terminal's stdout and stderr; a failure names `what`.
pub fn run_command(mut command: Command, what: &str) -> Result {
    let status = command
        .status()
        .map_err(|e| fail(format!("could not start {what}: {e}")))?;
    if status.success() {
        Ok(())
    } else {
        Err(fail(format!("{what} failed ({status})")))
    }
}

/// The first line of `text`.
pub fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or_default()
}

/// The workspace root: the parent of this package's folder.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask/ always sits inside the workspace root")
        .to_path_buf()
}

/// Where cargo puts build output: `$CARGO_TARGET_DIR`, or `target/`.
pub fn target_dir() -> PathBuf {
    env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}
