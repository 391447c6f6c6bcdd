//! `cargo xtask compare [<lesson>... | --all] [--quick] [--record]`: runs the
//! notes' experiments in Python and in Rust, in one run, and prints one
//! table.
//!
//! An experiment lives in its lesson, and this knows none of them: its
//! facts (sizes, what `--size` counts, the table's rows, best tools and
//! floor) are the `[[experiment]]` tables of `crates/<lesson>/lesson.toml`
//! ([`experiment`]); its Rust side is the lesson's
//! `examples/compare.rs`, built with `--release` from the lesson's own
//! library; its Python side is `crates/<lesson>/python/compare_<name>.py`.
//! Both are given the same size and print the lines of
//! [`harness::compare`]; this takes the median of each variant's runs
//! ([`figures`]) and prints them as one table ([`table`]).
//!
//! `--quick` is for CI: one run of each program at the experiment's quick
//! size, so the whole comparison ends in a few seconds once built. Its
//! figures are noise; it checks that both sides run, at every size they are
//! given, and get the right answers. `--record` writes the figures into the
//! book ([`record`]), which builds its tables from them in each edition's
//! language ([`measured`]).
//!
//! Without `python3` the table has the Rust columns alone, and says why.

mod experiment;
mod figures;
pub mod measured;
mod record;
mod table;
mod words;

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use clap::{CommandFactory, FromArgMatches, Parser};
use harness::compare::Report;

pub use experiment::Experiment;
use figures::{Figures, Measured};
/// Times as the tables write them, for the charts drawn from them.
pub use table::time;
pub use words::Words;

use crate::lessons::{self, Lesson};
use crate::{Result, fail, lessons_named, python, target_dir, usage};

/// The most one program may take (five runs of the slowest experiment take
/// a few seconds; the rest is headroom for a loaded machine).
const LIMIT: Duration = Duration::from_secs(180);

/// Runs of each program, for the median.
const RUNS: usize = 5;

/// What the command line asks for.
#[derive(Debug, Default, PartialEq, Eq, Parser)]
#[command(
    name = "cargo xtask compare",
    about = "Runs the notes' experiments in Python and in Rust (release build) and prints one \
             table: each case's Python time, Rust time (the lesson's own type; its earlier \
             steps on rows of their own), the ratio, the best tool's time and the lesson's \
             against it, and, where the work has a floor, how close each side comes to it. \
             Each time is the median of 5 runs."
)]
struct Args {
    /// Only these lessons' experiments (default: every one).
    #[arg(value_name = "LESSON", conflicts_with = "all")]
    lessons: Vec<String>,
    /// Every experiment (the default).
    #[arg(long)]
    all: bool,
    /// One run of each, at each experiment's quick size: checks that both
    /// sides run (CI); the figures mean little.
    #[arg(long)]
    quick: bool,
    /// Also write the figures into book/src/measured/ (<lesson>.json and
    /// its chart; all.json when every experiment ran), from which the book
    /// builds its tables. They come from full runs: not with --quick.
    #[arg(long, conflicts_with = "quick")]
    record: bool,
}

/// The command line, or `None` once `--help` has been printed.
fn parse_args(args: &[String]) -> Result<Option<Args>> {
    let command = Args::command()
        .bin_name("cargo xtask compare")
        .after_help(experiment_list());
    let parsed = command
        .try_get_matches_from(std::iter::once("compare".to_owned()).chain(args.iter().cloned()))
        .and_then(|matches| Args::from_arg_matches(&matches));
    match parsed {
        Ok(args) => Ok(Some(args)),
        Err(error) if !error.use_stderr() => {
            println!("{}", error.to_string().trim_end());
            Ok(None)
        }
        Err(error) => {
            let message = error.to_string();
            Err(usage(message.trim_start_matches("error: ").trim_end()))
        }
    }
}

/// Every lesson's experiments, in reading order.
fn all_experiments() -> Vec<(&'static Lesson, &'static Experiment)> {
    lessons::all()
        .iter()
        .flat_map(|lesson| lesson.facts.experiments.iter().map(move |e| (lesson, e)))
        .collect()
}

/// `--help`'s list: each lesson's experiments and what `--size` counts.
fn experiment_list() -> String {
    let mut list = String::from(
        "Experiments (each defined in crates/<lesson>/lesson.toml, [[experiment]]):\n",
    );
    for (lesson, e) in all_experiments() {
        let sizes = format!("--size {} (--quick: {})", e.full, e.quick);
        list.push_str(&format!(
            "  {:21} {:16} {sizes:31} {}\n",
            lesson.name, e.name, e.size
        ));
    }
    list
}

/// `cargo xtask compare ...`
pub fn compare(root: &Path, args: &[String]) -> Result {
    let Some(args) = parse_args(args)? else {
        return Ok(());
    };
    let chosen = chosen(&args.lessons)?;
    let python = python::python3();
    if python.is_none() {
        if args.record {
            return Err(fail(
                "--record needs python3 on the PATH: the book's tables have both columns",
            ));
        }
        eprintln!("==> python3 is not on the PATH: the table has the Rust columns alone");
    }
    let runs = if args.quick { 1 } else { RUNS };
    let idle_at_start = if args.record {
        record::idle_share()
    } else {
        None
    };
    let lessons = lessons_in_order(&chosen);
    build_rust_sides(&lessons)?;
    let mut figures: Vec<Figures> = Vec::new();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    for (index, &(lesson, experiment)) in chosen.iter().enumerate() {
        let size = if args.quick {
            experiment.quick
        } else {
            experiment.full
        };
        let progress = format!(
            "[{}/{}] {}: {} (--size {size}: {})",
            index + 1,
            chosen.len(),
            lesson.name,
            experiment.name,
            experiment.size
        );
        let sides = Sides {
            root,
            python: python.as_deref(),
            runs,
            size,
            progress: &progress,
        };
        let m = sides.measure(lesson, experiment)?;
        figures.extend(m.figures(cores).map_err(fail)?);
    }

    let experiments: Vec<&Experiment> = chosen.iter().map(|(_, e)| *e).collect();
    println!();
    if args.quick {
        println!("--quick: 1 run each, at each experiment's quick size; the figures mean little.");
    } else {
        println!("Each time is the median of {RUNS} runs.");
    }
    if python.is_none() {
        println!("python3 is not on the PATH: Rust only.");
    }
    println!();
    let rows = table::rows(&figures);
    let english = Words::english();
    print!(
        "{}",
        table::table(&rows, python.is_some(), lessons.len() > 1, &english)
    );
    println!(
        "\n{}",
        table::legend(&experiments, python.is_some(), &english)
    );

    if args.record {
        let python = python.as_deref().unwrap_or("python3");
        let machine = record::machine(python, cores, RUNS, idle_at_start);
        let every_experiment = chosen.len() == all_experiments().len();
        record_all(root, &chosen, &figures, &machine, every_experiment)?;
    }
    Ok(())
}

/// Builds the chosen lessons' `examples/compare.rs`, in one cargo run.
fn build_rust_sides(lessons: &[&str]) -> Result {
    eprintln!(
        "==> building the Rust sides (release): {}",
        lessons.join(", ")
    );
    let examples: Vec<String> = lessons.iter().map(|l| example(l)).collect();
    let mut build = vec!["build", "--release", "--quiet"];
    for name in &examples {
        build.extend(["--example", name]);
    }
    let packages: Vec<&Lesson> = lessons.iter().filter_map(|l| lessons::find(l)).collect();
    crate::cargo(&build, &packages)
}

/// How both sides of an experiment are run.
struct Sides<'a> {
    root: &'a Path,
    /// `None` without python3.
    python: Option<&'a str>,
    runs: usize,
    size: u64,
    /// `[n/N] lesson: experiment (--size ...)`, for the log.
    progress: &'a str,
}

impl Sides<'_> {
    /// Runs the Rust side, checks that it reported every fact the case
    /// texts name, then runs the Python side.
    fn measure<'e>(&self, lesson: &'e Lesson, experiment: &'e Experiment) -> Result<Measured<'e>> {
        let runs = self.runs;
        let sized = |mut command: Command| {
            command
                .args([
                    "--runs",
                    &runs.to_string(),
                    "--size",
                    &self.size.to_string(),
                ])
                .current_dir(self.root);
            command
        };
        eprintln!("==> {}: Rust, {runs} run(s)", self.progress);
        let binary = target_dir()
            .join("release/examples")
            .join(example(&lesson.name));
        let mut command = Command::new(&binary);
        command.arg(&experiment.name);
        let what = format!("{} compare {}", lesson.name, experiment.name);
        let mut m = Measured {
            lesson: &lesson.name,
            experiment,
            size: self.size,
            rust: report_of(sized(command), &what)?,
            python: None,
        };
        m.check_cases().map_err(fail)?;
        if let Some(python) = self.python {
            eprintln!("==> {}: Python, {runs} run(s)", self.progress);
            let program = experiment.python_program(&lesson.name);
            let mut command = Command::new(python);
            // -B: write no `__pycache__` into the repository.
            command.arg("-B").arg(self.root.join(&program));
            m.python = Some(report_of(sized(command), &program.display().to_string())?);
        }
        Ok(m)
    }
}

/// `--record`: each lesson's figures, and all of them when every
/// experiment ran.
fn record_all(
    root: &Path,
    chosen: &[(&'static Lesson, &'static Experiment)],
    figures: &[Figures],
    machine: &str,
    every_experiment: bool,
) -> Result {
    let date = record::today();
    let dir = root.join("book/src/measured");
    fs::create_dir_all(&dir).map_err(|e| fail(format!("{}: {e}", dir.display())))?;
    let mut names = lessons_in_order(chosen);
    if every_experiment {
        names.push("all");
    }
    let mut written = Vec::new();
    for name in names {
        let recorded = record::Recorded {
            machine: machine.to_owned(),
            date: date.clone(),
            rows: figures
                .iter()
                .filter(|f| name == "all" || f.lesson == name)
                .cloned()
                .collect(),
        };
        written.push(record::write(&dir, name, &recorded)?);
    }
    eprintln!("==> recorded: {}", written.join(", "));
    Ok(())
}

/// The experiments of the lessons named (every one if none are), or a
/// usage error that lists the lessons, or those that have experiments.
fn chosen(names: &[String]) -> Result<Vec<(&'static Lesson, &'static Experiment)>> {
    let all = all_experiments();
    if names.is_empty() {
        return Ok(all);
    }
    let named = lessons_named(names)?;
    let without: Vec<&str> = named
        .iter()
        .filter(|l| l.facts.experiments.is_empty())
        .map(|l| l.name.as_str())
        .collect();
    if !without.is_empty() {
        let with: Vec<&str> = lessons_in_order(&all);
        return Err(usage(format!(
            "no experiments to compare for: {}; the lessons with experiments are: {}",
            without.join(", "),
            with.join(", ")
        )));
    }
    Ok(all
        .into_iter()
        .filter(|(lesson, _)| named.iter().any(|l| l.name == lesson.name))
        .collect())
}

fn lessons_in_order(chosen: &[(&'static Lesson, &'static Experiment)]) -> Vec<&'static str> {
    let mut names: Vec<&str> = Vec::new();
    for (lesson, _) in chosen {
        if !names.contains(&lesson.name.as_str()) {
            names.push(&lesson.name);
        }
    }
    names
}

/// A lesson's Rust side: its `examples/compare.rs`, named after the lesson
/// (`[[example]]` in its Cargo.toml) so that building several lessons'
/// at once puts each at a path of its own.
fn example(lesson: &str) -> String {
    format!("{lesson}-compare")
}

/// Runs a program and reads its report.
fn report_of(command: Command, what: &str) -> Result<Report> {
    let run =
        harness::run_with_timeout(command, LIMIT).map_err(|e| fail(format!("{what}: {e}")))?;
    if !run.status.success() {
        return Err(fail(format!(
            "{what} failed ({}):\n{}{}",
            run.status, run.stdout, run.stderr
        )));
    }
    Report::parse(&run.stdout).map_err(|e| fail(format!("{what}: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn arguments_are_lessons_and_three_flags() {
        let parsed = |words: &[&str]| parse_args(&args(words)).ok().flatten();
        assert_eq!(parsed(&[]), Some(Args::default()));
        assert_eq!(
            parsed(&["locks", "--quick", "queues"]),
            Some(Args {
                lessons: args(&["locks", "queues"]),
                quick: true,
                ..Args::default()
            })
        );
        assert_eq!(
            parsed(&["--all", "--record"]),
            Some(Args {
                all: true,
                record: true,
                ..Args::default()
            })
        );
        assert!(parse_args(&args(&["--help"])).is_ok_and(|a| a.is_none()));
    }

    #[test]
    fn bad_arguments_are_usage_errors() {
        for bad in [
            &["--fast"][..],
            &["--record", "--quick"],
            &["--all", "locks"],
        ] {
            let code = parse_args(&args(bad)).err().map(|f| f.code);
            assert_eq!(code, Some(2), "{bad:?}");
        }
    }

    #[test]
    fn an_unknown_lesson_is_a_usage_error_that_lists_the_lessons() {
        let failure = chosen(&args(&["nosuch"])).expect_err("nosuch is no lesson");
        assert_eq!(failure.code, 2);
        assert!(failure.message.contains("there is no lesson `nosuch`"));
        assert!(failure.message.contains("threads"), "{}", failure.message);
    }

    #[test]
    fn a_lesson_without_experiments_is_a_usage_error_that_lists_those_with() {
        let failure = chosen(&args(&["threads"])).expect_err("threads has no experiments");
        assert_eq!(failure.code, 2);
        assert!(
            failure
                .message
                .contains("no experiments to compare for: threads")
        );
        assert!(
            failure.message.contains("subprocess, blocking-io, locks"),
            "{}",
            failure.message
        );
    }

    #[test]
    fn lessons_choose_their_experiments_in_reading_order() {
        let names: Vec<&str> = chosen(&args(&["locks", "subprocess"]))
            .expect("both lessons have experiments")
            .iter()
            .map(|(_, e)| e.name.as_str())
            .collect();
        assert_eq!(names, ["children", "spawn", "counter"]);
        assert_eq!(
            chosen(&[]).ok().map(|e| e.len()),
            Some(all_experiments().len())
        );
    }

    #[test]
    fn every_experiment_has_both_sides_and_sizes() {
        let root = crate::root();
        assert!(!all_experiments().is_empty());
        for (lesson, experiment) in all_experiments() {
            let python = root.join(experiment.python_program(&lesson.name));
            assert!(python.is_file(), "{} is missing", python.display());
            let rust = root
                .join("crates")
                .join(&lesson.name)
                .join("examples/compare.rs");
            let source = fs::read_to_string(&rust).unwrap_or_default();
            assert!(
                source.contains(&format!("(\"{}\", ", experiment.name)),
                "{} does not list `{}`",
                rust.display(),
                experiment.name
            );
            assert!(
                0 < experiment.quick && 0 < experiment.full,
                "{}",
                experiment.name
            );
            assert!(!experiment.rows.is_empty(), "{}", experiment.name);
        }
    }

    #[test]
    fn the_final_steps_are_the_rust_column_and_the_first_ones_rows_of_their_own() {
        // Issue 18: each fast step is set against the tool or floor it
        // aims for, and the step it replaced is still shown.
        for (name, last, earlier, best) in [
            ("pipeline", "fast", "closable", "crossbeam"),
            ("worker", "fast", "worker", "crossbeam"),
            ("actor-scheduler", "indexed", "scheduler", "vec_loop"),
        ] {
            let (_, experiment) = all_experiments()
                .into_iter()
                .find(|(_, e)| e.name == name)
                .unwrap_or_else(|| panic!("no experiment `{name}`"));
            let row = &experiment.rows[0];
            assert_eq!(row.rust, last, "{name}");
            let variants: Vec<&str> = row.earlier.iter().map(|s| s.variant.as_str()).collect();
            assert_eq!(variants, [earlier], "{name}");
            assert_eq!(
                row.best.first().map(|t| t.variant.as_str()),
                Some(best),
                "{name}"
            );
        }
    }
}
