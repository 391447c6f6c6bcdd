//! `--record`: the tables written into the book, `book/src/measured/<lesson>.md`
//! (and `all.md` when every experiment ran), each headed by the machine it
//! was measured on, the same figures beside each as JSON (`<lesson>.json`,
//! `all.json`), and each lesson's chart drawn from that JSON
//! (`<lesson>.svg` and `<lesson>.narrow.svg`, see `pictures::chart`), which
//! `cargo xtask pictures --render` draws again from the JSON alone.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::Serialize;

use super::figures::Figures;
use super::table::{self, TableRow};
use crate::pictures::chart::{Chart, FRAMES, draw as chart_svg};
use crate::{Result, fail};

/// What a `.json` beside a table holds.
#[derive(Debug, Serialize)]
pub struct Recorded<'a> {
    /// The sentence above the table: the machine, its idleness, Python's
    /// version, the number of runs.
    pub machine: &'a str,
    /// The day it was measured (UTC), `YYYY-MM-DD`.
    pub date: &'a str,
    pub rows: &'a [Figures],
}

/// Writes `<name>.md` (the machine, the table, the legend) and
/// `<name>.json` into `dir`, and a lesson's chart (not `all`'s: the
/// chapters chart their own rows); returns what was written, for the log.
pub fn write(
    dir: &Path,
    name: &str,
    recorded: &Recorded<'_>,
    table_rows: &[TableRow],
    legend: &str,
) -> Result<String> {
    let with_lesson = name == "all";
    let markdown = format!(
        "<!-- Written by `cargo xtask compare --record`; run it again rather than editing. -->\n\n\
         {}\n\n{}\n{legend}\n",
        recorded.machine,
        table::table(table_rows, true, with_lesson)
    );
    let json = serde_json::to_string_pretty(recorded)
        .map_err(|e| fail(format!("{name}.json: {e}")))?
        + "\n";
    let chart = if with_lesson {
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
    let files = [
        (dir.join(format!("{name}.md")), markdown),
        (dir.join(format!("{name}.json")), json),
    ];
    for (path, text) in files.into_iter().chain(chart) {
        fs::write(&path, text).map_err(|e| fail(format!("{}: {e}", path.display())))?;
    }
    Ok(if drawn {
        format!("measured/{name}.md, .json and its chart, .svg")
    } else {
        format!("measured/{name}.md and .json")
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
    let idle = idle
        .map(|idle| format!("; {idle} idle in the second before the first case"))
        .unwrap_or_default();
    format!(
        "Measured on {} ({cores} cores{idle}) with {version} and a release build of the Rust; \
         each time is the median of {runs} runs.",
        cpu_model()
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
    fn a_recording_writes_the_table_and_its_figures_as_json() {
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
            machine: "Measured on a test.",
            date: "2025-01-02",
            rows: &figures,
        };
        let rows = table::rows(&figures);
        let written = write(&dir, "actors", &recorded, &rows, "The legend.");
        assert_eq!(
            written.ok().as_deref(),
            Some("measured/actors.md, .json and its chart, .svg")
        );
        // The chart is drawn from the JSON just written: the same bytes
        // as `pictures --render` draws from it.
        let json_text = fs::read_to_string(dir.join("actors.json")).unwrap_or_default();
        let chart = Chart::from_compare(&json_text).expect("the JSON is a chart's");
        for frame in FRAMES {
            let svg = fs::read_to_string(dir.join(format!("actors.{}", frame.extension)));
            assert_eq!(svg.ok(), Some(chart_svg(&chart, frame)));
        }
        let markdown = fs::read_to_string(dir.join("actors.md")).unwrap_or_default();
        assert!(markdown.starts_with("<!-- Written by `cargo xtask compare --record`"));
        assert!(
            markdown.contains("\n\nMeasured on a test.\n\n| case "),
            "{markdown}"
        );
        assert!(markdown.ends_with("|\n\nThe legend.\n"), "{markdown}");
        let json: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(dir.join("actors.json")).unwrap_or_default())
                .expect("the JSON parses");
        assert_eq!(json["date"], "2025-01-02");
        assert_eq!(json["machine"], "Measured on a test.");
        let row = &json["rows"][0];
        assert_eq!(row["python_seconds"], 1.04);
        assert_eq!(row["earlier_step"], false);
        assert_eq!(row["best"][0]["tool"], "crossbeam");
        assert_eq!(row["floor"]["rust_seconds"], 0.526);
        let _ = fs::remove_dir_all(&dir);
    }
}
