//! `--record`: the figures written into the book,
//! `book/src/measured/<lesson>.json` (and `all.json` when every experiment
//! ran), each headed by the machine it was measured on, and each lesson's
//! chart drawn from that JSON (`<lesson>.svg` and `<lesson>.narrow.svg`,
//! see `pictures::chart`), which `cargo xtask pictures --render` draws again
//! from the JSON alone. The tables are not written here: the book builds
//! them from the JSON, in each edition's language (`{{#measured <lesson>}}`,
//! see `measured.rs`).

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::figures::Figures;
use super::words::{self, Words};
use crate::i18n;
use crate::pictures::chart::{Chart, FRAMES, draw as chart_svg};
use crate::{Result, fail};

/// What a recording's `.json` holds.
#[derive(Debug, Serialize, Deserialize)]
pub struct Recorded {
    /// The sentence above the table: the machine, its idleness, Python's
    /// version, the number of runs ([`machine`]; the book reads its
    /// figures back out to write it in another language).
    pub machine: String,
    /// The day it was measured (UTC), `YYYY-MM-DD`.
    pub date: String,
    pub rows: Vec<Figures>,
}

/// Writes `<name>.json` into `dir`, and a lesson's chart drawn from it
/// (not `all`'s: the chapters chart their own rows); returns what was
/// written, for the log.
pub fn write(dir: &Path, name: &str, recorded: &Recorded) -> Result<String> {
    let json = serde_json::to_string_pretty(recorded)
        .map_err(|e| fail(format!("{name}.json: {e}")))?
        + "\n";
    let chart = if name == "all" {
        Vec::new()
    } else {
        let chart = Chart::from_compare(&json).map_err(|e| fail(format!("{name}.json: {e}")))?;
        FRAMES
            .iter()
            .map(|frame| {
                (
                    dir.join(format!("{name}.{}", frame.extension)),
                    chart_svg(&chart, *frame),
                )
            })
            .collect()
    };
    let drawn = !chart.is_empty();
    let files = [(dir.join(format!("{name}.json")), json)];
    for (path, text) in files.into_iter().chain(chart) {
        fs::write(&path, text).map_err(|e| fail(format!("{}: {e}", path.display())))?;
    }
    Ok(if drawn {
        format!("measured/{name}.json and its chart, .svg")
    } else {
        format!("measured/{name}.json")
    })
}

/// The machine a recording was made on, in one sentence.
///
/// How busy the machine was is read once, before the first case, as the
/// share of CPU time that went idle over one second: the cases themselves
/// make the machine busy (and the load average, which counts runnable
/// threads over the last minutes, is still raised by a run that just ended,
/// such as `async-tasks`' crowd of a thousand threads waking at once).
pub fn machine(python: &str, cores: usize, runs: usize, idle: Option<String>) -> String {
    let version = Command::new(python)
        .arg("--version")
        .output()
        .ok()
        .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_owned())
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| "Python".to_owned());
    let english = Words::english();
    let idle = idle
        .map(|share| i18n::fill(&words::idle(&english), &[("share", &share)]))
        .unwrap_or_default();
    i18n::fill(
        &words::machine(&english),
        &[
            ("cpu", &cpu_model()),
            ("cores", &cores),
            ("idle", &idle),
            ("python", &version),
            ("runs", &runs),
        ],
    )
}

/// The share of all cores' time spent idle over the next second, as
/// `97%`, where `/proc/stat` tells it (Linux).
///
/// Read by hand, not with `procfs`: two numbers of one line are all it
/// needs, and `procfs` builds on Linux only, so the task runner (which
/// learners build on macOS too) would need a target-specific dependency and
/// `cfg`s around this function for what is here ten lines that return
/// `None` elsewhere.
pub fn idle_share() -> Option<String> {
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
    std::thread::sleep(Duration::from_secs(1));
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

/// Today's date in UTC, `YYYY-MM-DD`.
pub fn today() -> String {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    date(seconds / 86_400)
}

/// The civil date `days` after 1970-01-01 (Howard Hinnant's
/// `civil_from_days`, for the proleptic Gregorian calendar).
fn date(days: u64) -> String {
    let z = days + 719_468;
    let era = z / 146_097;
    let day_of_era = z % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153; // March is 0
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::super::figures::{FloorFigures, ToolFigures};
    use super::*;

    #[test]
    fn days_since_the_epoch_are_civil_dates() {
        assert_eq!(date(0), "1970-01-01");
        assert_eq!(date(59), "1970-03-01");
        assert_eq!(date(11_016), "2000-02-29");
        assert_eq!(date(11_017), "2000-03-01");
        assert_eq!(date(19_782), "2024-02-29");
        assert_eq!(date(20_453), "2025-12-31");
        assert_eq!(today().len(), 10);
    }

    #[test]
    fn a_recording_writes_the_figures_as_json_and_the_chart_drawn_from_them() {
        let dir = std::env::temp_dir().join(format!("xtask-record-{}", std::process::id()));
        fs::create_dir_all(&dir).expect("a temp dir");
        let figures = vec![Figures {
            lesson: "actors".into(),
            experiment: "worker".into(),
            size: 20_000,
            case: "round trips".into(),
            earlier_step: false,
            python_seconds: Some(1.04),
            rust_seconds: Some(0.0206),
            best: vec![ToolFigures {
                tool: "crossbeam".into(),
                seconds: Some(0.0502),
            }],
            floor: Some(FloorFigures {
                name: "526 ms (2 wake-ups each)".into(),
                python_seconds: Some(0.526),
                rust_seconds: Some(0.526),
            }),
        }];
        let recorded = Recorded {
            machine: "Measured on a test.".into(),
            date: "2025-01-02".into(),
            rows: figures,
        };
        let written = write(&dir, "actors", &recorded);
        assert_eq!(
            written.ok().as_deref(),
            Some("measured/actors.json and its chart, .svg")
        );
        // The chart is drawn from the JSON just written: the same bytes
        // as `pictures --render` draws from it.
        let json_text = fs::read_to_string(dir.join("actors.json")).unwrap_or_default();
        let chart = Chart::from_compare(&json_text).expect("the JSON is a chart's");
        for frame in FRAMES {
            let svg = fs::read_to_string(dir.join(format!("actors.{}", frame.extension)));
            assert_eq!(svg.ok(), Some(chart_svg(&chart, frame)));
        }
        // No table: the book builds it from the JSON.
        assert!(!dir.join("actors.md").exists());
        let json: serde_json::Value = serde_json::from_str(&json_text).expect("the JSON parses");
        assert_eq!(json["date"], "2025-01-02");
        assert_eq!(json["machine"], "Measured on a test.");
        let row = &json["rows"][0];
        assert_eq!(row["python_seconds"], 1.04);
        assert_eq!(row["earlier_step"], false);
        assert_eq!(row["best"][0]["tool"], "crossbeam");
        assert_eq!(row["floor"]["rust_seconds"], 0.526);
        // What is written is read back as it was.
        let back: Recorded = serde_json::from_str(&json_text).expect("a recording");
        assert_eq!(back.rows, recorded.rows);
        assert_eq!(
            write(&dir, "all", &back).ok().as_deref(),
            Some("measured/all.json")
        );
        assert!(!dir.join("all.svg").exists());
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_machine_sentence_is_its_template_filled_in() {
        let sentence = machine("python3", 2, 5, Some("97%".into()));
        let values =
            words::unfill_where(&words::machine(&Words::english()), &sentence, &|_, _| true)
                .expect("the template made it");
        let value = |name: &str| {
            values
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        };
        assert_eq!(value("cores"), Some("2"));
        assert_eq!(value("runs"), Some("5"));
        assert_eq!(
            value("idle"),
            Some("; 97% idle in the second before the first case")
        );
        assert!(
            value("python").is_some_and(|p| p.starts_with("Python")),
            "{sentence}"
        );
        let without = machine("python3", 1, 5, None);
        assert!(!without.contains("idle"), "{without}");
    }
}
