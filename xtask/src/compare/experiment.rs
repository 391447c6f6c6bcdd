//! An experiment's facts, as its lesson's `lesson.toml` writes them once
//! (`[[experiment]]`, read with the rest of the lesson's facts by
//! `lessons.rs`, unknown keys refused), and the case text filled in from
//! what a run reported.
//!
//! ```toml
//! [[experiment]]
//! name = "slow-calls"                  # `compare slow-calls`, python/compare_slow_calls.py
//! size = "milliseconds each call waits"
//! full = 100                           # the book's tables
//! quick = 20                           # --quick (CI)
//!
//! [[experiment.row]]
//! case = "{calls} blocking calls of {size} ms, in sequence"
//! python = "sequential"                # the Python side's variant
//! rust = "sequential"                  # the lesson's own type (its last step)
//! floor = { waits = "calls" }
//! ```

use std::path::PathBuf;

use harness::compare::Report;
use serde::Deserialize;

/// One experiment: a Python program and the lesson's `examples/compare.rs`,
/// run at the same size, and the rows of the table their timings fill.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Experiment {
    /// The example's argument (`compare <name>`); the Python program is
    /// `python/compare_<name, with _ for ->.py`.
    pub name: String,
    /// What `--size` counts.
    pub size: String,
    /// The size handed to both sides for the book's tables ...
    pub full: u64,
    /// ... and for `--quick`.
    pub quick: u64,
    /// A row per case.
    #[serde(rename = "row")]
    pub rows: Vec<Row>,
}

/// One case of an experiment: a row of the table.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    /// What was measured. `{size}` stands for the size, `{<name>}` for a
    /// fact the Rust side reported (`fact <name> <text>`); a number is
    /// written with thin spaces between thousands.
    pub case: String,
    /// The Python side's variant.
    pub python: String,
    /// The Rust side's variant that runs the lesson's own type (its last
    /// step, where a later step made it fast).
    pub rust: String,
    /// The lesson's earlier steps at the same work: each gets a row of its
    /// own under the case, its ratios taken against the case's Python
    /// time, first best tool and floor.
    #[serde(default)]
    pub earlier: Vec<Step>,
    /// The best tools for the job, each measured by the Rust side.
    #[serde(default)]
    pub best: Vec<Tool>,
    /// The least time the work can take, whoever does it.
    #[serde(default)]
    pub floor: Option<Floor>,
}

/// An earlier step of the lesson's type.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// The Rust side's variant.
    pub variant: String,
    /// What the case column calls it (`{size}` and facts as in a case).
    pub case: String,
}

/// A best tool.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tool {
    /// The Rust side's variant.
    pub variant: String,
    /// How the table names it.
    pub name: String,
}

/// The least time the work can take, whoever does it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub enum Floor {
    /// `floor = { waits = N }`: this many waits of `size` ms, one after
    /// another (a number, or the name of the fact that counts them): a
    /// wait cannot end before its timeout.
    Waits(Count),
    /// `floor = "cores"`: work every core can share (many small jobs, or
    /// the work cut into equal shares, one per core): a side cannot beat
    /// its own `sequential` variant's time divided by the cores.
    Cores,
    /// `floor = { jobs = "<fact>" }`: one thread per job, the jobs' sizes
    /// listed by the fact: a side cannot beat its `sequential` time
    /// divided by `min(cores, total / longest)`.
    Jobs(String),
    /// `floor.measured = { variant, name, why }`: measured by the Rust side
    /// as `variant`; the table calls it `name`, and the legend says `why`
    /// it is a floor.
    Measured(MeasuredFloor),
}

/// How many waits: a number, or the name of a fact that is one.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Count {
    Number(u32),
    Fact(String),
}

/// A floor the Rust side measures.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasuredFloor {
    pub variant: String,
    pub name: String,
    pub why: String,
}

impl Experiment {
    /// The Python side, from the workspace root.
    pub fn python_program(&self, lesson: &str) -> PathBuf {
        PathBuf::from(format!(
            "crates/{lesson}/python/compare_{}.py",
            self.name.replace('-', "_")
        ))
    }
}

/// `text` with `{size}` and each `{<fact>}` written out, or which
/// placeholder the Rust side gave no fact for.
pub fn fill(text: &str, size: u64, report: &Report) -> Result<String, String> {
    let mut filled = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        filled.push_str(&rest[..open]);
        let close = rest[open..]
            .find('}')
            .map(|at| open + at)
            .ok_or_else(|| format!("`{text}`: a `{{` without its `}}`"))?;
        let name = &rest[open + 1..close];
        let value = if name == "size" {
            thousands(size)
        } else {
            let fact = report.fact(name).ok_or_else(|| {
                format!("`{text}` names {{{name}}}, which the Rust side did not report")
            })?;
            fact.parse()
                .map(thousands)
                .unwrap_or_else(|_| fact.to_owned())
        };
        filled.push_str(&value);
        rest = &rest[close + 1..];
    }
    filled.push_str(rest);
    Ok(filled)
}

/// A number with a thin space between thousands, as the book writes them.
pub fn thousands(number: u64) -> String {
    let digits = number.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(facts: &[(&str, &str)]) -> Report {
        Report {
            timings: vec![],
            facts: facts
                .iter()
                .map(|(n, t)| (n.to_string(), t.to_string()))
                .collect(),
        }
    }

    #[test]
    fn a_case_names_the_size_and_the_facts_the_rust_side_reported() {
        let facts = report(&[("threads", "1000"), ("nap", "100 ms"), ("numbers", "7, 12")]);
        assert_eq!(
            fill("{threads} threads of {size}, {nap}", 100_000, &facts).as_deref(),
            Ok("1\u{202f}000 threads of 100\u{202f}000, 100 ms")
        );
        assert_eq!(fill("of {numbers}", 1, &facts).as_deref(), Ok("of 7, 12"));
        assert_eq!(
            fill("no placeholder", 1, &facts).as_deref(),
            Ok("no placeholder")
        );
        let missing = fill("{calls} calls", 1, &facts).expect_err("no fact `calls`");
        assert!(missing.contains("{calls}"), "{missing}");
        assert!(fill("{size", 1, &facts).is_err());
    }

    #[test]
    fn thousands_are_set_apart_by_thin_spaces() {
        assert_eq!(thousands(100_000), "100\u{202f}000");
        assert_eq!(thousands(1_000_000), "1\u{202f}000\u{202f}000");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(0), "0");
    }

    #[test]
    fn every_kind_of_floor_is_read_and_an_unknown_key_refused() {
        let read = |floor: &str| {
            toml::from_str::<Row>(&format!(
                "case = \"c\"\npython = \"p\"\nrust = \"r\"\n{floor}"
            ))
        };
        let floor = |text: &str| read(text).map(|row| row.floor).map_err(|e| e.to_string());
        assert_eq!(
            floor("floor = { waits = 5 }"),
            Ok(Some(Floor::Waits(Count::Number(5))))
        );
        assert_eq!(
            floor("floor = { waits = \"calls\" }"),
            Ok(Some(Floor::Waits(Count::Fact("calls".into()))))
        );
        assert_eq!(floor("floor = \"cores\""), Ok(Some(Floor::Cores)));
        assert_eq!(
            floor("floor = { jobs = \"numbers\" }"),
            Ok(Some(Floor::Jobs("numbers".into())))
        );
        assert_eq!(
            floor("[floor.measured]\nvariant = \"v\"\nname = \"n\"\nwhy = \"w\""),
            Ok(Some(Floor::Measured(MeasuredFloor {
                variant: "v".into(),
                name: "n".into(),
                why: "w".into()
            })))
        );
        assert_eq!(floor(""), Ok(None));
        for typo in [
            "flor = \"cores\"",
            "floor = \"core\"",
            "best = [{ variant = \"v\", nmae = \"n\" }]",
            "earlier = [{ variant = \"v\", name = \"n\" }]",
            "[floor.measured]\nvariant = \"v\"\nname = \"n\"",
        ] {
            assert!(read(typo).is_err(), "{typo}");
        }
    }
}
