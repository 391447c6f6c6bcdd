//! `cargo xtask learn`: the exercises, rustlings-style.
//!
//! ```text
//! cargo xtask learn [--manual] [--verbose]   the loop: current exercise, re-checked on save
//! cargo xtask learn --lang ko ...            in Korean (also under a Korean locale)
//! cargo xtask learn list                     the exercises, ✓ for passed ones
//! cargo xtask learn check [<exercise>]       check one (or all); exit 0 only if it passes
//! cargo xtask learn hint <exercise> [--all]  the next hint (or all of them)
//! cargo xtask learn reset <exercise>         the starter back, from git (HEAD)
//! cargo xtask learn solution <exercise>      the answer, once the exercise passes
//! cargo xtask learn --verify                 (CI) starters fail, solutions pass, wrong ones caught
//! ```
//!
//! The command line is clap's ([`Args`]). The exercise layout
//! (`crates/<lesson>/exercises/`: `exercises.toml`, `solutions/`) is
//! described in CONTRIBUTING.md. A hidden `--root <dir>` (or
//! `XTASK_LEARN_ROOT`) points `learn` at another course: the tests use a tiny
//! one.
//!
//! It speaks the learner's language: `--lang ko`, or a Korean locale
//! (`LC_ALL`, `LC_MESSAGES`, `LANG`), reads `book/po/ko.po`, the book's own
//! translations, and every message it writes is marked `tr("…")` /
//! `trf("…", …)` so that `crate::i18n::sources` finds it for the template;
//! the exercises' texts are looked up as they are. rustc's and the tests'
//! own output stay as they are, and `--verify` (CI's, matching the reports'
//! English) speaks English.

mod check;
mod course;
mod progress;
mod schedule;
mod terminal;
mod verify;
mod watch;

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::i18n::{self, Translations, tr, trf};
use crate::{Result, fail, usage};
use check::{Checker, Outcome};
use course::{Course, Exercise};
use progress::Progress;

// `cargo xtask learn`'s command line. Its help is `tr(…)`, not doc
// comments, so that it is in the learner's language: `speak_early` has
// chosen it before clap builds the help.
#[derive(Debug, clap::Args)]
#[command(
    about = tr("The exercises: with no command, the current one (the first not passed), \
                re-checked whenever you save."),
    after_help = tr("Keys in the loop: h hint, n next, l list, c check all (any key stops it), \
                     Enter check, q quit.")
)]
pub struct Args {
    #[arg(long, help = tr("Check on Enter only, not whenever a file is saved."))]
    manual: bool,
    #[arg(long, short, global = true, help = tr("Keep loom's own trace and the tests' full output."))]
    verbose: bool,
    #[arg(
        long,
        conflicts_with = "manual",
        help = tr("(CI) Starters fail, solutions pass, wrong solutions are caught.")
    )]
    verify: bool,
    #[arg(
        long,
        global = true,
        value_name = "LANG",
        value_parser = i18n::parse_lang,
        help = tr("The language: en or ko (default: the locale's, if the course has it, else English).")
    )]
    lang: Option<String>,
    /// Another course (the tests use a tiny one); also `XTASK_LEARN_ROOT`.
    #[arg(long, hide = true, value_name = "DIR")]
    root: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Learn>,
}

// What `learn` does without the loop.
#[derive(Debug, clap::Subcommand)]
enum Learn {
    #[command(about = tr("The exercises; ✓ marks the passed ones."))]
    List,
    #[command(about = tr("Build, tests, loom model, stress test; exits 0 only when it passes \
                          (no name: every exercise)."))]
    Check { exercise: Option<String> },
    #[command(about = tr("The next hint."))]
    Hint {
        exercise: Option<String>,
        #[arg(long, help = tr("Every hint."))]
        all: bool,
    },
    #[command(about = tr("Put the starter back (from git: HEAD's version)."))]
    Reset { exercise: Option<String> },
    #[command(about = tr("The answer, once your version passes."))]
    Solution { exercise: Option<String> },
}

impl Args {
    /// `learn --verify`, as `cargo xtask ci` runs it.
    pub fn verify() -> Args {
        Args {
            manual: false,
            verbose: false,
            verify: true,
            lang: None,
            root: None,
            command: None,
        }
    }
}

/// `cargo xtask learn ...`
pub fn learn(default_root: &Path, args: Args) -> Result {
    let root = args
        .root
        .or_else(|| std::env::var_os("XTASK_LEARN_ROOT").map(PathBuf::from));
    let verbose = args.verbose;
    let root = root.unwrap_or_else(|| default_root.to_path_buf());
    if !args.verify {
        speak(&root, args.lang.as_deref())?;
    }
    let course = Course::load(&root).map_err(fail)?;
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let mut progress = Progress::load(&root).map_err(|e| {
        fail(trf(
            "could not read {file}: {error}",
            &[("file", &progress::FILE), ("error", &e)],
        ))
    })?;

    if args.verify {
        if args.command.is_some() {
            return Err(usage(tr(
                "--verify checks the whole course: it takes no command",
            )));
        }
        let problems = verify::verify(&course, &target);
        return if problems.is_empty() {
            Ok(())
        } else {
            Err(fail(format!(
                "{} problem(s) with the exercises:\n\n{}",
                problems.len(),
                problems.join("\n\n")
            )))
        };
    }

    let Some(command) = args.command else {
        return watch::run(&course, &mut progress, &target, args.manual, verbose);
    };
    let named = |name: &Option<String>| -> Result<&Exercise> {
        let Some(name) = name else {
            return Err(usage(format!(
                "{}\n{}",
                tr("which exercise? name one:"),
                course.listing(|n| progress.is_done(n))
            )));
        };
        course.find(name).ok_or_else(|| {
            usage(format!(
                "{}\n{}",
                trf(
                    "there is no exercise `{name}`; the exercises are:",
                    &[("name", name)]
                ),
                course.listing(|n| progress.is_done(n))
            ))
        })
    };
    match command {
        Learn::List => {
            print!("{}", course.listing(|n| progress.is_done(n)));
            let done = course
                .exercises
                .iter()
                .filter(|e| progress.is_done(&e.name))
                .count();
            println!(
                "\n{} {}",
                watch::bar(done, course.exercises.len(), 30),
                trf(
                    "{done}/{total} done",
                    &[("done", &done), ("total", &course.exercises.len())]
                )
            );
            Ok(())
        }
        Learn::Check { exercise } => {
            let exercises: Vec<&Exercise> = if exercise.is_none() {
                course.exercises.iter().collect()
            } else {
                vec![named(&exercise)?]
            };
            let mut failed = Vec::new();
            for exercise in exercises {
                let outcome = check_one(&course, exercise, &target, verbose, true);
                print!("{}", outcome.report);
                progress
                    .set_done(&exercise.name, outcome.passed)
                    .map_err(written)?;
                if !outcome.passed {
                    failed.push(exercise.name.clone());
                }
            }
            if failed.is_empty() {
                Ok(())
            } else {
                Err(fail(trf(
                    "not passing yet: {names}",
                    &[("names", &failed.join(", "))],
                )))
            }
        }
        Learn::Hint { exercise, all } => {
            let exercise = named(&exercise)?;
            if all {
                println!("{}", hint_text(exercise, exercise.hints.len()));
                return Ok(());
            }
            let shown = (progress.hints_shown(&exercise.name) + 1).min(exercise.hints.len());
            progress
                .set_hints_shown(&exercise.name, shown)
                .map_err(written)?;
            print!("{}", hint_text(exercise, shown));
            Ok(())
        }
        Learn::Reset { exercise } => {
            let exercise = named(&exercise)?;
            reset(&course.root, exercise)?;
            progress.set_done(&exercise.name, false).map_err(written)?;
            println!(
                "{}",
                trf(
                    "{name}: the starter is back (git's HEAD version of {path}).",
                    &[("name", &exercise.name), ("path", &exercise.path())]
                )
            );
            Ok(())
        }
        Learn::Solution { exercise } => {
            let exercise = named(&exercise)?;
            if !progress.is_done(&exercise.name) {
                return Err(fail(trf(
                    "{name} has not passed yet: the solution is shown once \
                     `cargo xtask learn check {name}` passes. Stuck? `cargo xtask learn hint {name}`",
                    &[("name", &exercise.name)],
                )));
            }
            let path = course.root.join(exercise.solution_path());
            let text = std::fs::read_to_string(&path)
                .map_err(|e| fail(format!("{}: {e}", exercise.solution_path())))?;
            println!("// {}\n{text}", exercise.solution_path());
            Ok(())
        }
    }
}

/// Before clap builds `learn`'s help: the language `cargo xtask learn …`
/// asks for, from its raw arguments (`--lang`, `--root`, `XTASK_LEARN_ROOT`)
/// and the locale, so that `--help` speaks it too. Silent: a wrong
/// `--lang` is clap's usage error, a missing file is reported by [`learn`].
pub fn speak_early(default_root: &Path, args: &[String]) {
    if args.get(1).map(String::as_str) != Some("learn") {
        return;
    }
    let value = |name: &str| {
        args.iter().enumerate().find_map(|(i, arg)| {
            match arg
                .strip_prefix(name)
                .and_then(|rest| rest.strip_prefix('='))
            {
                Some(value) => Some(value.to_owned()),
                None if arg == name => args.get(i + 1).cloned(),
                None => None,
            }
        })
    };
    let flag = value("--lang");
    let root = value("--root")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("XTASK_LEARN_ROOT").map(PathBuf::from))
        .unwrap_or_else(|| default_root.to_path_buf());
    if let Some(lang) = i18n::language_asked(flag.as_deref())
        && let Ok(translations) = Translations::load(&root, lang)
    {
        i18n::activate(translations);
    }
}

/// Speaks the language asked for (`--lang`, else the locale's): its
/// translations from `book/po/<lang>.po`. Asked for by name, a missing or
/// broken file is an error; under a locale, English is the fallback.
fn speak(root: &Path, flag: Option<&str>) -> Result {
    let Some(lang) = i18n::language_asked(flag) else {
        return Ok(());
    };
    match Translations::load(root, lang) {
        Ok(translations) => i18n::activate(translations),
        Err(e) if flag.is_some() => {
            return Err(fail(format!("--lang {lang}: {e}")));
        }
        Err(_) => {}
    }
    Ok(())
}

/// A failure to write the progress file.
fn written(error: std::io::Error) -> crate::Failure {
    fail(trf(
        "could not write {file}: {error}",
        &[("file", &progress::FILE), ("error", &error)],
    ))
}

/// Checks one exercise in the learner's tree.
fn check_one(
    course: &Course,
    exercise: &Exercise,
    target: &Path,
    verbose: bool,
    chatty: bool,
) -> Outcome {
    let dir = course.root.join(exercise.dir());
    let mut checker = Checker::new(&course.root, &dir, &exercise.package, target);
    checker.verbose = verbose;
    checker.chatty = chatty;
    checker.check(exercise)
}

/// Hints 1..=shown, numbered.
fn hint_text(exercise: &Exercise, shown: usize) -> String {
    let total = exercise.hints.len();
    let mut text = String::new();
    for (index, hint) in exercise.hints.iter().take(shown).enumerate() {
        text.push_str(&trf(
            "Hint {n}/{total}: {hint}",
            &[
                ("n", &(index + 1)),
                ("total", &total),
                ("hint", &i18n::text(hint).trim_end()),
            ],
        ));
        text.push('\n');
    }
    if shown >= total {
        text.push_str(&trf(
            "(that was the last hint; once it passes, `cargo xtask learn solution {name}` shows the answer)",
            &[("name", &exercise.name)],
        ));
        text.push('\n');
    }
    text
}

/// The starter back: git's HEAD version of the file (every learner has git;
/// no pristine copy is kept).
fn reset(root: &Path, exercise: &Exercise) -> Result {
    let output = Command::new("git")
        .current_dir(root)
        .args(["show", &format!("HEAD:./{}", exercise.path())])
        .output()
        .map_err(|e| fail(trf("could not run git: {error}", &[("error", &e)])))?;
    if !output.status.success() {
        return Err(fail(trf(
            "git could not give HEAD's version of {path}: {error}",
            &[
                ("path", &exercise.path()),
                ("error", &String::from_utf8_lossy(&output.stderr).trim()),
            ],
        )));
    }
    std::fs::write(root.join(exercise.path()), output.stdout)
        .map_err(|e| fail(format!("{}: {e}", exercise.path())))
}

/// `cargo xtask ci`'s step: the whole course's `learn --verify`.
pub fn verify_course(root: &Path) -> Result {
    learn(root, Args::verify())
}
