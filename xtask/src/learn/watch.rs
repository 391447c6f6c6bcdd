//! The learner's loop, `cargo xtask learn`: the current exercise, its task
//! and file, a progress bar and the last check's report; re-checked on every
//! save (or, with `--manual`, on Enter only). Single keys: `h` hint, `n` next
//! exercise, `l` list, `c` check all (any key stops it), Enter check, `q`
//! quit. Keys and saves arrive as [`Event`]s from [`terminal`](super::terminal);
//! the screen is cleared and drawn with crossterm.

use std::collections::VecDeque;
use std::io::IsTerminal;
use std::path::Path;
use std::sync::mpsc::{self, Receiver};

use crossterm::cursor::MoveTo;
use crossterm::terminal::{Clear, ClearType};

use super::course::Course;
use super::progress::Progress;
use super::terminal::{self, Event, Key, RawMode, write_out};
use super::{check_one, hint_text};
use crate::i18n::{self, tr, trf};

struct Screen<'a> {
    course: &'a Course,
    progress: &'a mut Progress,
    target: &'a Path,
    verbose: bool,
    manual: bool,
    current: usize,
    /// The last check's report.
    report: String,
    /// What the last key showed (hints, the list), below the report.
    note: String,
    /// Clear the screen before drawing (stdout is a terminal).
    clear: bool,
    /// The terminal is in raw mode: `\n` must be written as `\r\n`.
    raw: bool,
    /// Events read while a "check all" ran, served next.
    pending: VecDeque<Event>,
}

pub fn run(
    course: &Course,
    progress: &mut Progress,
    target: &Path,
    manual: bool,
    verbose: bool,
) -> crate::Result {
    if course.exercises.is_empty() {
        println!(
            "{}",
            tr("There are no exercises yet (no crates/<lesson>/exercises/).")
        );
        return Ok(());
    }
    let keys_from_terminal = terminal::stdin_is_terminal();
    let raw_mode = if keys_from_terminal {
        Some(RawMode::enter().map_err(|e| {
            crate::fail(trf(
                "could not set up the terminal: {error}",
                &[("error", &e)],
            ))
        })?)
    } else {
        None
    };
    let (sender, events) = mpsc::channel();
    terminal::read_keys(sender.clone(), keys_from_terminal);
    let _watcher = if manual {
        None
    } else {
        let packages = super::course::exercise_packages(&course.root);
        Some(terminal::watch_saves(&packages, sender).map_err(|e| {
            crate::fail(trf(
                "could not watch the exercises: {error}",
                &[("error", &e)],
            ))
        })?)
    };
    let current = course
        .exercises
        .iter()
        .position(|e| !progress.is_done(&e.name))
        .unwrap_or(0);
    let mut screen = Screen {
        course,
        progress,
        target,
        verbose,
        manual,
        current,
        report: String::new(),
        note: String::new(),
        clear: std::io::stdout().is_terminal(),
        raw: raw_mode.is_some(),
        pending: VecDeque::new(),
    };
    screen.check_current();
    screen.draw();
    screen.serve(&events);
    screen.say(&format!(
        "{}\n",
        trf(
            "Bye. Your progress is in {file}.",
            &[("file", &super::progress::FILE)]
        )
    ));
    drop(raw_mode);
    Ok(())
}

impl Screen<'_> {
    fn serve(&mut self, events: &Receiver<Event>) {
        loop {
            let event = match self.pending.pop_front() {
                Some(event) => event,
                None => match events.recv() {
                    Ok(event) => event,
                    Err(_) => return,
                },
            };
            match event {
                Event::Closed | Event::Key(Key::Quit) => return,
                Event::Saved(paths) => {
                    // The current exercise if it is among the files saved,
                    // else the first exercise saved.
                    let saved = |index: &usize| {
                        let path = self.course.exercises[*index].path();
                        paths.iter().any(|p| p.ends_with(&path))
                    };
                    let count = self.course.exercises.len();
                    if !saved(&self.current)
                        && let Some(index) = (0..count).find(saved)
                    {
                        self.current = index;
                    }
                    self.check_current();
                }
                Event::Key(Key::Char('h')) => self.hint(),
                Event::Key(Key::Char('n')) => {
                    self.next();
                    self.check_current();
                }
                Event::Key(Key::Char('l')) => {
                    let progress = &self.progress;
                    self.note = format!(
                        "{}\n{}",
                        tr("The exercises (✓ passed):"),
                        self.course.listing(|name| progress.is_done(name))
                    );
                }
                Event::Key(Key::Char('c')) => {
                    if self.check_all(events) {
                        return;
                    }
                }
                Event::Key(Key::Enter) => self.check_current(),
                Event::Key(_) => continue,
            }
            self.draw();
        }
    }

    /// Writes `text` below what is on the screen.
    fn say(&self, text: &str) {
        write_out(text, self.raw);
    }

    fn check_current(&mut self) {
        let exercise = &self.course.exercises[self.current];
        self.say(&format!(
            "\n{}\n",
            trf("checking {name}…", &[("name", &exercise.name)])
        ));
        let outcome = check_one(self.course, exercise, self.target, self.verbose, true);
        let _ = self.progress.set_done(&exercise.name, outcome.passed);
        self.report = outcome.report;
        self.note.clear();
        if outcome.passed {
            self.report.push('\n');
            self.report
                .push_str(tr("Well done. Press n for the next exercise."));
            self.report.push('\n');
        }
    }

    /// Checks every exercise in turn, until one key is pressed: a key
    /// pressed during a check stops the run when that check ends. Saves
    /// that arrive meanwhile are served afterwards. True if the key was
    /// quit.
    fn check_all(&mut self, events: &Receiver<Event>) -> bool {
        let total = self.course.exercises.len();
        let mut marks = String::new();
        let mut checked = 0;
        let mut first_failure = None;
        let mut stopped_by = None;
        for (index, exercise) in self.course.exercises.iter().enumerate() {
            while let Ok(event) = events.try_recv() {
                match event {
                    Event::Key(key) => {
                        stopped_by = Some(key);
                        break;
                    }
                    other => self.pending.push_back(other),
                }
            }
            if stopped_by.is_some() {
                break;
            }
            self.say(&format!(
                "\n{}\n",
                trf(
                    "checking {name} ({n} of {total}; any key stops after this one)…",
                    &[
                        ("name", &exercise.name),
                        ("n", &(index + 1)),
                        ("total", &total)
                    ]
                )
            ));
            let outcome = check_one(self.course, exercise, self.target, self.verbose, true);
            let _ = self.progress.set_done(&exercise.name, outcome.passed);
            let mark = if outcome.passed { "✓" } else { "✗" };
            marks.push_str(&format!("  {mark} {}\n", exercise.name));
            checked += 1;
            if !outcome.passed && first_failure.is_none() {
                first_failure = Some((index, outcome.report));
            }
        }
        let summary = if stopped_by.is_some() {
            trf(
                "Stopped after {checked} of {total} exercises:",
                &[("checked", &checked), ("total", &total)],
            )
        } else {
            tr("Checked every exercise:").to_owned()
        };
        let summary = format!("{summary}\n{marks}");
        match first_failure {
            Some((index, report)) => {
                self.current = index;
                self.report = format!("{summary}\n{report}");
            }
            None if stopped_by.is_some() => self.report = summary,
            None => {
                self.report = format!("{summary}\n{}\n", tr("Every exercise passes. Well done!"))
            }
        }
        self.note.clear();
        stopped_by == Some(Key::Quit)
    }

    /// The next exercise not yet done after the current one (wrapping), or
    /// simply the next one when all are done.
    fn next(&mut self) {
        let count = self.course.exercises.len();
        let after = (1..=count).map(|step| (self.current + step) % count);
        let progress = &self.progress;
        let undone = after
            .clone()
            .find(|&i| !progress.is_done(&self.course.exercises[i].name));
        self.current = undone.unwrap_or((self.current + 1) % count);
    }

    fn hint(&mut self) {
        let exercise = &self.course.exercises[self.current];
        let shown = self.progress.hints_shown(&exercise.name);
        let shown = (shown + 1).min(exercise.hints.len());
        let _ = self.progress.set_hints_shown(&exercise.name, shown);
        self.note = hint_text(exercise, shown);
    }

    /// The last report (and hint, or list) first, then, at the bottom where
    /// it stays in view however long the report, the progress bar, the
    /// exercise and the keys.
    fn draw(&self) {
        let mut out = String::new();
        if self.clear {
            out.push_str(&format!("{}{}", Clear(ClearType::All), MoveTo(0, 0)));
        } else {
            out.push('\n');
        }
        for part in [&self.report, &self.note] {
            if part.is_empty() {
                continue;
            }
            out.push_str(part);
            if !part.ends_with('\n') {
                out.push('\n');
            }
            out.push('\n');
        }
        let total = self.course.exercises.len();
        let done = self
            .course
            .exercises
            .iter()
            .filter(|e| self.progress.is_done(&e.name))
            .count();
        out.push_str(&format!(
            "cargo xtask learn  {}  {}\n",
            bar(done, total, 30),
            trf("{done}/{total} done", &[("done", &done), ("total", &total)])
        ));
        let exercise = &self.course.exercises[self.current];
        let mark = if self.progress.is_done(&exercise.name) {
            "✓"
        } else {
            "▶"
        };
        out.push_str(&format!(
            "{mark} {} {}\n  {}\n  {} {}\n  {} book/src/{}\n\n",
            exercise.name,
            trf(
                "({n} of {total})",
                &[("n", &(self.current + 1)), ("total", &total)]
            ),
            i18n::text(&exercise.task),
            tr("edit:"),
            exercise.path(),
            tr("read:"),
            exercise.chapter_link()
        ));
        out.push_str(if self.manual {
            tr("Enter check · h hint · n next · l list · c check all · q quit")
        } else {
            tr("h hint · n next · l list · c check all · Enter check · q quit  (re-checks when you save)")
        });
        out.push('\n');
        self.say(&out);
    }
}

/// `[#########---------------------]`: one exercise done shows at least
/// one `#`, and the bar is full only when every exercise is done.
pub fn bar(done: usize, total: usize, width: usize) -> String {
    let filled = if total == 0 || done == 0 {
        0
    } else if done >= total {
        width
    } else {
        ((done * width + total / 2) / total)
            .max(1)
            .min(width.saturating_sub(1))
    };
    format!("[{}{}]", "#".repeat(filled), "-".repeat(width - filled))
}

#[cfg(test)]
mod tests {
    use super::bar;

    #[test]
    fn the_bar_fills_in_proportion() {
        assert_eq!(bar(0, 4, 8), "[--------]");
        assert_eq!(bar(1, 4, 8), "[##------]");
        assert_eq!(bar(4, 4, 8), "[########]");
        assert_eq!(bar(0, 0, 4), "[----]");
        // 1 of 43 is not nothing; 42 of 43 is not everything.
        assert_eq!(bar(1, 43, 30), format!("[#{}]", "-".repeat(29)));
        assert_eq!(bar(42, 43, 30), format!("[{}-]", "#".repeat(29)));
        assert_eq!(bar(43, 43, 30), format!("[{}]", "#".repeat(30)));
    }
}
