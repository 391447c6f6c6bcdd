//! The commands that run the lessons and the tools around them: `list`,
//! `run`, `test`, `bench`, the loom models, and the two commands whose work is
//! a package of its own (`book`, `browser`), run with `cargo run -p` so that
//! no other build compiles mdBook or a browser client.

use std::process::Command;
use std::time::{Duration, Instant};

use crate::lessons::{self, Lesson};
use crate::{
    Result, cargo, cargo_command, fail, first_line, lesson_list, lessons_named, root, run_command,
    target_dir, usage,
};

/// `cargo xtask list`
pub fn list() -> Result {
    let width = lessons::all()
        .iter()
        .map(|l| l.name.len())
        .max()
        .unwrap_or(0);
    for (number, lesson) in lessons::all().iter().enumerate() {
        println!(
            "{:>2}. {:width$}  {}",
            number + 1,
            lesson.name,
            lesson.title()
        );
    }
    Ok(())
}

/// `names`' lessons, or every lesson when `names` is empty.
fn chosen(names: &[String]) -> Result<Vec<&'static Lesson>> {
    if names.is_empty() {
        Ok(lessons::all().iter().collect())
    } else {
        lessons_named(names)
    }
}

/// `cargo xtask run <lesson>... | --all [--timeout SECS]`
///
/// The lesson's stdout is passed through untouched, so `cargo xtask run
/// threads` prints exactly what `cargo run -p threads` prints; progress goes
/// to stderr.
pub fn run(names: &[String], all: bool, timeout: Duration) -> Result {
    let lessons = if all {
        lessons::all().iter().collect()
    } else {
        lessons_named(names)?
    };
    if lessons.is_empty() {
        return Err(usage(format!(
            "which lesson? name one, or --all\n\n{}",
            lesson_list()
        )));
    }

    cargo(&["build", "--quiet", "--bins"], &lessons)?;
    let mut failed = Vec::new();
    for lesson in &lessons {
        eprintln!("==> {}", lesson.name);
        let binary = target_dir().join("debug").join(&lesson.name);
        match harness::run_with_timeout(Command::new(&binary), timeout) {
            Ok(run) => {
                print!("{}", run.stdout);
                eprint!("{}", run.stderr);
                let verdict = if run.status.success() { "ok" } else { "FAILED" };
                eprintln!(
                    "==> {}: {verdict} in {:.2} s",
                    lesson.name,
                    run.elapsed.as_secs_f64()
                );
                if !run.status.success() {
                    failed.push(format!("{} ({})", lesson.name, run.status));
                }
            }
            Err(err) => {
                eprintln!("==> {}: {err}", lesson.name);
                failed.push(format!(
                    "{} ({})",
                    lesson.name,
                    first_line(&err.to_string())
                ));
            }
        }
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(fail(format!("failed: {}", failed.join(", "))))
    }
}

/// `cargo xtask test [--accept] [<lesson>...]`
///
/// The check itself is each lesson's `tests/output.rs` (so plain `cargo test`
/// and `cargo insta review` reach it too); this runs all of them at once.
pub fn test(names: &[String], accept: bool) -> Result {
    let lessons = chosen(names)?;
    let mut command = cargo_command(&["test", "--test", "output"], &lessons);
    if accept {
        // Write the snapshots in place and let the assertions pass.
        command.env("INSTA_UPDATE", "always");
    }
    let started = Instant::now();
    run_command(command, "the snapshot tests")?;
    eprintln!(
        "==> {} lesson snapshots {} in {:.1} s",
        lessons.len(),
        if accept { "recorded" } else { "match" },
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// `cargo xtask bench [<lesson>...]`
pub fn bench(names: &[String]) -> Result {
    cargo(&["bench"], &chosen(names)?)
}

/// Every lesson's `tests/loom.rs`, compiled with `--cfg loom` into a target
/// directory of its own (so the normal build is not thrown away).
pub fn loom(lessons: &[&Lesson]) -> Result {
    let root = root();
    let with_models: Vec<&Lesson> = lessons
        .iter()
        .copied()
        .filter(|l| {
            root.join("crates")
                .join(&l.name)
                .join("tests/loom.rs")
                .exists()
        })
        .collect();
    if with_models.is_empty() {
        return Ok(());
    }
    let mut command = cargo_command(&["test", "--release", "--test", "loom"], &with_models);
    command
        .env("RUSTFLAGS", "--cfg loom")
        .env("CARGO_TARGET_DIR", target_dir().join("loom"));
    run_command(command, "the loom models")
}

/// `cargo xtask book [<args>...]`: the `xtask-book` package, the only one
/// that builds mdBook. Not `--quiet`: the first time, cargo's own lines say
/// what it compiles (a minute or two of mdBook's dependencies).
pub fn book(args: &[String]) -> Result {
    let mut command = cargo_command(&["run", "-p", "xtask-book", "--"], &[]);
    command.args(args);
    run_command(command, "the book build")
}

/// `cargo xtask browser [<args>...]`: its own package, so that no other
/// build compiles a browser client.
pub fn browser(args: &[String]) -> Result {
    let mut command = cargo_command(&["run", "--quiet", "-p", "book-browser", "--"], &[]);
    command.args(args);
    run_command(command, "the browser check")
}
