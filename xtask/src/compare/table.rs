//! The figures as one Markdown table, padded so that it reads in a terminal
//! and in the book alike, and the legend under it.
//!
//! A row per case: the Python time; the Rust time (the lesson's own type);
//! how many times longer Python took; the best tool, its time, and the
//! lesson's type against it; and, where the work has a floor, the floor and
//! how close each side came to it. Under a case, a row for each further
//! best tool, then one for each of the lesson's earlier steps, set against
//! the case's Python time, first best tool and floor. A column no row
//! fills is left out.
//!
//! The layout is `tabled`'s Markdown style; what is ours is which cells a
//! row fills and that figures are right-aligned (`---:` in the rule, so the
//! book aligns them too).

use tabled::builder::Builder;
use tabled::grid::config::Offset;
use tabled::settings::object::{Columns, Object, Rows};
use tabled::settings::style::{LineChar, Style};
use tabled::settings::{Alignment, Modify};

use super::experiment::{Experiment, Floor};
use super::figures::Figures;
use super::words::Words;

/// One line of the table, every time in seconds.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub lesson: String,
    pub case: String,
    pub python: Option<f64>,
    pub rust: Option<f64>,
    /// Python's time over this row's Rust time (on an earlier step's row,
    /// the case's Python time over that step's).
    pub python_vs_rust: Option<f64>,
    pub best: Option<(String, f64)>,
    /// This row's Rust time over the best tool's: the case's first best
    /// tool, or, on a further best tool's row, that tool.
    pub rust_vs_best: Option<f64>,
    /// The floor's name (empty on an earlier step's row: the case's, above).
    pub floor: Option<String>,
    pub python_vs_floor: Option<f64>,
    pub rust_vs_floor: Option<f64>,
}

fn over(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    a.zip(b).map(|(a, b)| a / b)
}

/// The table's lines for these figures.
pub fn rows(figures: &[Figures]) -> Vec<TableRow> {
    let mut rows = Vec::new();
    for f in figures {
        let first_best = f.best.first().and_then(|t| t.seconds);
        let rust_vs_floor = f
            .floor
            .as_ref()
            .and_then(|floor| over(f.rust_seconds, floor.rust_seconds));
        if f.earlier_step {
            rows.push(TableRow {
                lesson: f.lesson.clone(),
                case: f.case.clone(),
                python: None,
                rust: f.rust_seconds,
                python_vs_rust: over(f.python_seconds, f.rust_seconds),
                best: None,
                rust_vs_best: over(f.rust_seconds, first_best),
                // Python's own floor ratio is the case's, on the row above.
                floor: f.floor.as_ref().map(|_| String::new()),
                python_vs_floor: None,
                rust_vs_floor,
            });
            continue;
        }
        rows.push(TableRow {
            lesson: f.lesson.clone(),
            case: f.case.clone(),
            python: f.python_seconds,
            rust: f.rust_seconds,
            python_vs_rust: over(f.python_seconds, f.rust_seconds),
            best: f
                .best
                .first()
                .and_then(|t| t.seconds.map(|s| (t.tool.clone(), s))),
            rust_vs_best: over(f.rust_seconds, first_best),
            floor: f.floor.as_ref().map(|floor| floor.name.clone()),
            python_vs_floor: f
                .floor
                .as_ref()
                .and_then(|floor| over(f.python_seconds, floor.python_seconds)),
            rust_vs_floor,
        });
        for tool in f.best.iter().skip(1) {
            rows.push(TableRow {
                lesson: f.lesson.clone(),
                case: String::new(),
                python: None,
                rust: None,
                python_vs_rust: None,
                best: tool.seconds.map(|s| (tool.tool.clone(), s)),
                rust_vs_best: over(f.rust_seconds, tool.seconds),
                floor: None,
                python_vs_floor: None,
                rust_vs_floor: None,
            });
        }
    }
    rows
}

/// The table, as Markdown with padded columns, its headers in `words`'
/// language (the rows come in theirs).
pub fn table(rows: &[TableRow], with_python: bool, with_lesson: bool, words: &Words) -> String {
    let with_best = rows.iter().any(|r| r.best.is_some());
    let with_floor = rows.iter().any(|r| r.floor.is_some());
    type Cell = fn(&TableRow) -> String;
    fn figure(value: Option<f64>, show: fn(f64) -> String) -> String {
        value.map(show).unwrap_or_default()
    }
    // (shown, header, right-aligned, cell)
    let columns: [(bool, String, bool, Cell); 11] = [
        // i18n: a column of the "What it costs" tables: the lesson a row measures.
        (with_lesson, words.tr("lesson"), false, |r| r.lesson.clone()),
        // i18n: a column of the "What it costs" tables: what was measured.
        (true, words.tr("case"), false, |r| r.case.clone()),
        // i18n: a column of the "What it costs" tables: Python's time.
        (with_python, words.tr("Python"), true, |r| {
            figure(r.python, time)
        }),
        // i18n: a column of the "What it costs" tables: Rust's time.
        (true, words.tr("Rust"), true, |r| figure(r.rust, time)),
        // i18n: a column of the "What it costs" tables: how many times longer Python took.
        (with_python, words.tr("Python ÷ Rust"), true, |r| {
            figure(r.python_vs_rust, ratio)
        }),
        // i18n: a column of the "What it costs" tables: the best tool for the job.
        (with_best, words.tr("best tool"), false, |r| {
            r.best
                .as_ref()
                .map(|(tool, _)| tool.clone())
                .unwrap_or_default()
        }),
        // i18n: a column of the "What it costs" tables: the best tool's time.
        (with_best, words.tr("its time"), true, |r| {
            figure(r.best.as_ref().map(|(_, t)| *t), time)
        }),
        // i18n: a column of the "What it costs" tables: the lesson's time over the best tool's.
        (with_best, words.tr("Rust ÷ best"), true, |r| {
            figure(r.rust_vs_best, ratio)
        }),
        // i18n: a column of the "What it costs" tables: the least time the work can take.
        (with_floor, words.tr("floor"), false, |r| {
            r.floor.clone().unwrap_or_default()
        }),
        // i18n: a column of the "What it costs" tables: Python's time over the floor.
        (
            with_floor && with_python,
            words.tr("Python ÷ floor"),
            true,
            |r| figure(r.python_vs_floor, ratio),
        ),
        // i18n: a column of the "What it costs" tables: Rust's time over the floor.
        (with_floor, words.tr("Rust ÷ floor"), true, |r| {
            figure(r.rust_vs_floor, ratio)
        }),
    ];
    let columns: Vec<(String, bool, Cell)> = columns
        .into_iter()
        .filter(|(shown, ..)| *shown)
        .map(|(_, header, right, cell)| (header, right, cell))
        .collect();

    let mut builder = Builder::default();
    builder.push_record(columns.iter().map(|(header, ..)| header.clone()));
    let mut previous_lesson = None;
    for row in rows {
        let mut cells: Vec<String> = columns.iter().map(|(.., cell)| cell(row)).collect();
        // The lesson is named once, on its first row.
        if with_lesson && previous_lesson == Some(&row.lesson) {
            cells[0].clear();
        }
        previous_lesson = Some(&row.lesson);
        builder.push_record(cells);
    }
    let mut table = builder.build();
    // `| --- | ---: |`: the rule is padded like a row, and a figure's
    // column ends in `:`.
    table
        .with(Style::markdown())
        .with(Modify::new(Rows::one(1)).with((
            LineChar::horizontal(' ', Offset::Start(0)),
            LineChar::horizontal(' ', Offset::End(0)),
        )));
    for (index, (_, right, _)) in columns.iter().enumerate() {
        if *right {
            table
                .modify(Columns::one(index), Alignment::right())
                .modify(
                    Rows::one(1).intersect(Columns::one(index)),
                    LineChar::horizontal(':', Offset::End(1)),
                );
        }
    }
    format!("{table}\n")
}

/// What the columns mean, for the rows and floors these experiments have,
/// in `words`' language.
pub fn legend(experiments: &[&Experiment], with_python: bool, words: &Words) -> String {
    let rows = || experiments.iter().flat_map(|e| &e.rows);
    let floors = || rows().filter_map(|r| r.floor.as_ref());
    let mut notes = Vec::new();
    if with_python {
        // i18n: the legend under a "What it costs" table, one sentence (or two) a message.
        notes.push(words.tr("Python ÷ Rust: how many times longer Python took."));
    }
    if rows().any(|r| !r.best.is_empty()) {
        notes.push(words.tr(
            "Rust ÷ best: how many times longer the lesson's type took than the best tool \
             (under 1.00×, it was faster); on a further tool's row, than that tool.",
        ));
    }
    if rows().any(|r| !r.earlier.is_empty()) {
        notes.push(words.tr(
            "Where a later step of the lesson made its type fast, the Rust column is that \
             step, and each earlier step has a row of its own below it (\"the same on …\"), \
             set against the same Python run, best tool and floor.",
        ));
    }
    if floors().next().is_some() {
        notes.push(words.tr(
            "The floor is the least time the work can take, whoever does it; \
             \"÷ floor\" is how many floors each side took (1.00× is the floor itself).",
        ));
    }
    if floors().any(|f| matches!(f, Floor::Waits(_))) {
        notes.push(words.tr("A wait cannot end before its timeout."));
    }
    if floors().any(|f| matches!(f, Floor::Cores | Floor::Jobs(_))) {
        notes.push(words.tr(
            "Computing cannot beat the same side's sequential time shared by every core \
             (at most total work ÷ longest job: one thread must do the longest alone).",
        ));
    }
    for floor in floors() {
        if let Floor::Measured(measured) = floor {
            let why = words.text(&measured.why);
            if !notes.contains(&why) {
                notes.push(why);
            }
        }
    }
    notes.join(" ")
}

/// A time in seconds, to three significant figures, in the unit that
/// suits it: `1.23 s`, `501 ms`, `12.3 ms`, `571 µs`, `850 ns`.
pub fn time(seconds: f64) -> String {
    let (value, unit) = if seconds >= 1.0 {
        (seconds, "s")
    } else if seconds >= 1e-3 {
        (seconds * 1e3, "ms")
    } else if seconds >= 1e-6 {
        (seconds * 1e6, "µs")
    } else {
        (seconds * 1e9, "ns")
    };
    let value = if value >= 100.0 {
        format!("{value:.0}")
    } else if value >= 10.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.2}")
    };
    format!("{value} {unit}")
}

/// A ratio to two or three significant figures: `38×`, `7.14×`, `1.02×`.
pub fn ratio(value: f64) -> String {
    if !value.is_finite() {
        return "—".to_owned();
    }
    if value >= 10.0 {
        format!("{value:.0}×")
    } else {
        format!("{value:.2}×")
    }
}

#[cfg(test)]
mod tests {
    use super::super::figures::tests::{experiment, measured, report};
    use super::*;

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
    }

    /// A line of the table, cell by cell, trimmed.
    fn cells(line: &str) -> Vec<&str> {
        let inner = line.trim().trim_start_matches('|').trim_end_matches('|');
        inner.split('|').map(str::trim).collect()
    }

    fn line(text: &str, n: usize) -> Vec<&str> {
        cells(text.lines().nth(n).unwrap_or_default())
    }

    #[test]
    fn the_table_is_padded_markdown_with_figures_right_aligned() {
        let slow = experiment("slow-calls");
        let m = measured(
            &slow,
            Some(report(
                &[("sequential", &[0.501]), ("threads", &[0.101])],
                &[],
            )),
            report(
                &[("sequential", &[0.5011]), ("threads", &[0.1012])],
                &[("calls", "5")],
            ),
        );
        let text = table(
            &rows(&m.figures(2).expect("filled")),
            true,
            false,
            &Words::english(),
        );
        // Byte for byte what the book's recorded tables look like.
        assert_eq!(
            text,
            "\
| case                                        | Python |   Rust | Python ÷ Rust | floor            | Python ÷ floor | Rust ÷ floor |
| ------------------------------------------- | -----: | -----: | ------------: | ---------------- | -------------: | -----------: |
| 5 blocking calls of 100 ms, in sequence     | 501 ms | 501 ms |         1.00× | 500 ms (5 waits) |          1.00× |        1.00× |
| 5 blocking calls of 100 ms, one thread each | 101 ms | 101 ms |         1.00× | 100 ms (1 wait)  |          1.01× |        1.01× |
"
        );
    }

    #[test]
    fn a_second_best_tool_gets_a_row_of_its_own() {
        let counter = experiment("counter");
        let m = measured(
            &counter,
            Some(report(&[("lock", &[0.08])], &[])),
            report(
                &[
                    ("mutex", &[0.012]),
                    ("atomic", &[0.003]),
                    ("parking_lot", &[0.009]),
                ],
                &[("threads", "5")],
            ),
        );
        let text = table(
            &rows(&m.figures(2).expect("filled")),
            true,
            false,
            &Words::english(),
        );
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 4, "{text}");
        assert_eq!(
            line(&text, 2),
            [
                "5 threads each add 1 100\u{202f}000 times under a lock",
                "80.0 ms",
                "12.0 ms",
                "6.67×",
                "`AtomicU64::fetch_add`",
                "3.00 ms",
                "4.00×"
            ],
            "{text}"
        );
        // On the further tool's row, the mutex against that tool: 12 ÷ 9.
        assert_eq!(
            line(&text, 3),
            ["", "", "", "", "`parking_lot::Mutex`", "9.00 ms", "1.33×"],
            "{text}"
        );
        // Every line has the same width and the same number of cells.
        let widths: Vec<usize> = lines.iter().map(|l| l.chars().count()).collect();
        assert!(widths.iter().all(|w| *w == widths[0]), "{text}");
        assert!(lines.iter().all(|l| l.matches(" |").count() == 7), "{text}");
        // No case here has a floor, so there are no floor columns.
        assert!(!lines[0].contains("floor"), "{text}");
    }

    #[test]
    fn without_python_the_table_has_the_rust_columns_alone() {
        let worker = experiment("worker");
        let m = measured(
            &worker,
            None,
            report(
                &[
                    ("worker", &[0.13]),
                    ("fast", &[0.02]),
                    ("crossbeam", &[0.17]),
                    ("wake_ups", &[0.065]),
                ],
                &[],
            ),
        );
        let mut figures = m.figures(2).expect("filled");
        for f in &mut figures {
            f.lesson = "actors".into();
        }
        let text = table(&rows(&figures), false, true, &Words::english());
        assert_eq!(
            line(&text, 0),
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
        // 20 ms against crossbeam's 170 ms, and against 65 ms of wake-ups.
        assert_eq!(
            line(&text, 2)[2..],
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
        assert_eq!(line(&text, 2)[0], "actors", "{text}");
        // The earlier step: the lesson is not named again, nor the tool or
        // the floor; its ratios are its own.
        assert_eq!(
            line(&text, 3),
            [
                "",
                "the same on `Worker`",
                "130 ms",
                "",
                "",
                "0.76×",
                "",
                "2.00×"
            ],
            "{text}"
        );
        assert!(!text.contains("Python"), "{text}");
    }

    #[test]
    fn an_earlier_step_is_set_against_the_cases_python_tool_and_floor() {
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
        let text = table(
            &rows(&m.figures(2).expect("filled")),
            true,
            false,
            &Words::english(),
        );
        assert_eq!(
            line(&text, 2)[1..],
            [
                "400 ms",
                "20.0 ms",
                "20×",
                "crossbeam `bounded(1)` pair",
                "30.0 ms",
                "0.67×",
                "65.0 ms (2 wake-ups each)",
                "6.15×",
                "0.31×"
            ],
            "{text}"
        );
        assert_eq!(
            line(&text, 3),
            [
                "the same on `Worker`",
                "",
                "130 ms",
                "3.08×",
                "",
                "",
                "4.33×",
                "",
                "",
                "2.00×"
            ],
            "{text}"
        );
    }

    #[test]
    fn a_missing_variant_leaves_its_cell_empty() {
        let worker = experiment("worker");
        let m = measured(
            &worker,
            Some(report(&[("worker", &[0.9])], &[])),
            report(&[("worker", &[0.15])], &[]),
        );
        let rows = rows(&m.figures(2).expect("filled"));
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].python, rows[0].rust), (Some(0.9), None));
        assert_eq!(
            (rows[0].python_vs_rust, rows[0].best.as_ref()),
            (None, None)
        );
        assert_eq!(rows[0].floor, None);
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
    fn the_legend_says_only_what_the_table_shows() {
        let (slow, worker) = (experiment("slow-calls"), experiment("worker"));
        let waits = legend(&[&slow], false, &Words::english());
        assert!(
            waits.contains("A wait cannot end before its timeout."),
            "{waits}"
        );
        assert!(
            !waits.contains("Python") && !waits.contains("best tool"),
            "{waits}"
        );
        let both = legend(&[&slow, &worker, &worker], true, &Words::english());
        assert!(both.starts_with("Python ÷ Rust"), "{both}");
        assert_eq!(both.matches("Two wake-ups.").count(), 1, "{both}");
        assert!(!both.contains("Computing"), "{both}");
    }
}
