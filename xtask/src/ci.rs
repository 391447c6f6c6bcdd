//! `cargo xtask ci`: every check CI runs, in the order that fails fastest,
//! and at the end (also when a step fails) a table of each step's time, so
//! the run's budget (20 minutes on a 2-core machine) can be watched.

use std::time::{Duration, Instant};

use tabled::builder::Builder;
use tabled::settings::object::Columns;
use tabled::settings::{Alignment, Modify, Style};

use crate::lessons::{self, Lesson};
use crate::{Failure, Result, cargo, cargo_command, compare, learn, notes, pictures, python};
use crate::{run_command, sync, tasks};

/// `cargo xtask ci`
pub fn ci() -> Result {
    let mut steps = Steps::default();
    let result = run_steps(&mut steps);
    eprintln!("\n{}", steps.table(result.is_ok()));
    result?;
    eprintln!("==> ci: all green");
    Ok(())
}

fn run_steps(steps: &mut Steps) -> Result {
    let all: Vec<&Lesson> = lessons::all().iter().collect();
    let root = crate::root();
    steps.run("format", || cargo(&["fmt", "--all", "--check"], &[]))?;
    steps.run(
        "the lesson list, README, SUMMARY, glossary and chapter titles agree",
        || sync::sync(&root, true),
    )?;
    steps.run("clippy", || {
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
    steps.run("tests (unit, doc, behaviour, snapshot)", || {
        // Never write snapshot files from CI; a missing one is a failure.
        // The exercises' starters fail their tests on purpose: their step is
        // `learn --verify`, below.
        let mut command = cargo_command(&["test", "--workspace", "--exclude", "*-exercises"], &[]);
        command.env("INSTA_UPDATE", "no");
        run_command(command, "cargo test")
    })?;
    steps.run("loom models", || tasks::loom(&all))?;
    steps.run(
        "exercises (learn --verify): starters fail, solutions pass, wrong solutions are caught",
        || learn::verify_course(&root),
    )?;
    steps.run("benches, once each in test mode", || {
        cargo(&["test", "--benches"], &all)
    })?;
    steps.run("the Python programs run and end", || python::run_all(&root))?;
    steps.run("the course retells the notes in its own words", || {
        notes::notes(&root, None)
    })?;
    steps.run(
        "Python beside Rust (compare --quick: 1 run each, small sizes)",
        || compare::compare(&root, &["--quick".into()]),
    )?;
    steps.run(
        "pictures: the chapters' exist, each drawn from its trace; recording works",
        || pictures::pictures(&root, pictures::Mode::Check),
    )?;
    // The Korean edition (issue 27) is complete: any untranslated, fuzzy or
    // stale message, or a stale template, fails CI by name. A change to
    // English carries its Korean (`cargo xtask book --pot`, then ko.po).
    steps.run(
        "translations: book/po/messages.pot current, ko.po complete",
        || tasks::book(&["--check-po".into(), "--strict".into()]),
    )?;
    steps.run("book", || tasks::book(&[]))?;
    steps.run("the book in a browser (skipped without Chromium)", || {
        tasks::browser(&["--or-skip".into()])
    })?;
    Ok(())
}

/// The steps run so far: name, time, passed.
#[derive(Debug, Default)]
struct Steps {
    done: Vec<(&'static str, Duration, bool)>,
}

impl Steps {
    /// Runs one step, saying its name before and its time after; a failure
    /// names the step.
    fn run(&mut self, name: &'static str, task: impl FnOnce() -> Result) -> Result {
        eprintln!("==> {name}");
        let started = Instant::now();
        let result = task();
        let took = started.elapsed();
        self.done.push((name, took, result.is_ok()));
        result.map_err(|f| Failure {
            message: format!("{name}: {}", f.message),
            ..f
        })?;
        eprintln!("==> {name}: ok in {:.1} s", took.as_secs_f64());
        Ok(())
    }

    /// Each step's time, the slowest marked, and the total.
    fn table(&self, finished: bool) -> String {
        let total: Duration = self.done.iter().map(|(_, took, _)| *took).sum();
        let mut builder = Builder::default();
        builder.push_record(["step", "time", "result"]);
        for (name, took, passed) in &self.done {
            builder.push_record([
                (*name).to_owned(),
                minutes(*took),
                if *passed { "ok" } else { "FAILED" }.to_owned(),
            ]);
        }
        let ended = if finished {
            "all steps"
        } else {
            "stopped at the failure"
        };
        builder.push_record([format!("total ({ended})"), minutes(total), String::new()]);
        let mut table = builder.build();
        table
            .with(Style::sharp())
            .with(Modify::new(Columns::one(1)).with(Alignment::right()));
        format!("==> ci: the time of each step\n{table}")
    }
}

/// `4.2 s`, `3 min 07 s`.
fn minutes(took: Duration) -> String {
    let secs = took.as_secs_f64();
    if secs < 60.0 {
        format!("{secs:.1} s")
    } else {
        let whole = took.as_secs();
        format!("{} min {:02} s", whole / 60, whole % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_lists_the_steps_run_so_far_with_the_failure_and_the_total() {
        let mut steps = Steps::default();
        assert!(steps.run("first", || Ok(())).is_ok());
        let failure = steps
            .run("second", || Err(crate::fail("broke")))
            .unwrap_err();
        assert_eq!(failure.message, "second: broke");
        steps.done[0].1 = Duration::from_millis(4200);
        steps.done[1].1 = Duration::from_secs(187);
        let table = steps.table(false);
        let rows: Vec<&str> = table.lines().collect();
        assert!(rows[0].contains("the time of each step"), "{table}");
        let row = |name: &str| {
            rows.iter()
                .find(|r| r.contains(name))
                .map(|r| r.split('│').map(str::trim).collect::<Vec<_>>())
                .unwrap_or_default()
        };
        assert_eq!(row("first")[1..4], ["first", "4.2 s", "ok"], "{table}");
        assert_eq!(
            row("second")[1..4],
            ["second", "3 min 07 s", "FAILED"],
            "{table}"
        );
        assert_eq!(
            row("total")[1..3],
            ["total (stopped at the failure)", "3 min 11 s"],
            "{table}"
        );
    }
}
