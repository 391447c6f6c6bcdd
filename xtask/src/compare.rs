//! `cargo xtask compare [<lesson>... | --all] [--quick] [--record]`: runs the
//! notes' experiments in Python and in Rust, in one run, and prints one
//! table.
//!
//! Each experiment is a pair of programs given the same size: the Python
//! program `python/<lesson>/compare_<experiment>.py`, and the `compare`
//! package's binary (`compare <experiment>`), built with `--release`, which
//! runs it on the lesson's own types and on the best tool for the job. Both
//! print one line per way they ran it, `timings <variant> <seconds>...`;
//! this takes the median of each line's runs.
//!
//! A row of the table: the case; the Python time; the Rust time (the
//! lesson's own type); how many times faster Rust was; the best tool, its
//! time, and how the lesson's type did against it; and, where the work has
//! a floor (a wait cannot end before its timeout; computing cannot beat the
//! work shared by every core), the floor and how close each side came to
//! it. Where a lesson made its type fast in a later step, the Rust column
//! is that last step, and each earlier step has a row of its own under it,
//! measured against the same Python run, best tool and floor.
//!
//! `--quick` is for CI: one run of each program, at a tenth of the sizes or
//! less (the waits shortened to a quarter or a fifth), so the whole
//! comparison ends in a few seconds (build included: under a minute on two
//! cores even from a cold target). Its figures are noise; it checks that
//! both sides run, at every size they are given, and get the right answers. `--record` writes the tables into the book:
//! `book/src/measured/<lesson>.md`, and `measured/all.md` when every
//! experiment ran, each headed by the machine it was measured on.
//!
//! Without `python3` the table has the Rust columns alone, and says why.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::{Result, fail, lessons_named, python, target_dir, usage};

/// The most one program may take (five runs of the slowest experiment take
/// a few seconds; the rest is headroom for a loaded machine).
const LIMIT: Duration = Duration::from_secs(180);

/// Runs of each program, for the median.
const RUNS: usize = 5;

const USAGE: &str = "usage: cargo xtask compare [<lesson>... | --all] [--quick] [--record]

  Runs the notes' experiments in Python and in Rust (release build) and
  prints one table: each case's Python time, Rust time (the lesson's own
  type; its earlier steps on rows of their own), the ratio, the best
  tool's time and the lesson's against it, and, where the work has a
  floor, how close each side comes to it. Each time is the median of 5
  runs.

  <lesson>...  only these lessons' cases (default, or --all: every case)
  --quick      one run of each, at a tenth of the sizes or less, waits cut
               to a quarter: checks that both sides run (CI); the figures
               mean little
  --record     also write the tables into book/src/measured/";

/// What the command line asked for.
#[derive(Debug, Default, PartialEq, Eq)]
struct Args {
    lessons: Vec<String>,
    quick: bool,
    record: bool,
}

fn parse_args(args: &[String]) -> Result<Args> {
    let mut parsed = Args::default();
    let mut all = false;
    for arg in args {
        match arg.as_str() {
            "--all" => all = true,
            "--quick" => parsed.quick = true,
            "--record" => parsed.record = true,
            flag if flag.starts_with('-') => {
                return Err(usage(format!("unknown option `{flag}`\n\n{USAGE}")));
            }
            name => parsed.lessons.push(name.to_owned()),
        }
    }
    if all && !parsed.lessons.is_empty() {
        return Err(usage(format!(
            "name lessons or give --all, not both\n\n{USAGE}"
        )));
    }
    if parsed.record && parsed.quick {
        return Err(usage(
            "--record writes the book's tables, which come from full runs: drop --quick",
        ));
    }
    Ok(parsed)
}

/// One experiment: a Python program and a `compare` subcommand, run at the
/// same size, and the rows of the table their timings fill.
#[derive(Debug)]
struct Experiment {
    lesson: &'static str,
    /// The `compare` subcommand; the Python program is
    /// `python/<lesson>/compare_<name with _ for ->.py`.
    name: &'static str,
    /// The size handed to both sides, for the table and for `--quick`.
    full: u64,
    quick: u64,
    rows: &'static [Row],
}

#[derive(Debug)]
struct Row {
    /// What was measured, at this size.
    case: fn(u64) -> String,
    /// The Python program's variant.
    python: &'static str,
    /// The Rust side's variant that runs the lesson's own type (its last
    /// step, where a later step made it fast).
    rust: &'static str,
    /// The lesson's earlier steps at the same work: the Rust side's
    /// variant, and what the case column calls it. Each gets a row of its
    /// own under the case, its ratios taken against the case's Python
    /// time, first best tool and floor.
    earlier: &'static [(&'static str, &'static str)],
    /// Best tools: the Rust side's variant, and how the table names it.
    best: &'static [(&'static str, &'static str)],
    floor: Floor,
}

/// The least time the work can take, whoever does it.
#[derive(Debug, Clone, Copy)]
enum Floor {
    None,
    /// This many waits of `size` ms, one after another: a wait cannot end
    /// before its timeout.
    Waits(u32),
    /// Computing jobs of these relative sizes: a side cannot beat its own
    /// sequential time (its variant `sequential`) divided by the most the
    /// cores can share the jobs (`min(cores, total / longest)`); no sizes:
    /// work every core can share (many small jobs, or the work cut into
    /// equal shares, one per core).
    Cores(&'static [u64]),
    /// Measured by the Rust side as this variant, and what it is.
    Measured(&'static str, &'static str),
}

/// Sizes with a thin space between thousands, as the book writes them.
fn n(size: u64) -> String {
    let digits = size.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(digit);
    }
    out
}

/// The notes' four numbers (blocking-io's `NUMBERS`).
const NUMBERS: &[u64] = &[2_139_079, 1_214_759, 1_516_637, 1_852_285];

fn numbers(divisor: u64) -> String {
    if divisor == 1 {
        "2139079, 1214759, 1516637, 1852285".to_owned()
    } else {
        format!("the notes' 4 numbers ÷ {divisor}")
    }
}

const EXPERIMENTS: &[Experiment] = &[
    Experiment {
        lesson: "locks",
        name: "counter",
        full: 100_000,
        quick: 10_000,
        rows: &[Row {
            case: |s| format!("5 threads each add 1 {} times under a lock", n(s)),
            python: "lock",
            rust: "mutex",
            earlier: &[],
            best: &[
                ("atomic", "`AtomicU64::fetch_add`"),
                ("parking_lot", "`parking_lot::Mutex`"),
            ],
            floor: Floor::None,
        }],
    },
    Experiment {
        lesson: "blocking-io",
        name: "factorize",
        full: 1,
        quick: 10,
        rows: &[
            Row {
                case: |s| format!("divisors of {}, in sequence", numbers(s)),
                python: "sequential",
                rust: "sequential",
                earlier: &[],
                best: &[],
                floor: Floor::None,
            },
            Row {
                case: |s| format!("divisors of {}, one thread each", numbers(s)),
                python: "threads",
                rust: "threads",
                earlier: &[],
                best: &[],
                floor: Floor::Cores(NUMBERS),
            },
            Row {
                case: |s| {
                    format!(
                        "divisors of {}, equal shares, one thread per core",
                        numbers(s)
                    )
                },
                python: "shares",
                rust: "shares",
                earlier: &[],
                best: &[],
                // Equal shares: every core has as much to do as the others.
                floor: Floor::Cores(&[]),
            },
        ],
    },
    Experiment {
        lesson: "blocking-io",
        name: "slow-calls",
        full: 100,
        quick: 20,
        rows: &[
            Row {
                case: |s| format!("5 blocking calls of {s} ms, in sequence"),
                python: "sequential",
                rust: "sequential",
                earlier: &[],
                best: &[],
                floor: Floor::Waits(5),
            },
            Row {
                case: |s| format!("5 blocking calls of {s} ms, one thread each"),
                python: "threads",
                rust: "threads",
                earlier: &[],
                best: &[],
                floor: Floor::Waits(1),
            },
        ],
    },
    Experiment {
        lesson: "queues",
        name: "pipeline",
        full: 100_000,
        quick: 10_000,
        rows: &[Row {
            case: |s| {
                format!(
                    "3-stage pipeline, 1 worker per stage, {} items: step 5, `FastQueue`",
                    n(s)
                )
            },
            python: "closable",
            rust: "fast",
            earlier: &[("closable", "the same on step 4, `ClosableQueue`")],
            best: &[("crossbeam", "crossbeam `unbounded` channels")],
            floor: Floor::None,
        }],
    },
    Experiment {
        lesson: "subprocess",
        name: "children",
        full: 200,
        quick: 50,
        rows: &[Row {
            case: |s| format!("10 children sleeping {s} ms, all at once"),
            python: "sleepers",
            rust: "sleepers",
            earlier: &[],
            best: &[],
            floor: Floor::Waits(1),
        }],
    },
    Experiment {
        lesson: "subprocess",
        name: "spawn",
        full: 20,
        quick: 5,
        rows: &[Row {
            case: |s| format!("start `true` and wait for it (per child, {s} in turn)"),
            python: "trivial",
            rust: "trivial",
            earlier: &[],
            best: &[],
            floor: Floor::None,
        }],
    },
    Experiment {
        lesson: "generator-schedulers",
        name: "actor-scheduler",
        full: 100_000,
        quick: 10_000,
        rows: &[Row {
            case: |s| {
                format!(
                    "actor scheduler: counter and printer, {} messages: by index, `IndexedScheduler`",
                    n(s)
                )
            },
            python: "scheduler",
            rust: "indexed",
            earlier: &[("scheduler", "the same by name, `ActorScheduler`")],
            best: &[("vec_loop", "actors in a `Vec`, sent to by index")],
            floor: Floor::None,
        }],
    },
    Experiment {
        lesson: "actors",
        name: "worker",
        full: 20_000,
        quick: 2_000,
        rows: &[Row {
            case: |s| {
                format!(
                    "worker actor: {} submit + result round trips: section 9's `FastWorker`",
                    n(s)
                )
            },
            python: "worker",
            rust: "fast",
            earlier: &[("worker", "the same on section 4's `Worker`")],
            best: &[("crossbeam", "crossbeam `bounded(1)` pair")],
            floor: Floor::Measured("wake_ups", "2 wake-ups each"),
        }],
    },
    Experiment {
        lesson: "pollable-queues",
        name: "pollable",
        full: 50_000,
        quick: 5_000,
        rows: &[Row {
            case: |s| format!("3 pollable queues: {} put / wait / get", n(s)),
            python: "queue",
            rust: "queue",
            earlier: &[],
            best: &[("raw", "raw socket pairs: a write per item, `poll`, read")],
            floor: Floor::None,
        }],
    },
    Experiment {
        lesson: "parallelism",
        name: "gcd",
        full: 20,
        quick: 2,
        rows: &[
            Row {
                case: |s| format!("Item 64's slow gcd of {s} pairs, in sequence"),
                python: "sequential",
                rust: "sequential",
                earlier: &[],
                best: &[],
                floor: Floor::None,
            },
            Row {
                case: |s| {
                    format!(
                        "Item 64's slow gcd of {s} pairs, in parallel (Python: processes; Rust: rayon)"
                    )
                },
                python: "processes",
                rust: "rayon",
                earlier: &[],
                best: &[],
                floor: Floor::Cores(&[]),
            },
        ],
    },
    Experiment {
        lesson: "async-tasks",
        name: "crowd",
        full: 10_000,
        quick: 1_000,
        rows: &[
            Row {
                case: |s| {
                    format!(
                        "start a task (of {} sleeping 100 ms; fastest tenth, per task)",
                        n(s)
                    )
                },
                python: "tasks",
                rust: "tasks",
                earlier: &[],
                best: &[],
                floor: Floor::None,
            },
            Row {
                case: |s| {
                    format!(
                        "start a thread (of {} sleeping 100 ms; fastest tenth, per thread)",
                        n(s / 10)
                    )
                },
                python: "threads",
                rust: "threads",
                earlier: &[],
                best: &[],
                floor: Floor::None,
            },
        ],
    },
];

/// `cargo xtask compare ...`
pub fn compare(root: &Path, args: &[String]) -> Result {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return Ok(());
    }
    let args = parse_args(args)?;
    let experiments = chosen(&args.lessons)?;
    let every_experiment = experiments.len() == EXPERIMENTS.len();
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
    let load_at_start = if args.record { idle_share() } else { None };

    eprintln!("==> building the Rust side (release)");
    crate::cargo(&["build", "--release", "--quiet", "-p", "compare"], &[])?;
    let binary = target_dir().join("release").join("compare");

    let mut measured = Vec::new();
    for (index, experiment) in experiments.iter().enumerate() {
        let size = if args.quick {
            experiment.quick
        } else {
            experiment.full
        };
        let progress = format!(
            "[{}/{}] {}: {}",
            index + 1,
            experiments.len(),
            experiment.lesson,
            experiment.name
        );
        let sized = |mut command: Command| {
            command
                .args(["--runs", &runs.to_string(), "--size", &size.to_string()])
                .current_dir(root);
            command
        };
        eprintln!("==> {progress}: Rust, {runs} run(s)");
        let mut command = Command::new(&binary);
        command.arg(experiment.name);
        let rust = timings_of(sized(command), &format!("compare {}", experiment.name))?;
        let python_timings = match &python {
            Some(python) => {
                eprintln!("==> {progress}: Python, {runs} run(s)");
                let program = python_program(experiment);
                let mut command = Command::new(python);
                command.arg("-B").arg(root.join(&program));
                Some(timings_of(sized(command), &program)?)
            }
            None => None,
        };
        measured.push(Measured {
            experiment,
            size,
            rust,
            python: python_timings,
        });
    }

    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let rows: Vec<TableRow> = measured.iter().flat_map(|m| table_rows(m, cores)).collect();
    let lessons: Vec<&str> = lessons_in_order(&measured);
    let show_lesson = lessons.len() > 1;
    println!();
    println!(
        "{}",
        if args.quick {
            "--quick: 1 run each, at a tenth of the sizes or less; the figures mean little."
        } else {
            "Each time is the median of 5 runs."
        }
    );
    if python.is_none() {
        println!("python3 is not on the PATH: Rust only.");
    }
    println!();
    print!("{}", table(&rows, python.is_some(), show_lesson));
    println!("\n{}", legend(&experiments, python.is_some()));

    if args.record {
        let machine = machine(python.as_deref().unwrap_or("python3"), cores, load_at_start);
        let dir = root.join("book/src/measured");
        fs::create_dir_all(&dir).map_err(|e| fail(format!("{}: {e}", dir.display())))?;
        let mut written = Vec::new();
        for lesson in &lessons {
            let own: Vec<TableRow> = rows
                .iter()
                .filter(|r| r.lesson == *lesson)
                .cloned()
                .collect();
            let theirs: Vec<&Experiment> = experiments
                .iter()
                .copied()
                .filter(|e| e.lesson == *lesson)
                .collect();
            let text = recorded(&machine, &own, false, &legend(&theirs, true));
            written.push(write_table(&dir, lesson, &text)?);
        }
        if every_experiment {
            let text = recorded(&machine, &rows, true, &legend(&experiments, true));
            written.push(write_table(&dir, "all", &text)?);
        }
        eprintln!("==> recorded: {}", written.join(", "));
    }
    Ok(())
}

/// The experiments of the lessons named (every one if none are), or a
/// usage error that lists the lessons, or those that have cases.
fn chosen(names: &[String]) -> Result<Vec<&'static Experiment>> {
    if names.is_empty() {
        return Ok(EXPERIMENTS.iter().collect());
    }
    let lessons = lessons_named(names)?;
    let without: Vec<&str> = lessons
        .iter()
        .map(|l| l.name.as_str())
        .filter(|name| !EXPERIMENTS.iter().any(|e| e.lesson == *name))
        .collect();
    if !without.is_empty() {
        return Err(usage(format!(
            "no cases to compare for: {}; the lessons with cases are: {}",
            without.join(", "),
            lessons_with_cases().join(", ")
        )));
    }
    Ok(EXPERIMENTS
        .iter()
        .filter(|e| lessons.iter().any(|l| l.name == e.lesson))
        .collect())
}

fn lessons_with_cases() -> Vec<&'static str> {
    let mut names: Vec<&str> = Vec::new();
    for experiment in EXPERIMENTS {
        if !names.contains(&experiment.lesson) {
            names.push(experiment.lesson);
        }
    }
    names
}

fn python_program(experiment: &Experiment) -> String {
    format!(
        "crates/{}/python/compare_{}.py",
        experiment.lesson,
        experiment.name.replace('-', "_")
    )
}

/// One variant's times, as a program printed them.
#[derive(Debug, Clone, PartialEq)]
struct Timings {
    variant: String,
    seconds: Vec<f64>,
}

/// Runs a program and reads its `timings` lines.
fn timings_of(command: Command, what: &str) -> Result<Vec<Timings>> {
    let run =
        harness::run_with_timeout(command, LIMIT).map_err(|e| fail(format!("{what}: {e}")))?;
    if !run.status.success() {
        return Err(fail(format!(
            "{what} failed ({}):\n{}{}",
            run.status, run.stdout, run.stderr
        )));
    }
    parse_timings(&run.stdout).map_err(|e| fail(format!("{what}: {e}")))
}

/// The `timings <variant> <seconds>...` lines of a program's output; other
/// lines are ignored.
fn parse_timings(stdout: &str) -> std::result::Result<Vec<Timings>, String> {
    let mut found = Vec::new();
    for line in stdout.lines() {
        let mut words = line.split_whitespace();
        if words.next() != Some("timings") {
            continue;
        }
        let variant = words
            .next()
            .ok_or_else(|| format!("a timings line names no variant: `{line}`"))?;
        let seconds = words
            .map(|w| w.parse::<f64>().ok().filter(|s| s.is_finite() && *s >= 0.0))
            .collect::<Option<Vec<f64>>>()
            .filter(|s| !s.is_empty())
            .ok_or_else(|| format!("`{line}` is not `timings <variant> <seconds>...`"))?;
        found.push(Timings {
            variant: variant.to_owned(),
            seconds,
        });
    }
    Ok(found)
}

fn median(seconds: &[f64]) -> f64 {
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

struct Measured {
    experiment: &'static Experiment,
    size: u64,
    rust: Vec<Timings>,
    python: Option<Vec<Timings>>,
}

impl Measured {
    fn rust(&self, variant: &str) -> Result<f64> {
        median_of(&self.rust, variant, "compare", self.experiment)
    }

    fn python(&self, variant: &str) -> Result<Option<f64>> {
        self.python
            .as_ref()
            .map(|t| median_of(t, variant, "the Python program", self.experiment))
            .transpose()
    }
}

fn median_of(timings: &[Timings], variant: &str, side: &str, e: &Experiment) -> Result<f64> {
    timings
        .iter()
        .find(|t| t.variant == variant)
        .map(|t| median(&t.seconds))
        .ok_or_else(|| {
            fail(format!(
                "{side} printed no `timings {variant}` for {}",
                e.name
            ))
        })
}

/// One line of the table, every time a median in seconds.
#[derive(Debug, Clone, PartialEq)]
struct TableRow {
    lesson: &'static str,
    case: String,
    python: Option<f64>,
    rust: Option<f64>,
    /// Python's time over this row's Rust time (on an earlier step's row,
    /// the case's Python time over that step's).
    python_vs_rust: Option<f64>,
    best: Option<(&'static str, f64)>,
    /// This row's Rust time over the best tool's: the case's first best
    /// tool, or, on a further best tool's row, that tool.
    rust_vs_best: Option<f64>,
    floor: Option<FloorFigures>,
}

#[derive(Debug, Clone, PartialEq)]
struct FloorFigures {
    /// What the floor column says (empty on an earlier step's row: the
    /// case's floor, above it).
    label: String,
    python: Option<f64>,
    rust: f64,
}

/// The rows of one experiment: a row per case; under it, a row for each
/// further best tool, then one for each of the lesson's earlier steps.
fn table_rows(m: &Measured, cores: usize) -> Vec<TableRow> {
    // A variant missing from a program's output is a bug in the program;
    // it shows as an empty cell rather than losing the whole table.
    let rust = |v: &str| {
        m.rust(v)
            .map_err(|f| eprintln!("warning: {}", f.message))
            .ok()
    };
    let python = |v: &str| {
        m.python(v)
            .map_err(|f| eprintln!("warning: {}", f.message))
            .ok()
            .flatten()
    };
    let over = |a: Option<f64>, b: Option<f64>| a.zip(b).map(|(a, b)| a / b);
    let mut rows = Vec::new();
    for row in m.experiment.rows {
        let (python_time, rust_time) = (python(row.python), rust(row.rust));
        // The floor's label, and its time for each side.
        let floor = match row.floor {
            Floor::None => None,
            Floor::Waits(waits) => {
                let floor = f64::from(waits) * m.size as f64 / 1000.0;
                let label = if waits == 1 {
                    format!("{} (1 wait)", time(floor))
                } else {
                    format!("{} ({waits} waits)", time(floor))
                };
                Some((label, Some(floor), floor))
            }
            Floor::Cores(jobs) => {
                let share = best_speed_up(jobs, cores);
                let label = format!("sequential ÷ {}", trim(share));
                let of = |sequential: Option<f64>| sequential.map(|s| s / share);
                let python_floor = of(python("sequential"));
                rust("sequential").map(|sequential| (label, python_floor, sequential / share))
            }
            Floor::Measured(variant, what) => {
                rust(variant).map(|floor| (format!("{} ({what})", time(floor)), Some(floor), floor))
            }
        };
        // How many floors a Rust time is (with Python's beside it).
        let floor_figures = |label: String, rust_time: Option<f64>| {
            floor.as_ref().and_then(|(_, python_floor, rust_floor)| {
                Some(FloorFigures {
                    label,
                    python: over(python_time, *python_floor),
                    rust: rust_time? / rust_floor,
                })
            })
        };
        let best: Vec<(&'static str, Option<f64>)> = row
            .best
            .iter()
            .map(|(v, label)| (*label, rust(v)))
            .collect();
        let first_best = best.first().and_then(|(label, t)| t.map(|t| (*label, t)));
        let best_time = first_best.map(|(_, t)| t);
        rows.push(TableRow {
            lesson: m.experiment.lesson,
            case: (row.case)(m.size),
            python: python_time,
            rust: rust_time,
            python_vs_rust: over(python_time, rust_time),
            best: first_best,
            rust_vs_best: over(rust_time, best_time),
            floor: floor_figures(
                floor
                    .as_ref()
                    .map(|(label, ..)| label.clone())
                    .unwrap_or_default(),
                rust_time,
            ),
        });
        for &(label, tool_time) in best.iter().skip(1) {
            rows.push(TableRow {
                lesson: m.experiment.lesson,
                case: String::new(),
                python: None,
                rust: None,
                python_vs_rust: None,
                best: tool_time.map(|t| (label, t)),
                rust_vs_best: over(rust_time, tool_time),
                floor: None,
            });
        }
        for &(variant, label) in row.earlier {
            let step_time = rust(variant);
            rows.push(TableRow {
                lesson: m.experiment.lesson,
                case: label.to_owned(),
                python: None,
                rust: step_time,
                python_vs_rust: over(python_time, step_time),
                best: None,
                rust_vs_best: over(step_time, best_time),
                // Python's own floor ratio is the case's, on the row above.
                floor: floor_figures(String::new(), step_time)
                    .map(|f| FloorFigures { python: None, ..f }),
            });
        }
    }
    rows
}

/// The most `cores` can speed up jobs of these sizes, one thread each:
/// `min(cores, total / longest)` (blocking-io's `best_speed_up`).
fn best_speed_up(jobs: &[u64], cores: usize) -> f64 {
    let total: u64 = jobs.iter().sum();
    let longest = jobs.iter().copied().max().unwrap_or(0);
    if jobs.is_empty() {
        return cores.max(1) as f64; // many small jobs: every core can share them
    }
    if longest == 0 {
        return 1.0;
    }
    (total as f64 / longest as f64).min(cores.max(1) as f64)
}

/// What the columns mean, for the floors these experiments have.
fn legend(experiments: &[&Experiment], with_python: bool) -> String {
    let has = |wanted: fn(&Floor) -> bool| {
        experiments
            .iter()
            .any(|e| e.rows.iter().any(|r| wanted(&r.floor)))
    };
    let mut notes = Vec::new();
    if with_python {
        notes.push("Python ÷ Rust: how many times longer Python took.");
    }
    let has_row = |wanted: fn(&Row) -> bool| experiments.iter().any(|e| e.rows.iter().any(wanted));
    if has_row(|r| !r.best.is_empty()) {
        notes.push(
            "Rust ÷ best: how many times longer the lesson's type took than the best tool \
             (under 1.00×, it was faster); on a further tool's row, than that tool.",
        );
    }
    if has_row(|r| !r.earlier.is_empty()) {
        notes.push(
            "Where a later step of the lesson made its type fast, the Rust column is that \
             step, and each earlier step has a row of its own below it (\"the same on …\"), \
             set against the same Python run, best tool and floor.",
        );
    }
    if has(|f| !matches!(f, Floor::None)) {
        notes.push(
            "The floor is the least time the work can take, whoever does it; \
             \"÷ floor\" is how many floors each side took (1.00× is the floor itself).",
        );
    }
    if has(|f| matches!(f, Floor::Waits(_))) {
        notes.push("A wait cannot end before its timeout.");
    }
    if has(|f| matches!(f, Floor::Cores(_))) {
        notes.push(
            "Computing cannot beat the same side's sequential time shared by every core \
             (at most total work ÷ longest job: one thread must do the longest alone).",
        );
    }
    if has(|f| matches!(f, Floor::Measured(..))) {
        notes.push(
            "A round trip to a thread that sleeps cannot beat two wake-ups: measured as \
             two threads that do nothing but wake each other with `park`/`unpark`. \
             A waiter that spins and catches the hand-off awake pays neither, and can \
             come in under it.",
        );
    }
    notes.join(" ")
}

/// The table, as Markdown with padded columns (it reads in a terminal and
/// in the book alike).
fn table(rows: &[TableRow], with_python: bool, with_lesson: bool) -> String {
    // A column is left out when no row would fill it: no lesson column for
    // one lesson, no Python without python3, no best tool or floor where
    // the cases have none.
    let with_best = rows.iter().any(|r| r.best.is_some());
    let with_floor = rows.iter().any(|r| r.floor.is_some());
    type Cell = fn(&TableRow) -> String;
    let columns: [(bool, &str, Cell); 11] = [
        (with_lesson, "lesson", |r| r.lesson.to_owned()),
        (true, "case", |r| r.case.clone()),
        (with_python, "Python", |r| {
            r.python.map(time).unwrap_or_default()
        }),
        (true, "Rust", |r| r.rust.map(time).unwrap_or_default()),
        (with_python, "Python ÷ Rust", |r| {
            r.python_vs_rust.map(ratio).unwrap_or_default()
        }),
        (with_best, "best tool", |r| {
            r.best.map(|(tool, _)| tool.to_owned()).unwrap_or_default()
        }),
        (with_best, "its time", |r| {
            r.best.map(|(_, t)| time(t)).unwrap_or_default()
        }),
        (with_best, "Rust ÷ best", |r| {
            r.rust_vs_best.map(ratio).unwrap_or_default()
        }),
        (with_floor, "floor", |r| {
            r.floor
                .as_ref()
                .map(|f| f.label.clone())
                .unwrap_or_default()
        }),
        (with_floor && with_python, "Python ÷ floor", |r| {
            r.floor
                .as_ref()
                .and_then(|f| f.python)
                .map(ratio)
                .unwrap_or_default()
        }),
        (with_floor, "Rust ÷ floor", |r| {
            r.floor.as_ref().map(|f| ratio(f.rust)).unwrap_or_default()
        }),
    ];
    let columns: Vec<(&str, Cell)> = columns
        .into_iter()
        .filter(|(shown, _, _)| *shown)
        .map(|(_, header, cell)| (header, cell))
        .collect();
    let header: Vec<&str> = columns.iter().map(|(h, _)| *h).collect();
    let mut lines: Vec<Vec<String>> = Vec::new();
    let mut previous_lesson = "";
    for row in rows {
        let mut cells: Vec<String> = columns.iter().map(|(_, cell)| cell(row)).collect();
        // The lesson is named once, on its first row.
        if with_lesson && row.lesson == previous_lesson {
            cells[0].clear();
        }
        previous_lesson = row.lesson;
        lines.push(cells);
    }

    let width = |column: usize| {
        lines
            .iter()
            .map(|cells| cells[column].chars().count())
            .chain([header[column].chars().count(), 3])
            .max()
            .unwrap_or(3)
    };
    let widths: Vec<usize> = (0..header.len()).map(width).collect();
    // Figures are right-aligned; the case and the names are not.
    let numeric =
        |column: usize| !matches!(header[column], "lesson" | "case" | "best tool" | "floor");
    let mut out = String::new();
    let mut line = |cells: &[String]| {
        out.push('|');
        for (column, cell) in cells.iter().enumerate() {
            let pad = widths[column] - cell.chars().count();
            let (left, right) = if numeric(column) { (pad, 0) } else { (0, pad) };
            let _ = write!(out, " {}{cell}{} |", " ".repeat(left), " ".repeat(right));
        }
        out.push('\n');
    };
    line(&header.iter().map(|h| h.to_string()).collect::<Vec<_>>());
    let rule: Vec<String> = (0..header.len())
        .map(|c| {
            let dashes = "-".repeat(widths[c] - 1);
            if numeric(c) {
                format!("{dashes}:")
            } else {
                format!("{dashes}-")
            }
        })
        .collect();
    line(&rule);
    for cells in &lines {
        line(cells);
    }
    out
}

/// A time in seconds, to three significant figures, in the unit that
/// suits it: `1.23 s`, `501 ms`, `12.3 ms`, `571 µs`, `850 ns`.
fn time(seconds: f64) -> String {
    let (value, unit) = if seconds >= 1.0 {
        (seconds, "s")
    } else if seconds >= 1e-3 {
        (seconds * 1e3, "ms")
    } else if seconds >= 1e-6 {
        (seconds * 1e6, "µs")
    } else {
        (seconds * 1e9, "ns")
    };
    format!("{} {unit}", significant(value))
}

/// A ratio to two or three significant figures: `38×`, `7.1×`, `1.02×`.
fn ratio(value: f64) -> String {
    if !value.is_finite() {
        return "—".to_owned();
    }
    let text = if value >= 10.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.2}")
    };
    format!("{text}×")
}

fn significant(value: f64) -> String {
    if value >= 100.0 {
        format!("{value:.0}")
    } else if value >= 10.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.2}")
    }
}

/// `2`, `1.5`, `3.14`: a speed-up without trailing zeros.
fn trim(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn lessons_in_order(measured: &[Measured]) -> Vec<&'static str> {
    let mut lessons: Vec<&str> = Vec::new();
    for m in measured {
        if !lessons.contains(&m.experiment.lesson) {
            lessons.push(m.experiment.lesson);
        }
    }
    lessons
}

/// The machine a recording was made on, in one sentence.
///
/// How busy the machine was is read once, before the first case, as the
/// share of CPU time that went idle over one second: the cases themselves
/// make the machine busy (and the load average, which counts runnable
/// threads over the last minutes, is still raised by a run that just ended,
/// such as `async-tasks`' crowd of a thousand threads waking at once).
fn machine(python: &str, cores: usize, load: Option<String>) -> String {
    let version = Command::new(python)
        .arg("--version")
        .output()
        .ok()
        .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_owned())
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| "Python".to_owned());
    let load = load
        .map(|idle| format!("; {idle} idle in the second before the first case"))
        .unwrap_or_default();
    format!(
        "Measured on {} ({cores} cores{load}) with {version} and a release build of the Rust; \
         each time is the median of {RUNS} runs.",
        cpu_model()
    )
}

/// The share of all cores' time spent idle over the next second, as
/// `97%`, where `/proc/stat` tells it (Linux).
fn idle_share() -> Option<String> {
    // The `cpu` line: user nice system idle iowait irq softirq steal ...
    let sample = || -> Option<(u64, u64)> {
        let stat = fs::read_to_string("/proc/stat").ok()?;
        let fields: Vec<u64> = stat
            .lines()
            .next()?
            .split_whitespace()
            .skip(1)
            .filter_map(|f| f.parse().ok())
            .collect();
        let idle = fields.get(3)? + fields.get(4).copied().unwrap_or(0);
        Some((idle, fields.iter().sum()))
    };
    let (idle_before, total_before) = sample()?;
    std::thread::sleep(std::time::Duration::from_secs(1));
    let (idle_after, total_after) = sample()?;
    let total = total_after.checked_sub(total_before).filter(|t| *t > 0)?;
    let idle = idle_after.saturating_sub(idle_before);
    Some(format!("{}%", idle * 100 / total))
}

/// `/proc/cpuinfo`'s "model name", or macOS's `machdep.cpu.brand_string`.
fn cpu_model() -> String {
    let linux = fs::read_to_string("/proc/cpuinfo").ok().and_then(|info| {
        info.lines()
            .find(|l| l.starts_with("model name"))
            .and_then(|l| l.split_once(':'))
            .map(|(_, model)| model.trim().to_owned())
    });
    let mac = || {
        Command::new("sysctl")
            .args(["-n", "machdep.cpu.brand_string"])
            .output()
            .ok()
            .filter(|out| out.status.success())
            .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_owned())
    };
    linux
        .or_else(mac)
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| "an unknown CPU".to_owned())
}

/// A recorded table: where it came from, the machine, the table, the key.
fn recorded(machine: &str, rows: &[TableRow], with_lesson: bool, legend: &str) -> String {
    format!(
        "<!-- Written by `cargo xtask compare --record`; run it again rather than editing. -->\n\n\
         {machine}\n\n{}\n{legend}\n",
        table(rows, true, with_lesson)
    )
}

fn write_table(dir: &Path, name: &str, text: &str) -> Result<String> {
    let path = dir.join(format!("{name}.md"));
    fs::write(&path, text).map_err(|e| fail(format!("{}: {e}", path.display())))?;
    Ok(format!("measured/{name}.md"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn arguments_are_lessons_and_three_flags() {
        assert_eq!(
            parse_args(&[]).map_err(|f| f.code).ok(),
            Some(Args::default())
        );
        let parsed = parse_args(&args(&["locks", "--quick", "queues"])).ok();
        assert_eq!(
            parsed,
            Some(Args {
                lessons: args(&["locks", "queues"]),
                quick: true,
                record: false,
            })
        );
        let all = parse_args(&args(&["--all", "--record"])).ok();
        assert_eq!(
            all,
            Some(Args {
                lessons: vec![],
                quick: false,
                record: true,
            })
        );
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
    fn a_lesson_without_cases_is_a_usage_error_that_lists_those_with() {
        let failure = chosen(&args(&["threads"])).expect_err("threads has no cases");
        assert_eq!(failure.code, 2);
        assert!(failure.message.contains("no cases to compare for: threads"));
        assert!(failure.message.contains("locks, blocking-io, queues"));
    }

    #[test]
    fn lessons_choose_their_experiments_in_table_order() {
        let names: Vec<&str> = chosen(&args(&["subprocess", "locks"]))
            .expect("both lessons have cases")
            .iter()
            .map(|e| e.name)
            .collect();
        assert_eq!(names, ["counter", "children", "spawn"]);
        assert_eq!(chosen(&[]).ok().map(|e| e.len()), Some(EXPERIMENTS.len()));
    }

    #[test]
    fn every_experiment_has_its_python_program() {
        let root = crate::root();
        for experiment in EXPERIMENTS {
            let program = root.join(python_program(experiment));
            assert!(program.is_file(), "{} is missing", program.display());
        }
    }

    #[test]
    fn timings_lines_are_parsed_and_other_lines_ignored() {
        let parsed = parse_timings("hello\ntimings lock 0.5 0.25\ntimings raw 1e-3\n");
        assert_eq!(
            parsed,
            Ok(vec![
                Timings {
                    variant: "lock".into(),
                    seconds: vec![0.5, 0.25]
                },
                Timings {
                    variant: "raw".into(),
                    seconds: vec![0.001]
                },
            ])
        );
        for bad in [
            "timings",
            "timings lock",
            "timings lock soon",
            "timings lock -1",
        ] {
            assert!(parse_timings(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_median_is_the_middle_run() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), 2.5);
        assert_eq!(median(&[7.0]), 7.0);
        assert!(median(&[]).is_nan());
    }

    #[test]
    fn times_and_ratios_are_written_to_three_figures() {
        assert_eq!(time(1.234), "1.23 s");
        assert_eq!(time(0.5014), "501 ms");
        assert_eq!(time(0.01234), "12.3 ms");
        assert_eq!(time(0.001234), "1.23 ms");
        assert_eq!(time(0.000571), "571 µs");
        assert_eq!(time(0.00000085), "850 ns");
        assert_eq!(ratio(38.4), "38×");
        assert_eq!(ratio(7.14), "7.14×");
        assert_eq!(ratio(1.0), "1.00×");
        assert_eq!(ratio(0.456), "0.46×");
        assert_eq!(ratio(f64::INFINITY), "—");
        assert_eq!(trim(2.0), "2");
        assert_eq!(trim(3.1428), "3.14");
        assert_eq!(n(100_000), "100\u{202f}000");
        assert_eq!(n(999), "999");
    }

    #[test]
    fn the_floor_of_computing_is_total_work_shared_by_the_cores() {
        assert_eq!(best_speed_up(&[10, 10, 10, 10], 2), 2.0);
        assert_eq!(best_speed_up(&[10, 10, 10, 10], 8), 4.0);
        assert_eq!(best_speed_up(&[40, 10, 10], 8), 1.5);
        assert_eq!(best_speed_up(&[0, 0], 8), 1.0);
        assert_eq!(best_speed_up(&[], 8), 8.0);
    }

    fn measured(
        python: Option<Vec<Timings>>,
        rust: Vec<Timings>,
        e: &'static Experiment,
    ) -> Measured {
        Measured {
            experiment: e,
            size: e.full,
            rust,
            python,
        }
    }

    /// A line of the table, cell by cell, trimmed.
    fn cells(line: &str) -> Vec<&str> {
        let inner = line.trim().trim_start_matches('|').trim_end_matches('|');
        inner.split('|').map(str::trim).collect()
    }

    fn t(variant: &str, seconds: &[f64]) -> Timings {
        Timings {
            variant: variant.into(),
            seconds: seconds.to_vec(),
        }
    }

    fn experiment(name: &str) -> &'static Experiment {
        EXPERIMENTS
            .iter()
            .find(|e| e.name == name)
            .expect("the experiment is in the table")
    }

    #[test]
    fn floors_are_computed_per_side() {
        // Waits: 5 calls of 100 ms in sequence cannot beat 500 ms.
        let slow = measured(
            Some(vec![t("sequential", &[0.55]), t("threads", &[0.12])]),
            vec![t("sequential", &[0.5]), t("threads", &[0.1, 0.2, 0.1])],
            experiment("slow-calls"),
        );
        let rows = table_rows(&slow, 2);
        let floors: Vec<_> = rows.iter().map(|r| r.floor.clone()).collect();
        assert_eq!(
            floors,
            [
                Some(FloorFigures {
                    label: "500 ms (5 waits)".into(),
                    python: Some(0.55 / 0.5),
                    rust: 1.0
                }),
                Some(FloorFigures {
                    label: "100 ms (1 wait)".into(),
                    python: Some(0.12 / 0.1),
                    rust: 1.0
                }),
            ]
        );
        // Cores: each side's own sequential time, shared by 2 cores.
        let factorize = measured(
            Some(vec![t("sequential", &[0.8]), t("threads", &[0.8])]),
            vec![t("sequential", &[0.010]), t("threads", &[0.006])],
            experiment("factorize"),
        );
        let rows = table_rows(&factorize, 2);
        let header = table(&rows, true, false);
        let header = header.lines().next().unwrap_or_default();
        assert!(header.contains("| floor"), "{header}");
        assert!(
            !header.contains("best tool"),
            "no case here has one: {header}"
        );
        assert_eq!(rows[0].floor, None);
        let floor = rows[1].floor.clone().expect("the threaded row has a floor");
        assert_eq!(floor.label, "sequential ÷ 2");
        assert_eq!(floor.python, Some(2.0));
        assert!((floor.rust - 1.2).abs() < 1e-9, "{}", floor.rust);
    }

    #[test]
    fn a_second_best_tool_gets_a_row_of_its_own() {
        let counter = measured(
            Some(vec![t("lock", &[0.08])]),
            vec![
                t("mutex", &[0.012]),
                t("atomic", &[0.003]),
                t("parking_lot", &[0.009]),
            ],
            experiment("counter"),
        );
        let rows = table_rows(&counter, 2);
        let text = table(&rows, true, false);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 4, "{text}");
        assert!(lines[2].contains("| 80.0 ms | 12.0 ms |"), "{text}");
        assert!(lines[2].contains("6.67×"), "{text}");
        assert!(lines[2].contains("`AtomicU64::fetch_add`"), "{text}");
        // The mutex against the atomic: 12 ms ÷ 3 ms ...
        assert_eq!(cells(lines[2])[5..], ["3.00 ms", "4.00×"], "{text}");
        assert!(lines[3].contains("`parking_lot::Mutex`"), "{text}");
        // ... and, on the further tool's row, against that tool: 12 ÷ 9.
        assert_eq!(cells(lines[3])[5..], ["9.00 ms", "1.33×"], "{text}");
        assert_eq!(rows[1].rust, None, "the mutex's time is not repeated");
        // Every line has the same width and the same number of cells.
        let widths: Vec<usize> = lines.iter().map(|l| l.chars().count()).collect();
        assert!(widths.iter().all(|w| *w == widths[0]), "{text}");
        assert!(lines.iter().all(|l| l.matches(" |").count() == 7), "{text}");
        // No case here has a floor, so there are no floor columns.
        assert!(!lines[0].contains("floor"), "{text}");
    }

    #[test]
    fn without_python_the_table_has_the_rust_columns_alone() {
        let worker = measured(
            None,
            vec![
                t("worker", &[0.13]),
                t("fast", &[0.02]),
                t("crossbeam", &[0.17]),
                t("wake_ups", &[0.065]),
            ],
            experiment("worker"),
        );
        let rows = table_rows(&worker, 2);
        let text = table(&rows, false, true);
        let header = text.lines().next().unwrap_or_default();
        assert_eq!(
            header
                .split('|')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect::<Vec<_>>(),
            [
                "lesson",
                "case",
                "Rust",
                "best tool",
                "its time",
                "Rust ÷ best",
                "floor",
                "Rust ÷ floor"
            ]
        );
        let row = cells(text.lines().nth(2).unwrap_or_default());
        assert_eq!(row[0], "actors", "{text}");
        // 20 ms against crossbeam's 170 ms, and against 65 ms of wake-ups.
        assert_eq!(
            row[2..],
            [
                "20.0 ms",
                "crossbeam `bounded(1)` pair",
                "170 ms",
                "0.12×",
                "65.0 ms (2 wake-ups each)",
                "0.31×"
            ],
            "{text}"
        );
        let earlier = cells(text.lines().nth(3).unwrap_or_default());
        assert_eq!(earlier[3..], ["", "", "0.76×", "", "2.00×"], "{text}");
        assert!(!text.contains("Python"), "{text}");
    }

    #[test]
    fn a_missing_variant_leaves_its_cell_empty() {
        // Neither the final step (`fast`) nor the best tool was printed.
        let pipeline = measured(
            Some(vec![t("closable", &[0.9])]),
            vec![t("closable", &[0.15])],
            experiment("pipeline"),
        );
        let rows = table_rows(&pipeline, 2);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].rust, None);
        assert_eq!(rows[0].python_vs_rust, None);
        assert_eq!(rows[0].best, None);
        assert_eq!(rows[0].rust_vs_best, None);
        assert_eq!(rows[0].python, Some(0.9));
        // The earlier step still has its time, and Python's against it.
        assert_eq!(rows[1].rust, Some(0.15));
        assert!(
            rows[1]
                .python_vs_rust
                .is_some_and(|r| (r - 6.0).abs() < 1e-9)
        );
        assert_eq!(rows[1].rust_vs_best, None);
    }

    #[test]
    fn an_earlier_step_gets_a_row_set_against_the_same_python_best_and_floor() {
        let worker = measured(
            Some(vec![t("worker", &[0.4])]),
            vec![
                t("worker", &[0.13]),
                t("fast", &[0.02]),
                t("crossbeam", &[0.03]),
                t("wake_ups", &[0.065]),
            ],
            experiment("worker"),
        );
        let rows = table_rows(&worker, 2);
        assert_eq!(rows.len(), 2);
        // The case's row: the last step, `FastWorker`.
        let last = &rows[0];
        assert!(
            last.case.ends_with("section 9's `FastWorker`"),
            "{}",
            last.case
        );
        assert_eq!(
            (last.python, last.rust, last.best),
            (
                Some(0.4),
                Some(0.02),
                Some(("crossbeam `bounded(1)` pair", 0.03))
            )
        );
        let close = |got: Option<f64>, want: f64| got.is_some_and(|g| (g - want).abs() < 1e-9);
        assert!(close(last.python_vs_rust, 20.0), "{last:?}");
        assert!(close(last.rust_vs_best, 0.02 / 0.03), "{last:?}");
        let floor = last.floor.clone().expect("the worker has a floor");
        assert_eq!(floor.label, "65.0 ms (2 wake-ups each)");
        assert!(close(floor.python, 0.4 / 0.065) && close(Some(floor.rust), 0.02 / 0.065));
        // The earlier step: its own time, the same Python, tool and floor.
        let earlier = &rows[1];
        assert_eq!(earlier.case, "the same on section 4's `Worker`");
        assert_eq!((earlier.python, earlier.rust), (None, Some(0.13)));
        assert_eq!(earlier.best, None, "the tool is named once, above");
        assert!(close(earlier.python_vs_rust, 0.4 / 0.13), "{earlier:?}");
        assert!(close(earlier.rust_vs_best, 0.13 / 0.03), "{earlier:?}");
        let floor = earlier.floor.clone().expect("the case's floor");
        assert_eq!(floor.label, "");
        assert_eq!(floor.python, None, "Python's is the case's, above");
        assert!(close(Some(floor.rust), 2.0), "{floor:?}");
        // In the table: Python's cell and the tool's are empty, the ratios not.
        let text = table(&rows, true, false);
        assert_eq!(
            cells(text.lines().nth(3).unwrap_or_default()),
            [
                "the same on section 4's `Worker`",
                "",
                "130 ms",
                "3.08×",
                "",
                "",
                "4.33×",
                "",
                "",
                "2.00×",
            ],
            "{text}"
        );
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
            let row = &experiment(name).rows[0];
            assert_eq!(row.rust, last, "{name}");
            let variants: Vec<&str> = row.earlier.iter().map(|(v, _)| *v).collect();
            assert_eq!(variants, [earlier], "{name}");
            assert_eq!(row.best.first().map(|(v, _)| *v), Some(best), "{name}");
        }
    }

    #[test]
    fn equal_shares_are_held_to_the_whole_machine() {
        // Python's threads take the sequential time (the GIL); Rust's equal
        // shares take half of it on 2 cores: the floor itself.
        let factorize = measured(
            Some(vec![
                t("sequential", &[0.17]),
                t("threads", &[0.17]),
                t("shares", &[0.17]),
            ]),
            vec![
                t("sequential", &[0.0094]),
                t("threads", &[0.0056]),
                t("shares", &[0.0047]),
            ],
            experiment("factorize"),
        );
        let rows = table_rows(&factorize, 2);
        assert_eq!(rows.len(), 3);
        assert!(rows[2].case.contains("equal shares, one thread per core"));
        let floor = rows[2].floor.clone().expect("the shares' row has a floor");
        assert_eq!(floor.label, "sequential ÷ 2");
        assert_eq!(floor.python, Some(2.0));
        assert!((floor.rust - 1.0).abs() < 1e-9, "{}", floor.rust);
        // Four unequal numbers cannot be shared as well: 6.72 M divisions,
        // the longest 2.14 M, so at most 3.14 ways, and here 2 (the cores).
        // Equal shares use every core there is.
        let eight = table_rows(&factorize, 8);
        assert_eq!(
            eight[1].floor.clone().map(|f| f.label).as_deref(),
            Some("sequential ÷ 3.14")
        );
        assert_eq!(
            eight[2].floor.clone().map(|f| f.label).as_deref(),
            Some("sequential ÷ 8")
        );
    }
}
