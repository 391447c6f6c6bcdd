//! Charts of what it costs: each chapter's "What it costs" figures drawn as
//! bars, from the figures recorded in the book, never measured again.
//!
//! A chapter's chart is `book/src/measured/<lesson>.svg` (and
//! `<lesson>.narrow.svg` for a phone), drawn from one of:
//!
//! - `<lesson>.json`, which `cargo xtask compare --record` writes beside
//!   the table it includes (`<lesson>.md`): one run of Python, the lesson's
//!   Rust (and its earlier steps), the best tools and the floor. `--record`
//!   draws the chart as it writes the table.
//! - `<lesson>.toml`, for a chapter whose figures come from a benchmark
//!   run and not from `compare`: the figures of the chapter's table,
//!   written by hand, with where and when they were measured.
//!
//! `cargo xtask pictures --render` draws every chart again from its data
//! and `--check` checks that each is what its data draws, that every
//! chapter's "What it costs" shows its chart, and that every chart it names
//! has its data. A chapter shows one with `{{#chart <lesson>}}`
//! ([`figure`]). The drawing is `chart_svg.rs`.

use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::chart_svg;
pub use super::chart_svg::draw;
pub use super::layout::FRAMES;
use super::layout::{NARROW, NARROW_BELOW_PX, escape};
use crate::compare::time;
use crate::i18n::fill;
use crate::{Result, fail, lessons};

/// What a bar is, and so how it is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Python,
    /// The lesson's Rust: its final step.
    Rust,
    /// An earlier step of the lesson's type.
    Earlier,
    /// A tool the lesson's type is set against.
    Best,
    /// The least the work can take.
    Floor,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bar {
    /// What it is, `code` in backticks.
    pub label: String,
    pub kind: Kind,
    pub seconds: f64,
    /// A benchmark's low and high estimates, drawn as a whisker.
    #[serde(default)]
    pub range: Option<(f64, f64)>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// The case, or the benchmark group's claim.
    pub heading: String,
    #[serde(rename = "bar")]
    pub bars: Vec<Bar>,
}

/// A chart, as drawn: one axis of time for all its groups of bars.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chart {
    pub title: String,
    /// Where and when the figures were measured, in sentences.
    pub recorded: String,
    #[serde(rename = "group")]
    pub groups: Vec<Group>,
}

/// What `compare --record` writes (`record.rs`'s `Recorded`), read back.
#[derive(Debug, Deserialize)]
struct Recorded {
    machine: String,
    date: String,
    rows: Vec<Row>,
}

#[derive(Debug, Deserialize)]
struct Row {
    lesson: String,
    case: String,
    earlier_step: bool,
    python_seconds: Option<f64>,
    rust_seconds: Option<f64>,
    best: Vec<Tool>,
    floor: Option<Floor>,
}

#[derive(Debug, Deserialize)]
struct Tool {
    tool: String,
    seconds: Option<f64>,
}

#[derive(Debug, Deserialize)]
struct Floor {
    name: String,
    python_seconds: Option<f64>,
    rust_seconds: Option<f64>,
}

impl Chart {
    /// The chart of a table `compare --record` wrote, from its JSON.
    pub fn from_compare(json: &str) -> std::result::Result<Chart, String> {
        let recorded: Recorded =
            serde_json::from_str(json).map_err(|e| format!("not what compare writes: {e}"))?;
        let lesson = recorded.rows.first().map_or("", |r| r.lesson.as_str());
        let mut groups: Vec<Group> = Vec::new();
        let mut rows = recorded.rows.iter().peekable();
        while let Some(row) = rows.next() {
            let mut earlier = Vec::new();
            while let Some(next) = rows.next_if(|r| r.earlier_step) {
                earlier.push(next);
            }
            groups.push(group_of(row, &earlier));
        }
        if groups.iter().all(|g| g.bars.is_empty()) {
            return Err("no figures to draw".into());
        }
        Ok(Chart {
            title: format!("What it costs, in one run: `cargo xtask compare {lesson}`"),
            recorded: format!(
                "Recorded {} by `cargo xtask compare --record`. {}",
                recorded.date, recorded.machine
            ),
            groups,
        })
    }

    /// A chart written by hand (`<lesson>.toml`).
    pub fn from_toml(text: &str) -> std::result::Result<Chart, String> {
        let chart: Chart = toml::from_str(text).map_err(|e| e.to_string())?;
        for bar in chart.groups.iter().flat_map(|g| &g.bars) {
            let (low, high) = bar.range.unwrap_or((bar.seconds, bar.seconds));
            if !(0.0 < low && low <= bar.seconds && bar.seconds <= high) {
                return Err(format!(
                    "bar `{}`: {} s is not a positive time within its range",
                    bar.label, bar.seconds
                ));
            }
        }
        if chart.groups.iter().all(|g| g.bars.is_empty()) {
            return Err("no figures to draw".into());
        }
        Ok(chart)
    }

    /// What the chart shows, in words: its `<desc>` and the image's alt
    /// text. Every figure is in it.
    pub fn description(&self) -> String {
        self.description_in(&|text| text.to_owned())
    }

    /// [`Chart::description`] in an edition's language: its sentences and
    /// the bars' kinds through `translate`; a case's or a tool's name
    /// through it too, as written where it has no translation.
    pub fn description_in(&self, translate: &dyn Fn(&str) -> String) -> String {
        let tr = |msgid: &str| translate(msgid);
        let scale = if chart_svg::Scale::of(self).is_log() {
            // i18n: a chart's alt text: the kind of its time axis.
            tr("log scale")
        } else {
            // i18n: a chart's alt text: the kind of its time axis.
            tr("linear scale")
        };
        // i18n: a chart's alt text begins so; {scale} is "log scale" or "linear scale".
        let mut text = fill(&tr("Bar chart of times ({scale})."), &[("scale", &scale)]);
        for group in &self.groups {
            let bars: Vec<String> = group
                .bars
                .iter()
                .map(|bar| {
                    let range = bar
                        .range
                        .map(|(low, high)| {
                            // i18n: a bar's range in a chart's alt text: {low} and {high} are times.
                            let words = tr("({low} to {high})");
                            let range = fill(
                                &words,
                                &[("low", &figure_of(low)), ("high", &figure_of(high))],
                            );
                            format!(" {range}")
                        })
                        .unwrap_or_default();
                    format!(
                        "{} {}{range}",
                        plain(&label_in(bar, translate)),
                        figure_of(bar.seconds)
                    )
                })
                .collect();
            text.push_str(&format!(
                " {}: {}.",
                plain(&translate(&group.heading)),
                bars.join("; ")
            ));
        }
        text
    }
}

/// One case of a compare table and the rows of its earlier steps: Python,
/// the lesson's Rust, each earlier step, the best tools, the floor (one
/// bar where both sides share it, one each where the cores set it).
fn group_of(row: &Row, earlier: &[&Row]) -> Group {
    let mut bars = Vec::new();
    let mut bar = |label: String, kind, seconds: Option<f64>| {
        if let Some(seconds) = seconds.filter(|s| *s > 0.0) {
            bars.push(Bar {
                label,
                kind,
                seconds,
                range: None,
            });
        }
    };
    // With earlier steps, the case ends in the final step's name
    // ("…: step 5, `FastQueue`"), which labels the Rust bar instead.
    let (heading, step) = match row.case.rsplit_once(": ") {
        Some((heading, step)) if !earlier.is_empty() => (heading, Some(step)),
        _ => (row.case.as_str(), None),
    };
    bar("Python".into(), Kind::Python, row.python_seconds);
    let rust = step.map_or("Rust".into(), |s| format!("Rust, {s}"));
    bar(rust, Kind::Rust, row.rust_seconds);
    for e in earlier {
        let step = e
            .case
            .strip_prefix("the same on ")
            .or_else(|| e.case.strip_prefix("the same "))
            .unwrap_or(&e.case);
        bar(format!("Rust, {step}"), Kind::Earlier, e.rust_seconds);
    }
    for tool in &row.best {
        bar(
            format!("best tool: {}", tool.tool),
            Kind::Best,
            tool.seconds,
        );
    }
    if let Some(floor) = &row.floor {
        if floor.python_seconds == floor.rust_seconds {
            bar(
                format!("floor: {}", floor.name),
                Kind::Floor,
                floor.rust_seconds,
            );
        } else {
            let side = |who| format!("floor for {who}: {}", floor.name);
            bar(side("Python"), Kind::Floor, floor.python_seconds);
            bar(side("Rust"), Kind::Floor, floor.rust_seconds);
        }
    }
    Group {
        heading: heading.to_owned(),
        bars,
    }
}

/// A bar's label in an edition's language: the words `group_of` put
/// around a name translated, the name itself as written unless `translate`
/// knows it.
fn label_in(bar: &Bar, translate: &dyn Fn(&str) -> String) -> String {
    let tr = |msgid: &str| translate(msgid);
    let label = bar.label.as_str();
    if let Some(tool) = label.strip_prefix("best tool: ") {
        // i18n: a bar of a chart: {tool} is the best tool's name.
        fill(&tr("best tool: {tool}"), &[("tool", &translate(tool))])
    } else if let Some(name) = label.strip_prefix("floor: ") {
        // i18n: a bar of a chart: {name} is the floor's name ("sequential ÷ 2").
        fill(&tr("floor: {name}"), &[("name", &translate(name))])
    } else if let Some((who, name)) = label
        .strip_prefix("floor for ")
        .and_then(|rest| rest.split_once(": "))
    {
        // i18n: a bar of a chart: {who} is "Python" or "Rust", {name} the floor's name.
        let words = tr("floor for {who}: {name}");
        fill(
            &words,
            &[("who", &translate(who)), ("name", &translate(name))],
        )
    } else if let Some(step) = label.strip_prefix("Rust, ") {
        // i18n: a bar of a chart: the lesson's Rust at {step}, a step's name ("step 4, `ClosableQueue`").
        fill(&tr("Rust, {step}"), &[("step", &translate(step))])
    } else {
        translate(label)
    }
}

/// What the chart shows, said under it: whose figures, on which scale, in
/// an edition's language.
fn caption_in(chart: &Chart, from_compare: bool, translate: &dyn Fn(&str) -> String) -> String {
    let tr = |msgid: &str| translate(msgid);
    let mut kinds: Vec<Kind> = chart
        .groups
        .iter()
        .flat_map(|g| g.bars.iter().map(|b| b.kind))
        .collect();
    kinds.sort();
    kinds.dedup();
    // i18n: the kinds of bars a chart's caption lists.
    let names: Vec<String> = kinds
        .iter()
        .map(|kind| match kind {
            Kind::Python => tr("Python"),
            Kind::Rust => tr("the lesson's Rust"),
            Kind::Earlier => tr("its earlier steps"),
            Kind::Best if from_compare => tr("the best tools"),
            Kind::Best => tr("the tools it is set against"),
            Kind::Floor => tr("the floor"),
        })
        .collect();
    let list = match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        // i18n: the last two of a list of a chart's bars: "Python and the floor".
        [rest @ .., last] => fill(
            &tr("{rest} and {last}"),
            &[("rest", &rest.join(&tr(", "))), ("last", last)],
        ),
    };
    let scale = if chart_svg::Scale::of(chart).is_log() {
        // i18n: a chart's caption: {source} and {list} are filled in before this.
        tr("on a log scale (each labelled grid line is ten times the one before)")
    } else {
        // i18n: a chart's caption: the kind of its time axis.
        tr("on a linear scale from zero")
    };
    let template = if from_compare {
        // i18n: a chart's caption: {list} the kinds of bars ("Python, the lesson's Rust and the floor"), {scale} its axis.
        tr("The recorded table above, one run, as bars: {list}, {scale}.")
    } else {
        // i18n: a chart's caption: {list} the kinds of bars, {scale} its axis.
        tr("The benchmark's figures above as bars: {list}, {scale}.")
    };
    fill(&template, &[("list", &list), ("scale", &scale)])
}

/// A time as the tables write it (three figures, a fitting unit), less
/// the zeros a figure written by hand did not have: `43 µs`, not `43.0 µs`.
pub fn figure_of(seconds: f64) -> String {
    let text = time(seconds);
    match text.split_once(' ') {
        Some((number, unit)) if number.contains('.') => {
            format!(
                "{} {unit}",
                number.trim_end_matches('0').trim_end_matches('.')
            )
        }
        _ => text,
    }
}

/// `text` without its backticks.
pub fn plain(text: &str) -> String {
    text.replace('`', "")
}

fn measured(root: &Path) -> PathBuf {
    root.join("book/src/measured")
}

/// A lesson's chart data: `(path, chart)`, or `None` if it has none.
pub fn data_of(root: &Path, lesson: &str) -> Result<Option<(PathBuf, Chart)>> {
    let dir = measured(root);
    let (json, toml) = (
        dir.join(format!("{lesson}.json")),
        dir.join(format!("{lesson}.toml")),
    );
    let read = |path: &Path| {
        fs::read_to_string(path).map_err(|e| fail(format!("{}: {e}", path.display())))
    };
    let at = |path: &Path, e: String| {
        fail(format!(
            "{}: {e}",
            path.strip_prefix(root).unwrap_or(path).display()
        ))
    };
    match (json.is_file(), toml.is_file()) {
        (true, true) => Err(fail(format!(
            "{lesson} has two charts' data, {} and {}: one chart a chapter",
            json.display(),
            toml.display()
        ))),
        (true, false) => {
            let chart = Chart::from_compare(&read(&json)?).map_err(|e| at(&json, e))?;
            Ok(Some((json, chart)))
        }
        (false, true) => {
            let chart = Chart::from_toml(&read(&toml)?).map_err(|e| at(&toml, e))?;
            Ok(Some((toml, chart)))
        }
        (false, false) => Ok(None),
    }
}

/// The lessons that have chart data, in file-name order.
pub fn charted(root: &Path) -> Result<Vec<String>> {
    let dir = measured(root);
    let mut lessons = Vec::new();
    let Ok(entries) = fs::read_dir(&dir) else {
        return Ok(lessons);
    };
    for entry in entries {
        let path = entry
            .map_err(|e| fail(format!("{}: {e}", dir.display())))?
            .path();
        let data = path.extension().is_some_and(|e| e == "json" || e == "toml");
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        if let Some(stem) = stem.filter(|s| data && s != "all" && !lessons.contains(s)) {
            lessons.push(stem);
        }
    }
    lessons.sort();
    Ok(lessons)
}

/// The SVG files of a lesson's chart, and what should be in each.
pub fn drawn(root: &Path, lesson: &str, chart: &Chart) -> Vec<(PathBuf, String)> {
    FRAMES
        .iter()
        .map(|&frame| {
            (
                measured(root).join(format!("{lesson}.{}", frame.extension)),
                chart_svg::draw(chart, frame),
            )
        })
        .collect()
}

/// Draws a lesson's chart into the book from its data; returns the files
/// written, for the log (none if it has no data).
pub fn render(root: &Path, lesson: &str) -> Result<Vec<PathBuf>> {
    let Some((_, chart)) = data_of(root, lesson)? else {
        return Ok(Vec::new());
    };
    let mut written = Vec::new();
    for (path, svg) in drawn(root, lesson, &chart) {
        fs::write(&path, svg).map_err(|e| fail(format!("{}: {e}", path.display())))?;
        written.push(path);
    }
    Ok(written)
}

/// What `--check` finds wrong with the charts: a chapter whose "What it
/// costs" does not show its chart, a chart named that has no figures or
/// whose SVGs are not what its figures draw, figures no chapter charts.
pub fn problems(root: &Path) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    let mut shown = Vec::new();
    for lesson in lessons::all() {
        let path = root.join("book/src").join(format!("{}.md", lesson.name));
        let Ok(text) = fs::read_to_string(&path) else {
            continue;
        };
        let chapter = format!("book/src/{}.md", lesson.name);
        let named = directives(&text);
        if let Some(costs) = section(&text, "## What it costs")
            && !directives(costs).contains(&lesson.name)
        {
            problems.push(format!(
                "{chapter}: its \"What it costs\" has no chart: {{{{#chart {}}}}} beside its table",
                lesson.name
            ));
        }
        for name in named {
            match data_of(root, &name) {
                Err(e) => problems.push(format!("{chapter}: {{{{#chart {name}}}}}: {}", e.message)),
                Ok(None) => problems.push(format!(
                    "{chapter}: {{{{#chart {name}}}}}: no figures (book/src/measured/{name}.json or .toml)"
                )),
                Ok(Some((_, chart))) => {
                    for (svg, drawn) in drawn(root, &name, &chart) {
                        if fs::read_to_string(&svg).ok().as_deref() != Some(drawn.as_str()) {
                            problems.push(format!(
                                "{} is not what its figures draw: cargo xtask pictures --render",
                                svg.strip_prefix(root).unwrap_or(&svg).display()
                            ));
                        }
                    }
                }
            }
            shown.push(name);
        }
    }
    for lesson in charted(root)? {
        if !shown.contains(&lesson) {
            problems.push(format!(
                "book/src/measured/{lesson}: figures that no chapter charts ({{{{#chart {lesson}}}}})"
            ));
        }
    }
    Ok(problems)
}

/// The arguments of the `{{#chart …}}` directives in `text`.
fn directives(text: &str) -> Vec<String> {
    text.split("{{#chart ")
        .skip(1)
        .filter_map(|rest| {
            rest.split_once("}}")
                .map(|(name, _)| name.trim().to_owned())
        })
        .collect()
}

/// The section of a chapter under the heading that starts `heading`, up to
/// the next heading of its level or above.
fn section<'a>(text: &'a str, heading: &str) -> Option<&'a str> {
    let start = text
        .match_indices(heading)
        .find(|(i, _)| *i == 0 || text[..*i].ends_with('\n'))?
        .0;
    let body = &text[start + heading.len()..];
    let end = body
        .match_indices("\n#")
        .find(|(i, _)| {
            let line = &body[i + 1..];
            line.starts_with("# ") || line.starts_with("## ")
        })
        .map_or(body.len(), |(i, _)| i);
    Some(&body[..end])
}

/// What `{{#chart <lesson>}}` becomes in a chapter: the chart (the narrow
/// drawing on a phone), its alt text, and a caption that links its data.
pub fn figure(root: &Path, argument: &str) -> std::result::Result<String, String> {
    figure_in(root, argument, &|text| text.to_owned())
}

/// [`figure`] in an edition's language: its caption and alt text through
/// `translate` (the drawing, recorded once, keeps its English labels:
/// names and figures).
pub fn figure_in(
    root: &Path,
    argument: &str,
    translate: &dyn Fn(&str) -> String,
) -> std::result::Result<String, String> {
    let tr = |msgid: &str| translate(msgid);
    let lesson = argument.trim();
    let directive = format!("{{{{#chart {lesson}}}}}");
    let (data, chart) = data_of(root, lesson)
        .map_err(|e| format!("{directive}: {}", e.message))?
        .ok_or_else(|| {
            format!(
                "{directive}: no figures to chart: book/src/measured/{lesson}.json \
                 (cargo xtask compare {lesson} --record) or {lesson}.toml"
            )
        })?;
    for (path, svg) in drawn(root, lesson, &chart) {
        if fs::read_to_string(&path).ok().as_deref() != Some(svg.as_str()) {
            return Err(format!(
                "{directive}: {} is missing or not what its figures draw (cargo xtask pictures --render)",
                path.display()
            ));
        }
    }
    let name = data
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let caption = caption_in(&chart, name.ends_with(".json"), translate);
    // i18n: after a chart's caption, a link to the file of its figures.
    let figures = tr("The figures");
    Ok(format!(
        "<figure class=\"chart\" id=\"chart-{lesson}\" style=\"margin:1.5em 0\">\n\
         <picture><source media=\"(max-width: {NARROW_BELOW_PX}px)\" srcset=\"measured/{lesson}.{narrow}\">\
         <img src=\"measured/{lesson}.svg\" alt=\"{alt}\" width=\"750\" style=\"max-width:100%;height:auto\"></picture>\n\
         <figcaption>{caption} <small>(<a href=\"measured/{name}\">{figures}</a>.)</small></figcaption>\n\
         </figure>",
        narrow = NARROW.extension,
        alt = escape(&chart.description_in(translate)),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) const ACTORS: &str = r#"{
      "machine": "Measured on a test machine.",
      "date": "2026-11-27",
      "rows": [
        {"lesson": "actors", "experiment": "worker", "size": 20000,
         "case": "20 000 round trips: `FastWorker`", "earlier_step": false,
         "python_seconds": 1.04, "rust_seconds": 0.0206,
         "best": [{"tool": "crossbeam", "seconds": 0.0502}],
         "floor": {"name": "526 ms (2 wake-ups each)", "python_seconds": 0.526, "rust_seconds": 0.526}},
        {"lesson": "actors", "experiment": "worker", "size": 20000,
         "case": "the same on the first `Worker`", "earlier_step": true,
         "python_seconds": 1.04, "rust_seconds": 0.731,
         "best": [{"tool": "crossbeam", "seconds": 0.0502}],
         "floor": {"name": "526 ms (2 wake-ups each)", "python_seconds": 0.526, "rust_seconds": 0.526}},
        {"lesson": "actors", "experiment": "spread", "size": 4,
         "case": "divisors, one thread each", "earlier_step": false,
         "python_seconds": 0.164, "rust_seconds": null, "best": [],
         "floor": {"name": "sequential ÷ 2", "python_seconds": 0.087, "rust_seconds": 0.00476}}
      ]
    }"#;

    fn bars(group: &Group) -> Vec<(&str, Kind, f64)> {
        group
            .bars
            .iter()
            .map(|b| (b.label.as_str(), b.kind, b.seconds))
            .collect()
    }

    #[test]
    fn a_compare_table_becomes_a_group_per_case_with_its_earlier_steps() {
        let chart = Chart::from_compare(ACTORS).unwrap();
        assert_eq!(
            chart.title,
            "What it costs, in one run: `cargo xtask compare actors`"
        );
        assert_eq!(
            chart.recorded,
            "Recorded 2026-11-27 by `cargo xtask compare --record`. Measured on a test machine."
        );
        assert_eq!(chart.groups.len(), 2);
        assert_eq!(chart.groups[0].heading, "20 000 round trips");
        assert_eq!(
            bars(&chart.groups[0]),
            [
                ("Python", Kind::Python, 1.04),
                ("Rust, `FastWorker`", Kind::Rust, 0.0206),
                ("Rust, the first `Worker`", Kind::Earlier, 0.731),
                ("best tool: crossbeam", Kind::Best, 0.0502),
                ("floor: 526 ms (2 wake-ups each)", Kind::Floor, 0.526),
            ]
        );
        // A missing figure has no bar; floors that differ have one each.
        assert_eq!(chart.groups[1].heading, "divisors, one thread each");
        assert_eq!(
            bars(&chart.groups[1]),
            [
                ("Python", Kind::Python, 0.164),
                ("floor for Python: sequential ÷ 2", Kind::Floor, 0.087),
                ("floor for Rust: sequential ÷ 2", Kind::Floor, 0.00476),
            ]
        );
        assert_eq!(
            caption_in(&chart, true, &|t| t.to_owned()),
            "The recorded table above, one run, as bars: Python, the lesson's Rust, \
             its earlier steps, the best tools and the floor, on a log scale (each \
             labelled grid line is ten times the one before)."
        );
        let alt = chart.description();
        assert!(alt.starts_with("Bar chart of times (log scale). 20 000 round trips: Python 1.04 s; Rust, FastWorker 20.6 ms;"), "{alt}");
        assert!(
            alt.ends_with("floor for Rust: sequential ÷ 2 4.76 ms."),
            "{alt}"
        );
        // In another language: the sentences, the kinds of bars and the
        // words around a name translated, the names and figures kept.
        let korean = |text: &str| -> String {
            match text {
                "Python" => "파이썬",
                "the lesson's Rust" => "레슨의 러스트",
                "its earlier steps" => "앞 스텝들",
                "the best tools" => "최선의 도구",
                "the floor" => "하한",
                "{rest} and {last}" => "{rest}, {last}",
                "on a log scale (each labelled grid line is ten times the one before)" => {
                    "로그 눈금"
                }
                "The recorded table above, one run, as bars: {list}, {scale}." => {
                    "위 표(한 번의 실행)를 막대로: {list}, {scale}."
                }
                "log scale" => "로그 눈금",
                "Bar chart of times ({scale})." => "시간 막대그래프({scale}).",
                "floor for {who}: {name}" => "{who}의 하한: {name}",
                other => other,
            }
            .to_owned()
        };
        assert_eq!(
            caption_in(&chart, true, &korean),
            "위 표(한 번의 실행)를 막대로: 파이썬, 레슨의 러스트, 앞 스텝들, 최선의 도구, 하한, 로그 눈금."
        );
        let alt = chart.description_in(&korean);
        assert!(
            alt.starts_with("시간 막대그래프(로그 눈금). 20 000 round trips: 파이썬 1.04 s;"),
            "{alt}"
        );
        assert!(
            alt.ends_with(
                "파이썬의 하한: sequential ÷ 2 87 ms; Rust의 하한: sequential ÷ 2 4.76 ms."
            ),
            "{alt}"
        );
        assert_eq!(figure_of(0.087), "87 ms");
        assert_eq!(figure_of(1.5), "1.5 s");
        assert_eq!(figure_of(0.0206), "20.6 ms");
        assert_eq!(figure_of(0.5), "500 ms");
    }

    /// `--check` on a book of one chapter, `actors`, as it goes from no
    /// chart to a chart drawn from its figures.
    #[test]
    fn the_check_finds_a_missing_chart_missing_figures_and_a_stale_drawing() {
        let root = std::env::temp_dir().join(format!("xtask-chart-{}", std::process::id()));
        let measured = root.join("book/src/measured");
        fs::create_dir_all(&measured).unwrap();
        let chapter = root.join("book/src/actors.md");
        let problems = || problems(&root).unwrap();

        fs::write(&chapter, "# Actors\n## What it costs\n\n| a | table |\n\n## How it is tested\n{{#chart actors}}\n").unwrap();
        let found = problems();
        assert!(
            found[0].contains("book/src/actors.md: its \"What it costs\" has no chart"),
            "{found:?}"
        );
        assert!(
            found[1].contains("{{#chart actors}}: no figures"),
            "{found:?}"
        );

        fs::write(
            &chapter,
            "# Actors\n## What it costs\n\n{{#chart actors}}\n",
        )
        .unwrap();
        fs::write(measured.join("actors.json"), ACTORS).unwrap();
        let found = problems();
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found[0].contains("actors.svg is not what its figures draw"),
            "{found:?}"
        );
        assert!(
            found[1].contains("actors.narrow.svg is not what its figures draw"),
            "{found:?}"
        );

        assert_eq!(render(&root, "actors").unwrap().len(), 2);
        assert_eq!(problems(), Vec::<String>::new());
        assert!(
            figure(&root, "actors")
                .unwrap()
                .contains("srcset=\"measured/actors.narrow.svg\"")
        );

        fs::write(measured.join("actors.toml"), "").unwrap();
        assert!(problems()[0].contains("has two charts' data"));
        fs::remove_file(measured.join("actors.toml")).unwrap();
        fs::write(measured.join("threads.toml"), "").unwrap();
        assert_eq!(
            problems(),
            ["book/src/measured/threads: figures that no chapter charts ({{#chart threads}})"]
        );
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_chapter_names_its_chart_in_what_it_costs() {
        let text = "# T\n## What it costs\n\ntable\n{{#chart actors}}\n### Sub\n{{#chart x }}\n## Next\n{{#chart y}}\n";
        let costs = section(text, "## What it costs").unwrap();
        assert_eq!(directives(costs), ["actors", "x"]);
        assert_eq!(directives(text), ["actors", "x", "y"]);
        assert!(section("## What it costs less", "## What it costs").is_some());
        assert!(section("text ## What it costs", "## What it costs").is_none());
    }

    #[test]
    fn a_chart_by_hand_is_checked_and_keeps_its_ranges() {
        let text = r#"
            title = "What it costs: `cargo bench -p threads`"
            recorded = "Measured on 2026-11-23."
            [[group]]
            heading = "spawn and join"
            [[group.bar]]
            label = "`thread::spawn`"
            kind = "rust"
            seconds = 43e-6
            range = [41e-6, 46e-6]
        "#;
        let chart = Chart::from_toml(text).unwrap();
        assert_eq!(chart.groups[0].bars[0].range, Some((41e-6, 46e-6)));
        assert!(
            chart
                .description()
                .ends_with("spawn and join: thread::spawn 43 µs (41 µs to 46 µs).")
        );
        let outside = text.replace("43e-6", "40e-6");
        assert!(
            Chart::from_toml(&outside)
                .unwrap_err()
                .contains("within its range")
        );
        let unknown = text.replace("kind = \"rust\"", "kind = \"go\"");
        assert!(Chart::from_toml(&unknown).is_err());
        let misspelt = text.replace("range =", "ranges =");
        assert!(Chart::from_toml(&misspelt).is_err());
    }
}
