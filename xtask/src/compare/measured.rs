//! `{{#measured <lesson>}}` and `{{#measured all}}`: a "What it costs"
//! table, built when the book is built from the figures `compare --record`
//! wrote (`book/src/measured/<lesson>.json`, `all.json`), in the edition's
//! language.
//!
//! The JSON is the one record of the figures; the texts come from where
//! they are written once: the table's own words from [`super::words`], a
//! case, a best tool and a floor's name from the lesson's `lesson.toml`
//! (`[[experiment]]`). The JSON holds each text as the recording filled it
//! in, in English; each is matched to the template that made it, and the
//! figures it holds are filled into that template's translation. So the
//! English edition shows the recorded text itself, another edition the
//! same figures in its own words, and a recording whose texts its lesson
//! no longer writes is an error that says to record it again.

use std::fs;
use std::path::Path;

use super::experiment::{Experiment, Floor, Row, thousands};
use super::figures::{Figures, ToolFigures};
use super::record::Recorded;
use super::table;
use super::words::{self, Words, fill_values, unfill_where};
use crate::i18n;
use crate::lessons::{self, Lesson};

/// How a recording's lesson's experiment is found: `(lesson, experiment)`
/// to its facts (the lessons' `lesson.toml`, or a test's own).
pub type Find<'a> = &'a dyn Fn(&str, &str) -> Option<&'a Experiment>;

/// The table for `{{#measured <name>}}` (a lesson, or `all`), from
/// `book/src/measured/<name>.json` under `root`, in `words`' language.
pub fn directive(root: &Path, name: &str, words: &Words) -> Result<String, String> {
    let recorded = recordings(root);
    if name != "all" && lessons::find(name).is_none() {
        return Err(format!(
            "`{{{{#measured {name}}}}}`: there is no lesson `{name}`; the recorded figures are \
             those of: {}",
            recorded.join(", ")
        ));
    }
    let path = format!("book/src/measured/{name}.json");
    let json = fs::read_to_string(root.join(&path)).map_err(|e| {
        format!(
            "`{{{{#measured {name}}}}}`: no recorded figures for `{name}`, {path} ({e}): \
             `cargo xtask compare --record {}` writes them",
            if name == "all" { "--all" } else { name }
        )
    })?;
    let find = |lesson: &str, experiment: &str| {
        lessons::find(lesson).and_then(|l: &'static Lesson| {
            l.facts.experiments.iter().find(|e| e.name == experiment)
        })
    };
    render(name, &json, &find, words).map_err(|e| format!("{path}: {e}"))
}

/// The names of the recordings under `root` (`all` among them), sorted.
fn recordings(root: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(root.join("book/src/measured"))
        .into_iter()
        .flatten()
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|x| x == "json"))
        .filter_map(|path| Some(path.file_stem()?.to_string_lossy().into_owned()))
        .collect();
    names.sort();
    names
}

/// The table of one recording (`json`, as `compare --record` wrote it):
/// the sentence about the machine, the table, its legend.
pub fn render(name: &str, json: &str, find: Find<'_>, words: &Words) -> Result<String, String> {
    let recorded: Recorded =
        serde_json::from_str(json).map_err(|e| format!("not a recording: {e}"))?;
    let machine = machine(&recorded.machine, words)?;
    let mut experiments: Vec<&Experiment> = Vec::new();
    let mut figures = Vec::new();
    for f in &recorded.rows {
        let experiment = find(&f.lesson, &f.experiment).ok_or_else(|| {
            format!(
                "`{}` has no experiment `{}` (crates/{}/lesson.toml)",
                f.lesson, f.experiment, f.lesson
            )
        })?;
        if !experiments.iter().any(|e| std::ptr::eq(*e, experiment)) {
            experiments.push(experiment);
        }
        figures.push(translated(f, experiment, words).map_err(|e| {
            format!(
                "{e}; crates/{}/lesson.toml no longer writes what was recorded: \
                 `cargo xtask compare --record {}` again",
                f.lesson,
                if name == "all" { "--all" } else { &f.lesson }
            )
        })?);
    }
    let with_python = recorded.rows.iter().any(|f| f.python_seconds.is_some());
    let rows = table::rows(&figures);
    Ok(format!(
        "{machine}\n\n{}\n{}\n",
        table::table(&rows, with_python, name == "all", words),
        table::legend(&experiments, with_python, words)
    ))
}

/// The sentence about the machine, in `words`' language.
fn machine(sentence: &str, words: &Words) -> Result<String, String> {
    let english = Words::english();
    let mismatch =
        || format!("`machine` is not the sentence `compare --record` writes: \"{sentence}\"");
    let mut values =
        unfill_where(&words::machine(&english), sentence, &fits).ok_or_else(mismatch)?;
    for (name, value) in &mut values {
        if name == "idle" && !value.is_empty() {
            *value =
                refill(&words::idle(&english), &words::idle(words), value).ok_or_else(mismatch)?;
        }
    }
    Ok(fill_values(&words::machine(words), &values))
}

/// One recorded row with its texts in `words`' language: its case, best
/// tools and floor, each matched to the lesson's text that wrote it.
fn translated(f: &Figures, experiment: &Experiment, words: &Words) -> Result<Figures, String> {
    let size = thousands(f.size);
    // An earlier step's case is one of the steps'; a case's, one of the rows'.
    let cases = experiment.rows.iter().flat_map(|row| {
        let texts: Vec<&str> = if f.earlier_step {
            row.earlier.iter().map(|step| step.case.as_str()).collect()
        } else {
            vec![row.case.as_str()]
        };
        texts.into_iter().map(move |text| (row, text))
    });
    let sized = |template: &str| i18n::fill(template, &[("size", &size)]);
    let (row, case) = cases
        .into_iter()
        .find_map(|(row, text)| {
            let values = unfill_where(&sized(text), &f.case, &fits)?;
            Some((row, fill_values(&sized(&words.text(text)), &values)))
        })
        .ok_or_else(|| {
            format!(
                "the case \"{}\" is none of experiment `{}`'s",
                f.case, f.experiment
            )
        })?;
    let mut best = Vec::new();
    for tool in &f.best {
        if !row.best.iter().any(|t| t.name == tool.tool) {
            return Err(format!(
                "\"{}\" is none of the best tools of \"{}\"",
                tool.tool, f.case
            ));
        }
        best.push(ToolFigures {
            tool: words.text(&tool.tool),
            seconds: tool.seconds,
        });
    }
    let mut floor = f.floor.clone();
    // An earlier step's row leaves the floor's name to its case's.
    if let Some(floor) = floor.as_mut().filter(|_| !f.earlier_step) {
        floor.name = floor_name(row, &floor.name, words).ok_or_else(|| {
            format!(
                "the floor \"{}\" of \"{}\" is not the one its lesson gives",
                floor.name, f.case
            )
        })?;
    }
    Ok(Figures {
        case,
        best,
        floor,
        ..f.clone()
    })
}

/// A recorded floor's name in `words`' language, if `row`'s floor wrote
/// it.
fn floor_name(row: &Row, name: &str, words: &Words) -> Option<String> {
    let english = Words::english();
    match row.floor.as_ref()? {
        Floor::Waits(_) => [1, 2].into_iter().find_map(|waits| {
            refill(
                &words::waits_floor(&english, waits),
                &words::waits_floor(words, waits),
                name,
            )
        }),
        Floor::Cores | Floor::Jobs(_) => refill(
            &words::shared_floor(&english),
            &words::shared_floor(words),
            name,
        ),
        Floor::Measured(measured) => {
            let mut values = unfill_where(&words::measured_floor(&english), name, &fits)?;
            for (key, value) in &mut values {
                if key == "name" {
                    if *value != measured.name {
                        return None;
                    }
                    *value = words.text(&measured.name);
                }
            }
            Some(fill_values(&words::measured_floor(words), &values))
        }
    }
}

/// What a value the recording filled in can be: a count is a whole
/// number, a time holds no parenthesis (so that `{time} ({name})` splits
/// at the first), anything else may be any text.
fn fits(name: &str, value: &str) -> bool {
    match name {
        "cores" | "runs" | "waits" => {
            !value.is_empty() && value.chars().all(|c| c.is_ascii_digit())
        }
        "time" => !value.contains('('),
        _ => true,
    }
}

/// `text`, filled in from `template`, filled in again from `translated`;
/// `None` if `template` did not make it.
fn refill(template: &str, translated: &str, text: &str) -> Option<String> {
    unfill_where(template, text, &fits).map(|values| fill_values(translated, &values))
}

#[cfg(test)]
mod tests;
