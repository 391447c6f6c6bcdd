//! The timings protocol of `cargo xtask compare`, written once: the line
//! format, its writer and its parser, and the whole of a Rust side's
//! `main` (its arguments, its runs, its output).
//!
//! An experiment has two sides given the same size: the Python program
//! `crates/<lesson>/python/compare_<experiment>.py` and the lesson's example
//! `crates/<lesson>/examples/compare.rs` (named `<lesson>-compare` in the
//! lesson's Cargo.toml, so that several lessons' can be built at once), run
//! as
//!
//! ```text
//! cargo run --release -p <lesson> --example <lesson>-compare -- <experiment> --runs N --size N
//! ```
//!
//! Each side runs the experiment in one or more ways (*variants*: the
//! lesson's own type, the best tool for the job, a floor), `--runs` times
//! each, and prints one line per variant:
//!
//! ```text
//! timings <variant> <seconds> <seconds> ...
//! ```
//!
//! A Rust side may also print what the table's text or floor needs to know
//! about the work and only the program knows (the numbers a lesson
//! factorizes, a count it derived from the size), one line each:
//!
//! ```text
//! fact <name> <text>
//! ```
//!
//! Other lines are ignored. What each experiment means, its sizes and its
//! table rows are in the lesson's `lesson.toml` (`[[experiment]]`); the
//! runner is `xtask/src/compare.rs`.

use std::fmt;
use std::num::{NonZeroU64, NonZeroUsize};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::{CommandFactory, FromArgMatches, Parser};

/// What went wrong, in words.
pub type Result<T = ()> = std::result::Result<T, String>;

/// One variant's times, one per run.
#[derive(Debug, Clone, PartialEq)]
pub struct Timings {
    pub variant: String,
    pub runs: Vec<Duration>,
}

/// Everything a side printed: its timings and its facts, in order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub timings: Vec<Timings>,
    /// `(name, text)`.
    pub facts: Vec<(String, String)>,
}

impl Report {
    /// The lines of a program's output that belong to the protocol.
    ///
    /// ```
    /// use harness::compare::Report;
    /// use std::time::Duration;
    ///
    /// let report = Report::parse("hello\ntimings lock 0.5 0.25\nfact threads 5\n")?;
    /// assert_eq!(report.timings[0].runs[1], Duration::from_millis(250));
    /// assert_eq!(report.fact("threads"), Some("5"));
    /// # Ok::<(), String>(())
    /// ```
    pub fn parse(output: &str) -> Result<Report> {
        let mut report = Report::default();
        for line in output.lines() {
            let mut words = line.split_whitespace();
            match words.next() {
                Some("timings") => {
                    let variant = words
                        .next()
                        .ok_or_else(|| format!("a timings line names no variant: `{line}`"))?;
                    let runs = words
                        .map(|w| {
                            w.parse::<f64>()
                                .ok()
                                .and_then(|s| Duration::try_from_secs_f64(s).ok())
                        })
                        .collect::<Option<Vec<Duration>>>()
                        .filter(|runs| !runs.is_empty())
                        .ok_or_else(|| {
                            format!("`{line}` is not `timings <variant> <seconds>...`")
                        })?;
                    report.timings.push(Timings {
                        variant: variant.to_owned(),
                        runs,
                    });
                }
                Some("fact") => {
                    let rest = line.trim_start().trim_start_matches("fact").trim_start();
                    let (name, text) = rest
                        .split_once(char::is_whitespace)
                        .map(|(name, text)| (name, text.trim()))
                        .filter(|(_, text)| !text.is_empty())
                        .ok_or_else(|| format!("`{line}` is not `fact <name> <text>`"))?;
                    report.facts.push((name.to_owned(), text.to_owned()));
                }
                _ => {}
            }
        }
        Ok(report)
    }

    /// The timings of `variant`, if the program printed them.
    pub fn timings(&self, variant: &str) -> Option<&Timings> {
        self.timings.iter().find(|t| t.variant == variant)
    }

    /// The text of the fact `name`, if the program printed it.
    pub fn fact(&self, name: &str) -> Option<&str> {
        self.facts
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, text)| text.as_str())
    }
}

/// The protocol's lines, facts first; what [`Report::parse`] reads back.
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (name, text) in &self.facts {
            writeln!(f, "fact {name} {text}")?;
        }
        for timings in &self.timings {
            write!(f, "timings {}", timings.variant)?;
            for run in &timings.runs {
                write!(f, " {:.9}", run.as_secs_f64())?;
            }
            writeln!(f)?;
        }
        Ok(())
    }
}

/// One experiment of a lesson's Rust side: it runs every variant
/// `run.runs` times at `run.size`, checking each run's answer.
pub type Experiment = fn(&mut Run) -> Result;

/// What an experiment is given, and where its figures go.
#[derive(Debug)]
pub struct Run {
    /// The experiment's one size (what it counts: the lesson's
    /// `lesson.toml`).
    pub size: u64,
    /// How many times to run each variant.
    pub runs: usize,
    report: Report,
}

impl Run {
    pub fn new(size: u64, runs: usize) -> Run {
        Run {
            size,
            runs,
            report: Report::default(),
        }
    }

    /// Runs `work` [`runs`](Run::runs) times and records how long each run
    /// took as `variant`. A run that fails (a wrong answer is a failure: a
    /// fast wrong answer is not a time) fails the experiment.
    pub fn timed(&mut self, variant: &str, mut work: impl FnMut() -> Result) -> Result {
        self.measured(variant, || {
            let started = Instant::now();
            work()?;
            Ok(started.elapsed())
        })
    }

    /// As [`timed`](Run::timed), for work that measures itself (a time per
    /// item, the fastest part of a run): each run returns its own figure.
    pub fn measured(
        &mut self,
        variant: &str,
        mut work: impl FnMut() -> Result<Duration>,
    ) -> Result {
        let runs = (0..self.runs)
            .map(|_| work().map_err(|e| format!("{variant}: {e}")))
            .collect::<Result<Vec<Duration>>>()?;
        self.report.timings.push(Timings {
            variant: variant.to_owned(),
            runs,
        });
        Ok(())
    }

    /// Reports a fact about the work (on one line) for the table's text.
    pub fn fact(&mut self, name: &str, text: impl fmt::Display) {
        let text = text.to_string().replace('\n', " ");
        self.report.facts.push((name.to_owned(), text));
    }

    /// What the experiment reported.
    pub fn report(&self) -> &Report {
        &self.report
    }
}

/// `Ok` if `ok`, else the error `what()` says.
pub fn check(ok: bool, what: impl FnOnce() -> String) -> Result {
    if ok { Ok(()) } else { Err(what()) }
}

/// The Rust side's command line.
#[derive(Debug, Parser)]
#[command(
    about = "Runs one of this lesson's `cargo xtask compare` experiments and prints \
             `timings <variant> <seconds>...` for each way it runs it.",
    after_help = "What each experiment measures, what its --size counts and the table it \
                  fills: the lesson's lesson.toml ([[experiment]]). Build with --release: \
                  these are the course's figures."
)]
struct Args {
    /// The experiment to run.
    experiment: String,
    /// How many times to run each variant.
    #[arg(long, default_value = "1")]
    runs: NonZeroUsize,
    /// The experiment's one size (items, increments, milliseconds...).
    #[arg(long)]
    size: NonZeroU64,
}

/// The whole `main` of a lesson's `examples/compare.rs`: reads
/// `<experiment> [--runs N] --size N`, runs that experiment and prints its
/// report; a usage error exits with 2 and a failed run with 1.
///
/// ```no_run
/// use harness::compare::{self, Run};
///
/// fn main() -> std::process::ExitCode {
///     compare::main(env!("CARGO_PKG_NAME"), &[("nap", nap)])
/// }
///
/// fn nap(run: &mut Run) -> compare::Result {
///     let nap = std::time::Duration::from_millis(run.size);
///     run.timed("sleep", || {
///         std::thread::sleep(nap);
///         Ok(())
///     })
/// }
/// ```
pub fn main(lesson: &str, experiments: &[(&'static str, Experiment)]) -> ExitCode {
    let names: Vec<&'static str> = experiments.iter().map(|(name, _)| *name).collect();
    let command = Args::command()
        .name(format!("{lesson} compare"))
        .bin_name(format!(
            "cargo run --release -p {lesson} --example {lesson}-compare --"
        ))
        .mut_arg("experiment", |arg| {
            arg.value_parser(clap::builder::PossibleValuesParser::new(names))
        });
    let args = command
        .try_get_matches()
        .and_then(|matches| Args::from_arg_matches(&matches))
        .unwrap_or_else(|error| error.exit());
    let Some(&(_, experiment)) = experiments.iter().find(|(n, _)| *n == args.experiment) else {
        unreachable!("clap accepts only the names listed")
    };
    let mut run = Run::new(args.size.get(), args.runs.get());
    match experiment(&mut run) {
        Ok(()) => {
            print!("{}", run.report());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{lesson} compare {}: {message}", args.experiment);
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn what_is_written_is_read_back() {
        let report = Report {
            timings: vec![
                Timings {
                    variant: "lock".into(),
                    runs: vec![ms(500), ms(250)],
                },
                Timings {
                    variant: "raw".into(),
                    runs: vec![Duration::from_nanos(1)],
                },
            ],
            facts: vec![("numbers".into(), "2139079, 1214759".into())],
        };
        let text = report.to_string();
        assert_eq!(
            text,
            "fact numbers 2139079, 1214759\n\
             timings lock 0.500000000 0.250000000\n\
             timings raw 0.000000001\n"
        );
        assert_eq!(Report::parse(&text), Ok(report));
    }

    #[test]
    fn python_lines_are_read_and_other_lines_ignored() {
        let parsed = Report::parse("hello\ntimings lock 0.5 0.25\ntimings raw 1e-3\nfacts x\n");
        let report = parsed.expect("two good timings lines");
        assert_eq!(report.timings.len(), 2);
        assert_eq!(
            report.timings("raw").map(|t| &t.runs[..]),
            Some(&[ms(1)][..])
        );
        assert_eq!(report.timings("none"), None);
        assert!(report.facts.is_empty());
    }

    #[test]
    fn malformed_lines_are_errors() {
        for bad in [
            "timings",
            "timings lock",
            "timings lock soon",
            "timings lock -1",
            "timings lock NaN",
            "fact",
            "fact threads",
            "fact threads   ",
        ] {
            assert!(Report::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_run_times_each_variant_and_stops_at_a_wrong_answer() {
        let mut run = Run::new(3, 2);
        let mut calls = 0;
        run.timed("counting", || {
            calls += 1;
            Ok(())
        })
        .expect("every run succeeds");
        assert_eq!(calls, 2);
        run.measured("fixed", || Ok(ms(7))).expect("measured");
        run.fact("threads", "5\nmore");
        let failed = run.timed("wrong", || check(false, || "counted 4, expected 5".into()));
        assert_eq!(failed, Err("wrong: counted 4, expected 5".to_owned()));
        let report = run.report();
        assert_eq!(report.timings.len(), 2, "the failed variant has no line");
        assert_eq!(report.timings[0].runs.len(), 2);
        assert_eq!(
            report.timings("fixed").map(|t| &t.runs[..]),
            Some(&[ms(7), ms(7)][..])
        );
        assert_eq!(report.fact("threads"), Some("5 more"));
    }

    #[test]
    fn the_command_line_needs_a_positive_size() {
        let parse = |words: &[&str]| Args::try_parse_from(["compare"].iter().chain(words));
        let args = parse(&["counter", "--size", "10"]).expect("size given");
        assert_eq!((args.runs.get(), args.size.get()), (1, 10));
        assert!(parse(&["counter"]).is_err(), "no --size");
        assert!(parse(&["counter", "--size", "0"]).is_err(), "zero");
        assert!(parse(&["counter", "--size", "5", "--runs", "x"]).is_err());
    }
}
