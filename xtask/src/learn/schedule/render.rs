//! The schedule as a table: one column per thread, a step a line of the
//! learner's file (number and code, with what it did below when the code
//! does not say), then what went wrong.

use std::fmt::Write as _;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{Ending, Files, Place, Row, Schedule, Shown, WIDTH, thread_name};
use crate::i18n::{tr, trf};

/// The table, and what it holds.
pub fn render(schedule: &Schedule, files: &Files, verbose: bool) -> (String, Shown) {
    let mut threads: Vec<usize> = schedule.rows.iter().map(|r| r.thread).collect();
    if let Some(Ending::Panic { thread, .. }) = &schedule.ending {
        threads.push(*thread);
    }
    threads.sort_unstable();
    threads.dedup();
    let columns = threads.len().max(1);
    let width = ((WIDTH - 3 * (columns - 1)) / columns).max(24);
    let answer_name = files.answer.file_name().map_or_else(
        || files.answer.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let code = |place: &Place| -> (String, String) {
        let (label, text, line) = match place {
            Place::Answer(line) => (line.to_string(), &files.answer_text, *line),
            // i18n: a line of the loom test, not of the learner's file.
            Place::Test(line) => (
                trf("test {line}", &[("line", line)]),
                &files.test_text,
                *line,
            ),
            Place::Elsewhere(at) => return (at.clone(), String::new()),
        };
        let source = text
            .lines()
            .nth(line.saturating_sub(1))
            .unwrap_or("")
            .trim()
            .to_owned();
        (label, source)
    };
    // A step is its line (number and code) and, below it, what it did
    // when the code alone does not say (`↳ waits`, `↳ wakes thread 2`).
    let cell = |row: &Row| -> Vec<String> {
        let (label, source) = code(&row.place);
        let room = width.saturating_sub(label.width() + 1);
        let mut lines = vec![format!("{label} {}", clip(&source, room))];
        if !row.notes.is_empty() {
            let indent = " ".repeat(label.width().min(6));
            let note = format!("{indent}↳ {}", row.notes.join(", "));
            lines.push(clip(&note, width));
        }
        lines
    };

    let mut out = String::new();
    let heading = if verbose {
        trf(
            "The schedule loom found, by lines of {file} (every step):",
            &[("file", &answer_name)],
        )
    } else {
        trf(
            "The schedule loom found, by lines of {file} (the steps on shared state; \
             every step: --verbose):",
            &[("file", &answer_name)],
        )
    };
    let _ = writeln!(out, "{heading}\n");
    let line_of = |cells: &[String]| -> String {
        let padded: Vec<String> = cells.iter().map(|c| pad(c, width)).collect();
        format!("  {}", padded.join(" │ ")).trim_end().to_owned()
    };
    let names: Vec<String> = threads.iter().map(|t| thread_name(*t)).collect();
    let _ = writeln!(out, "{}", line_of(&names));
    let rule: Vec<String> = threads.iter().map(|_| "─".repeat(width)).collect();
    let _ = writeln!(out, "  {}", rule.join("─┼─"));
    if schedule.hidden > 0 {
        let hidden = trf("(… {n} earlier steps)", &[("n", &schedule.hidden)]);
        let _ = writeln!(out, "  {hidden}");
    }
    for row in &schedule.rows {
        for text in cell(row) {
            let cells: Vec<String> = threads
                .iter()
                .map(|t| {
                    if *t == row.thread {
                        text.clone()
                    } else {
                        String::new()
                    }
                })
                .collect();
            let _ = writeln!(out, "{}", line_of(&cells));
        }
    }
    match &schedule.ending {
        Some(Ending::Deadlock) => {
            let blocked =
                tr("✗ then every thread is blocked, each waiting for another: nothing can run.");
            let _ = writeln!(out, "\n  {blocked}");
        }
        Some(Ending::Panic {
            thread,
            place,
            message,
        }) => {
            let thread = thread_name(*thread);
            let test_name = files.test.file_name().map_or_else(
                || files.test.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let panics = match place {
                Some(Place::Answer(line)) => trf(
                    "✗ then {thread} panics at line {line} of {file}:",
                    &[("thread", &thread), ("line", line), ("file", &answer_name)],
                ),
                Some(Place::Test(line)) => trf(
                    "✗ then {thread} panics at line {line} of the test, {file}:",
                    &[("thread", &thread), ("line", line), ("file", &test_name)],
                ),
                _ => trf("✗ then {thread} panics:", &[("thread", &thread)]),
            };
            let _ = writeln!(out, "\n  {panics}");
            for line in message.lines().take(4) {
                let _ = writeln!(out, "    {line}");
            }
        }
        None => {}
    }
    let shown = Shown {
        threads: threads.len(),
        answer_steps: schedule
            .rows
            .iter()
            .filter(|r| matches!(r.place, Place::Answer(_)))
            .count(),
    };
    (out, shown)
}

/// `text` cut to `room` columns of a terminal, `…` marking the cut. Widths
/// are the terminal's, not characters: a Hangul syllable (a Korean note)
/// takes two columns.
fn clip(text: &str, room: usize) -> String {
    if text.width() <= room {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > room {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// `text` padded with spaces to `width` columns of a terminal.
fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

#[cfg(test)]
mod width_tests {
    use super::{clip, pad};

    #[test]
    fn a_hangul_syllable_takes_two_columns() {
        // "깨어남" is three syllables, six columns: two spaces make eight.
        assert_eq!(pad("깨어남", 8), "깨어남  ");
        assert_eq!(pad("wakes", 8), "wakes   ");
        // Seven columns hold three syllables and the mark of the cut.
        assert_eq!(clip("기다립니다", 7), "기다립…");
        assert_eq!(clip("waits", 7), "waits");
    }
}
