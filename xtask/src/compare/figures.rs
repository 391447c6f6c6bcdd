//! From what both sides printed to the figures of each row: the medians,
//! the best tools' times, each side's floor. The table (`table.rs`) shows
//! them with their ratios; `--record` writes them as JSON, from which the
//! book builds its tables (`measured.rs`).

use harness::compare::Report;
use serde::{Deserialize, Serialize};

use super::experiment::{self, Count, Experiment, Floor};
use super::words::{self, Words};
use crate::i18n;

/// One experiment's run: both sides' reports, at one size.
#[derive(Debug)]
pub struct Measured<'a> {
    pub lesson: &'a str,
    pub experiment: &'a Experiment,
    pub size: u64,
    pub rust: Report,
    /// `None` without python3.
    pub python: Option<Report>,
}

/// The figures of one case, or of one earlier step of the lesson's type at
/// the same work, every time a median in seconds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figures {
    pub lesson: String,
    pub experiment: String,
    pub size: u64,
    pub case: String,
    /// An earlier step of the lesson's type: its Python time, best tools
    /// and floor are those of the case on the row before it.
    pub earlier_step: bool,
    pub python_seconds: Option<f64>,
    pub rust_seconds: Option<f64>,
    pub best: Vec<ToolFigures>,
    pub floor: Option<FloorFigures>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ToolFigures {
    pub tool: String,
    pub seconds: Option<f64>,
}

/// Each side's floor: what a wait or a measurement sets is the same for
/// both; what the cores set is each side's own sequential time shared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FloorFigures {
    pub name: String,
    pub python_seconds: Option<f64>,
    pub rust_seconds: Option<f64>,
}

/// The middle run's time (the mean of the middle two).
pub fn median(seconds: &[f64]) -> f64 {
    let mut sorted = seconds.to_vec();
    sorted.sort_by(f64::total_cmp);
    let middle = sorted.len() / 2;
    if sorted.is_empty() {
        f64::NAN
    } else if sorted.len() % 2 == 1 {
        sorted[middle]
    } else {
        (sorted[middle - 1] + sorted[middle]) / 2.0
    }
}

/// The most `cores` can speed up jobs of these sizes, one thread each:
/// `min(cores, total / longest)` (blocking-io's `best_speed_up`); no jobs:
/// work every core can share.
pub fn best_speed_up(jobs: &[u64], cores: usize) -> f64 {
    let total: u64 = jobs.iter().sum();
    let longest = jobs.iter().copied().max().unwrap_or(0);
    if jobs.is_empty() {
        return cores.max(1) as f64;
    }
    if longest == 0 {
        return 1.0;
    }
    (total as f64 / longest as f64).min(cores.max(1) as f64)
}

/// A median of `variant`'s runs, if `report` has it; a side that printed
/// no line for a variant the table needs is a bug in that program: it is
/// said on stderr and its cells stay empty rather than losing the table.
fn median_of(report: &Report, variant: &str, side: &str, experiment: &str) -> Option<f64> {
    let found = report.timings(variant).map(|t| {
        let seconds: Vec<f64> = t.runs.iter().map(|d| d.as_secs_f64()).collect();
        median(&seconds)
    });
    if found.is_none() {
        eprintln!("warning: {side} printed no `timings {variant}` for {experiment}");
    }
    found
}

impl Measured<'_> {
    fn rust(&self, variant: &str) -> Option<f64> {
        median_of(&self.rust, variant, "the Rust side", &self.experiment.name)
    }

    fn python(&self, variant: &str) -> Option<f64> {
        let python = self.python.as_ref()?;
        median_of(python, variant, "the Python side", &self.experiment.name)
    }

    fn fill(&self, text: &str) -> Result<String, String> {
        experiment::fill(text, self.size, &self.rust)
            .map_err(|e| format!("{} {}: {e}", self.lesson, self.experiment.name))
    }

    /// Every case text filled in, or which placeholder has no fact: called
    /// as soon as the Rust side has run, so a bad case fails before the
    /// Python side's minutes.
    pub fn check_cases(&self) -> Result<(), String> {
        for row in &self.experiment.rows {
            self.fill(&row.case)?;
            for step in &row.earlier {
                self.fill(&step.case)?;
            }
        }
        Ok(())
    }

    /// The experiment's figures: a case's, then each of its earlier steps'.
    pub fn figures(&self, cores: usize) -> Result<Vec<Figures>, String> {
        let mut all = Vec::new();
        for row in &self.experiment.rows {
            let python = self.python(&row.python);
            let best: Vec<ToolFigures> = row
                .best
                .iter()
                .map(|tool| ToolFigures {
                    tool: tool.name.clone(),
                    seconds: self.rust(&tool.variant),
                })
                .collect();
            let floor = row
                .floor
                .as_ref()
                .and_then(|floor| self.floor(floor, cores));
            let figures = |case: String, earlier_step: bool, rust: Option<f64>| Figures {
                lesson: self.lesson.to_owned(),
                experiment: self.experiment.name.clone(),
                size: self.size,
                case,
                earlier_step,
                python_seconds: python,
                rust_seconds: rust,
                best: best.clone(),
                floor: floor.clone(),
            };
            all.push(figures(self.fill(&row.case)?, false, self.rust(&row.rust)));
            for step in &row.earlier {
                all.push(figures(
                    self.fill(&step.case)?,
                    true,
                    self.rust(&step.variant),
                ));
            }
        }
        Ok(all)
    }

    fn floor(&self, floor: &Floor, cores: usize) -> Option<FloorFigures> {
        let same = |name: String, seconds: f64| FloorFigures {
            name,
            python_seconds: self.python.is_some().then_some(seconds),
            rust_seconds: Some(seconds),
        };
        let english = Words::english();
        let shared = |share: f64| FloorFigures {
            name: i18n::fill(&words::shared_floor(&english), &[("share", &trim(share))]),
            python_seconds: self.python("sequential").map(|s| s / share),
            rust_seconds: self.rust("sequential").map(|s| s / share),
        };
        match floor {
            Floor::Waits(count) => {
                let waits = match count {
                    Count::Number(n) => *n,
                    Count::Fact(name) => self.number_fact(name)?,
                };
                let seconds = f64::from(waits) * self.size as f64 / 1000.0;
                let name = i18n::fill(
                    &words::waits_floor(&english, waits),
                    &[("time", &super::table::time(seconds)), ("waits", &waits)],
                );
                Some(same(name, seconds))
            }
            Floor::Cores => Some(shared(best_speed_up(&[], cores))),
            Floor::Jobs(name) => {
                let jobs = self.jobs_fact(name)?;
                Some(shared(best_speed_up(&jobs, cores)))
            }
            Floor::Measured(measured) => self.rust(&measured.variant).map(|seconds| {
                let name = i18n::fill(
                    &words::measured_floor(&english),
                    &[
                        ("time", &super::table::time(seconds)),
                        ("name", &measured.name),
                    ],
                );
                same(name, seconds)
            }),
        }
    }

    /// The fact `name` as one number, or a warning and no floor.
    fn number_fact(&self, name: &str) -> Option<u32> {
        let number = self.rust.fact(name).and_then(|text| text.parse().ok());
        if number.is_none() {
            eprintln!(
                "warning: {}: the floor counts the fact `{name}`, which the Rust side did not \
                 report as a number",
                self.experiment.name
            );
        }
        number
    }

    /// The fact `name` as a list of job sizes, or a warning and no floor.
    fn jobs_fact(&self, name: &str) -> Option<Vec<u64>> {
        let jobs = self.rust.fact(name).and_then(|text| {
            text.split(|c: char| c == ',' || c.is_whitespace())
                .filter(|word| !word.is_empty())
                .map(|word| word.parse().ok())
                .collect::<Option<Vec<u64>>>()
        });
        if jobs.is_none() {
            eprintln!(
                "warning: {}: the floor's jobs are the fact `{name}`, which the Rust side did \
                 not report as a list of numbers",
                self.experiment.name
            );
        }
        jobs
    }
}

/// `2`, `1.5`, `3.14`: a speed-up without trailing zeros.
pub fn trim(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
pub mod tests {
    use std::time::Duration;

    use harness::compare::Timings;

    use super::*;

    /// A report with these variants' runs, in seconds, and these facts.
    pub fn report(timings: &[(&str, &[f64])], facts: &[(&str, &str)]) -> Report {
        Report {
            timings: timings
                .iter()
                .map(|(variant, seconds)| Timings {
                    variant: variant.to_string(),
                    runs: seconds
                        .iter()
                        .map(|s| Duration::from_secs_f64(*s))
                        .collect(),
                })
                .collect(),
            facts: facts
                .iter()
                .map(|(n, t)| (n.to_string(), t.to_string()))
                .collect(),
        }
    }

    /// The experiments the tests measure, as a lesson.toml writes them.
    pub fn experiment(name: &str) -> Experiment {
        let toml = match name {
            "slow-calls" => {
                r#"
                name = "slow-calls"
                size = "ms"
                full = 100
                quick = 20
                [[row]]
                case = "{calls} blocking calls of {size} ms, in sequence"
                python = "sequential"
                rust = "sequential"
                floor = { waits = "calls" }
                [[row]]
                case = "{calls} blocking calls of {size} ms, one thread each"
                python = "threads"
                rust = "threads"
                floor = { waits = 1 }
                "#
            }
            "factorize" => {
                r#"
                name = "factorize"
                size = "divisor"
                full = 1
                quick = 10
                [[row]]
                case = "divisors of {numbers}, in sequence"
                python = "sequential"
                rust = "sequential"
                [[row]]
                case = "divisors of {numbers}, one thread each"
                python = "threads"
                rust = "threads"
                floor = { jobs = "numbers" }
                [[row]]
                case = "divisors of {numbers}, equal shares, one thread per core"
                python = "shares"
                rust = "shares"
                floor = "cores"
                "#
            }
            "counter" => {
                r#"
                name = "counter"
                size = "increments"
                full = 100000
                quick = 10000
                [[row]]
                case = "{threads} threads each add 1 {size} times under a lock"
                python = "lock"
                rust = "mutex"
                best = [
                    { variant = "atomic", name = "`AtomicU64::fetch_add`" },
                    { variant = "parking_lot", name = "`parking_lot::Mutex`" },
                ]
                "#
            }
            "worker" => {
                r#"
                name = "worker"
                size = "round trips"
                full = 20000
                quick = 2000
                [[row]]
                case = "worker actor: {size} round trips: `FastWorker`"
                python = "worker"
                rust = "fast"
                earlier = [{ variant = "worker", case = "the same on `Worker`" }]
                best = [{ variant = "crossbeam", name = "crossbeam `bounded(1)` pair" }]
                [row.floor.measured]
                variant = "wake_ups"
                name = "2 wake-ups each"
                why = "Two wake-ups."
                "#
            }
            other => panic!("no test experiment `{other}`"),
        };
        toml::from_str(toml).unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    pub fn measured<'a>(
        experiment: &'a Experiment,
        python: Option<Report>,
        rust: Report,
    ) -> Measured<'a> {
        Measured {
            lesson: "lesson",
            experiment,
            size: experiment.full,
            rust,
            python,
        }
    }

    const NUMBERS: &str = "2139079, 1214759, 1516637, 1852285";

    #[test]
    fn the_median_is_the_middle_run() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), 2.5);
        assert_eq!(median(&[7.0]), 7.0);
        assert!(median(&[]).is_nan());
    }

    #[test]
    fn the_floor_of_computing_is_total_work_shared_by_the_cores() {
        assert_eq!(best_speed_up(&[10, 10, 10, 10], 2), 2.0);
        assert_eq!(best_speed_up(&[10, 10, 10, 10], 8), 4.0);
        assert_eq!(best_speed_up(&[40, 10, 10], 8), 1.5);
        assert_eq!(best_speed_up(&[0, 0], 8), 1.0);
        assert_eq!(best_speed_up(&[], 8), 8.0);
        assert_eq!(trim(2.0), "2");
        assert_eq!(trim(3.1428), "3.14");
        assert_eq!(trim(1.5), "1.5");
    }

    fn close(got: Option<f64>, want: f64) -> bool {
        got.is_some_and(|g| (g - want).abs() < 1e-9)
    }

    #[test]
    fn a_wait_sets_the_same_floor_for_both_sides() {
        let slow = experiment("slow-calls");
        let m = measured(
            &slow,
            Some(report(
                &[("sequential", &[0.55]), ("threads", &[0.12])],
                &[],
            )),
            report(
                &[("sequential", &[0.5]), ("threads", &[0.1, 0.2, 0.1])],
                &[("calls", "5")],
            ),
        );
        let figures = m.figures(2).expect("every case can be filled");
        assert_eq!(figures[0].case, "5 blocking calls of 100 ms, in sequence");
        let floors: Vec<_> = figures.iter().map(|f| f.floor.clone()).collect();
        assert_eq!(
            floors,
            [
                Some(FloorFigures {
                    name: "500 ms (5 waits)".into(),
                    python_seconds: Some(0.5),
                    rust_seconds: Some(0.5)
                }),
                Some(FloorFigures {
                    name: "100 ms (1 wait)".into(),
                    python_seconds: Some(0.1),
                    rust_seconds: Some(0.1)
                }),
            ]
        );
        assert!(
            close(figures[1].rust_seconds, 0.1),
            "the median of three runs"
        );
    }

    #[test]
    fn computing_is_floored_by_each_sides_own_sequential_time() {
        let factorize = experiment("factorize");
        let timings: &[(&str, &[f64])] = &[
            ("sequential", &[0.8]),
            ("threads", &[0.8]),
            ("shares", &[0.8]),
        ];
        let rust: &[(&str, &[f64])] = &[
            ("sequential", &[0.010]),
            ("threads", &[0.006]),
            ("shares", &[0.005]),
        ];
        let m = measured(
            &factorize,
            Some(report(timings, &[])),
            report(rust, &[("numbers", NUMBERS)]),
        );
        let two = m.figures(2).expect("filled");
        assert_eq!(two[0].case, format!("divisors of {NUMBERS}, in sequence"));
        assert_eq!(two[0].floor, None);
        let floor = two[1].floor.clone().expect("one thread each has a floor");
        assert_eq!(floor.name, "sequential ÷ 2");
        assert!(close(floor.python_seconds, 0.4) && close(floor.rust_seconds, 0.005));
        // Four unequal numbers cannot be shared as well: 6.72 M divisions,
        // the longest 2.14 M, so at most 3.14 ways; equal shares use every
        // core there is.
        let eight = m.figures(8).expect("filled");
        let names: Vec<_> = eight
            .iter()
            .map(|f| f.floor.as_ref().map(|f| f.name.as_str()))
            .collect();
        assert_eq!(
            names,
            [None, Some("sequential ÷ 3.14"), Some("sequential ÷ 8")]
        );
    }

    #[test]
    fn an_earlier_step_has_its_own_time_and_the_cases_python_tools_and_floor() {
        let worker = experiment("worker");
        let m = measured(
            &worker,
            Some(report(&[("worker", &[0.4])], &[])),
            report(
                &[
                    ("worker", &[0.13]),
                    ("fast", &[0.02]),
                    ("crossbeam", &[0.03]),
                    ("wake_ups", &[0.065]),
                ],
                &[],
            ),
        );
        let figures = m.figures(2).expect("filled");
        assert_eq!(figures.len(), 2);
        let (last, first) = (&figures[0], &figures[1]);
        assert_eq!(
            last.case,
            "worker actor: 20\u{202f}000 round trips: `FastWorker`"
        );
        assert!(!last.earlier_step && first.earlier_step);
        assert_eq!(first.case, "the same on `Worker`");
        assert!(close(last.rust_seconds, 0.02) && close(first.rust_seconds, 0.13));
        assert_eq!(last.python_seconds, first.python_seconds);
        assert_eq!(last.best, first.best);
        assert_eq!(last.floor, first.floor);
        let floor = last.floor.clone().expect("the worker has a floor");
        assert_eq!(floor.name, "65.0 ms (2 wake-ups each)");
        assert!(close(floor.python_seconds, 0.065));
    }

    #[test]
    fn a_missing_variant_or_fact_leaves_its_figure_empty() {
        let worker = experiment("worker");
        // Neither the last step (`fast`) nor a tool nor the floor.
        let m = measured(&worker, None, report(&[("worker", &[0.15])], &[]));
        let figures = m.figures(2).expect("filled");
        assert_eq!(figures[0].rust_seconds, None);
        assert_eq!(figures[0].python_seconds, None);
        assert_eq!(figures[0].best[0].seconds, None);
        assert_eq!(figures[0].floor, None);
        assert!(close(figures[1].rust_seconds, 0.15));
        // A floor counted by a fact the Rust side did not report.
        let slow = experiment("slow-calls");
        let m = measured(&slow, None, report(&[("sequential", &[0.5])], &[]));
        assert!(m.check_cases().is_err(), "the case names {{calls}}");
        let facts = report(&[("sequential", &[0.5])], &[("calls", "five")]);
        let m = measured(&slow, None, facts);
        let figures = m.figures(2).expect("`five` fills the case");
        assert_eq!(figures[0].floor, None, "but counts no waits");
        assert_eq!(
            figures[1].floor.as_ref().map(|f| f.rust_seconds),
            Some(Some(0.1))
        );
    }
}
