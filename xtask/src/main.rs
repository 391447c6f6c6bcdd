//! `cargo xtask`: the course's task runner, in the style of matklad's xtask:
//! one binary, one function per subcommand, plain `std::process` calls.
//!
//! ```text
//! cargo xtask list                    the lessons, in reading order
//! cargo xtask run <lesson>... | --all run lessons, each under a time limit
//! cargo xtask test [--accept]         check every lesson's output against its snapshot
//! cargo xtask book                    build the book into book/build/
//! cargo xtask bench [<lesson>...]     run the criterion benches
//! cargo xtask sync [--check]          write (or check) README's table, SUMMARY.md, the glossary
//! cargo xtask learn [<command>]       the exercises: a watch loop, check, hint, reset, --verify
//! cargo xtask compare [<lesson>...]   the notes' experiments, Python beside Rust, one table
//! cargo xtask pictures [--record]     timelines of real runs, drawn for the book
//! cargo xtask browser [--or-skip]     the built book, checked in Chromium
//! cargo xtask ci                      everything CI runs
//! ```

mod book;
mod compare;
mod learn;
mod lessons;
mod new;
mod notes;
mod pictures;
mod python;
mod sections;
mod sync;

use std::env;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use lessons::Lesson;

/// A failed task: what to tell the user, and the exit code.
#[derive(Debug)]
struct Failure {
    message: String,
    code: u8,
}

type Result<T = ()> = std::result::Result<T, Failure>;

/// A task that went wrong (exit code 1).
fn fail(message: impl Into<String>) -> Failure {
    Failure {
        message: message.into(),
        code: 1,
    }
}

/// The user asked for something that does not exist (exit code 2).
fn usage(message: impl Into<String>) -> Failure {
    Failure {
        message: message.into(),
        code: 2,
    }
}

const HELP: &str = "\
usage: cargo xtask <command>

commands:
  list                      the lessons, in reading order
  new <lesson>              scaffold a lesson that builds and passes its checks
                            (remove one: delete crates/<lesson>/ and its
                            chapter, then `cargo xtask sync`)
  run <lesson>... | --all   build and run lessons, each under a time limit
                            (--timeout SECS, default 15)
  test [--accept] [<lesson>...]
                            run every lesson and compare its redacted output
                            with its snapshot; --accept records the new output
  book                      build the book into book/build/
  bench [<lesson>...]       run the criterion benches (all lessons by default)
  sync [--check]            write README.md's lesson table and book/src/SUMMARY.md
                            from the lesson list, and sort the glossary;
                            --check only compares (and checks chapter titles)
  learn [list | check [<exercise>] | hint <exercise> | reset <exercise>
        | solution <exercise> | --verify]
                            the exercises: with no command, the current one,
                            re-checked on every save (`learn --help` for more)
  python                    run every Python program under python/, each
                            under a time limit (skipped without python3)
  compare [<lesson>... | --all] [--quick] [--record]
                            the notes' experiments in Python and in Rust
                            (release), one table: Python, Rust, the best
                            tool, the floor; --quick: 1 run, small sizes;
                            --record: write book/src/measured/ (.md, .json)
  browser [--or-skip]       the built book checked in headless Chromium: pages,
                            links, anchors, search, pictures, 1280 and 390 px
                            (`browser --help`; --or-skip: succeed without it)
  pictures [--record [<lesson>...] | --render | --check]
                            timelines of real runs for the book: list them,
                            record them into book/src/pictures/, draw them
                            again, or check them (`pictures --help`)
  notes [--seeds DIR]       check that no run of 4 lines equals the notes'
                            (skipped where the notes are not found)
  ci                        everything CI runs: fmt, sync, clippy, tests,
                            loom models, the exercises (learn --verify),
                            benches in test mode, the book";

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    if let Err(message) = lessons::init(&root()) {
        eprintln!("error: the course's lesson list: {message}");
        return ExitCode::FAILURE;
    }
    let Some((command, rest)) = args.split_first() else {
        println!("{HELP}");
        return ExitCode::SUCCESS;
    };
    let result = match command.as_str() {
        "list" => list(),
        "new" => new::new(&root(), rest),
        "run" => run(rest),
        "test" => test(rest),
        "book" => book::build(&root()),
        "bench" => bench(rest),
        "sync" => sync::sync(&root(), rest),
        "learn" => learn::learn(&root(), rest),
        "python" => python::run_all(&root()),
        "pictures" => pictures::pictures(&root(), rest),
        "compare" => compare::compare(&root(), rest),
        "notes" => notes::notes(&root(), rest),
        "browser" => browser(rest),
        "ci" => ci(),
        "help" | "--help" | "-h" => {
            println!("{HELP}");
            Ok(())
        }
        other => Err(usage(format!("unknown command `{other}`\n\n{HELP}"))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("error: {}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}

/// `cargo xtask list`
fn list() -> Result {
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

/// `cargo xtask run <lesson>... | --all [--timeout SECS]`
///
/// The lesson's stdout is passed through untouched, so `cargo xtask run
/// threads` prints exactly what `cargo run -p threads` prints; progress goes
/// to stderr.
fn run(args: &[String]) -> Result {
    let mut timeout = harness::LESSON_TIMEOUT;
    let mut names = Vec::new();
    let mut all = false;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--all" => all = true,
            "--timeout" => {
                let secs = args.next().and_then(|s| s.parse().ok());
                let secs = secs.ok_or_else(|| usage("--timeout takes a number of seconds"))?;
                timeout = Duration::from_secs(secs);
            }
            name => names.push(name.to_owned()),
        }
    }
    let lessons = if all {
        lessons::all().iter().collect()
    } else {
        lessons_named(&names)?
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
fn test(args: &[String]) -> Result {
    let accept = args.iter().any(|a| a == "--accept");
    let names: Vec<String> = args.iter().filter(|a| *a != "--accept").cloned().collect();
    let lessons = if names.is_empty() {
        lessons::all().iter().collect()
    } else {
        lessons_named(&names)?
    };
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
fn bench(args: &[String]) -> Result {
    let lessons = if args.is_empty() {
        lessons::all().iter().collect()
    } else {
        lessons_named(args)?
    };
    cargo(&["bench"], &lessons)
}

/// `cargo xtask ci`: every check, in the order that fails fastest.
fn ci() -> Result {
    let all: Vec<&Lesson> = lessons::all().iter().collect();
    let root = root();
    step("format", || cargo(&["fmt", "--all", "--check"], &[]))?;
    step(
        "the lesson list, README, SUMMARY, glossary and chapter titles agree",
        || sync::sync(&root, &["--check".into()]),
    )?;
    step("clippy", || {
        cargo(
            &[
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
            &[],
        )
    })?;
    step("tests (unit, doc, behaviour, snapshot)", || {
        // Never write snapshot files from CI; a missing one is a failure.
        // The exercises' starters fail their tests on purpose: their step is
        // `learn --verify`, below.
        let mut command = cargo_command(&["test", "--workspace", "--exclude", "*-exercises"], &[]);
        command.env("INSTA_UPDATE", "no");
        run_command(command, "cargo test")
    })?;
    step("loom models", || loom(&all))?;
    step(
        "exercises (learn --verify): starters fail, solutions pass, wrong solutions are caught",
        || learn::verify_course(&root),
    )?;
    step("benches, once each in test mode", || {
        cargo(&["test", "--benches"], &all)
    })?;
    step("the Python programs run and end", || python::run_all(&root))?;
    step("the course retells the notes in its own words", || {
        notes::notes(&root, &[])
    })?;
    step(
        "Python beside Rust (compare --quick: 1 run each, small sizes)",
        || compare::compare(&root, &["--quick".into()]),
    )?;
    step(
        "pictures: the chapters' exist, each drawn from its trace; recording works",
        || pictures::pictures(&root, &["--check".into()]),
    )?;
    step("book", || book::build(&root))?;
    step("the book in a browser (skipped without Chromium)", || {
        browser(&["--or-skip".into()])
    })?;
    eprintln!("==> ci: all green");
    Ok(())
}

/// `cargo xtask browser`: its own package, so that no other build compiles
/// a browser client.
fn browser(args: &[String]) -> Result {
    let mut command = cargo_command(&["run", "--quiet", "-p", "book-browser", "--"], &[]);
    command.args(args);
    run_command(command, "the browser check")
}

/// Every lesson's `tests/loom.rs`, compiled with `--cfg loom` into a target
/// directory of its own (so the normal build is not thrown away).
fn loom(lessons: &[&Lesson]) -> Result {
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

fn step(name: &str, task: impl FnOnce() -> Result) -> Result {
    eprintln!("==> {name}");
    let started = Instant::now();
    task().map_err(|f| Failure {
        message: format!("{name}: {}", f.message),
        ..f
    })?;
    eprintln!("==> {name}: ok in {:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}

/// The lessons called `names`, or a usage error that lists the lessons.
fn lessons_named(names: &[String]) -> Result<Vec<&'static Lesson>> {
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

fn lesson_list() -> String {
    lessons::all()
        .iter()
        .map(|l| format!("  {:22} {}", l.name, l.title()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `cargo <args> -p <lesson>...`, run from the workspace root.
fn cargo_command(args: &[&str], lessons: &[&Lesson]) -> Command {
    let mut command = Command::new(env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    command.current_dir(root()).args(args);
    for lesson in lessons {
        command.args(["-p", &lesson.name]);
    }
    command
}

fn cargo(args: &[&str], lessons: &[&Lesson]) -> Result {
    run_command(
        cargo_command(args, lessons),
        &format!("cargo {}", args.join(" ")),
    )
}

fn run_command(mut command: Command, what: &str) -> Result {
    let status = command
        .status()
        .map_err(|e| fail(format!("could not start {what}: {e}")))?;
    if status.success() {
        Ok(())
    } else {
        Err(fail(format!("{what} failed ({status})")))
    }
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or_default()
}

/// The workspace root: the parent of this package's folder.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask/ always sits inside the workspace root")
        .to_path_buf()
}

/// Where cargo puts build output: `$CARGO_TARGET_DIR`, or `target/`.
fn target_dir() -> PathBuf {
    env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}
