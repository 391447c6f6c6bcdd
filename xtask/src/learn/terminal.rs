//! What the learner's loop reads: keys and saves, as one stream of
//! [`Event`]s.
//!
//! On a terminal, keys come from crossterm in raw mode (no line buffering,
//! no echo, no signals: Ctrl-C arrives as a key and quits cleanly); raw mode
//! is left when [`RawMode`] is dropped and, through a panic hook, on a panic.
//! When stdin is not a terminal, it is read line by line, each line's first
//! character a key. Saves come from notify's full debouncer: an editor's save
//! is several events on one or more files, told as one [`Event::Saved`] with
//! every path that changed.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::terminal::{self, Clear, ClearType};
use notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache};

/// How long the watcher waits for quiet after a file is written before it
/// reports the save.
const DEBOUNCE: Duration = Duration::from_millis(200);

/// A key the loop understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Enter,
    /// `q`, Ctrl-C or Ctrl-D.
    Quit,
    /// Anything else (an arrow, Escape): stops a running "check all".
    Other,
}

#[derive(Debug)]
pub enum Event {
    Key(Key),
    /// Files of the exercises packages (`crates/<lesson>/exercises/`) were
    /// written: every `.rs` and `.toml` path of one debounced save.
    Saved(Vec<PathBuf>),
    /// stdin is closed.
    Closed,
}

/// Raw mode on the terminal for as long as this lives.
#[derive(Debug)]
pub struct RawMode(());

impl RawMode {
    pub fn enter() -> std::io::Result<RawMode> {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = terminal::disable_raw_mode();
            previous(info);
        }));
        terminal::enable_raw_mode()?;
        Ok(RawMode(()))
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = terminal::disable_raw_mode();
    }
}

/// Writes `text` to stdout; in raw mode the terminal no longer turns `\n`
/// into a new line at column 0, so each `\n` goes out as `\r\n`.
pub fn write_out(text: &str, raw: bool) {
    let mut out = std::io::stdout().lock();
    let _ = if raw {
        out.write_all(text.replace('\n', "\r\n").as_bytes())
    } else {
        out.write_all(text.as_bytes())
    };
    let _ = out.flush();
}

/// Keys from stdin, on a thread of their own.
pub fn read_keys(events: Sender<Event>, terminal: bool) {
    std::thread::spawn(move || {
        if terminal {
            while let Ok(event) = crossterm::event::read() {
                let crossterm::event::Event::Key(key) = event else {
                    continue;
                };
                if key.kind != KeyEventKind::Press {
                    continue;
                }
                if events.send(Event::Key(key_of(key))).is_err() {
                    return;
                }
            }
        } else {
            for line in std::io::stdin().lock().lines() {
                let Ok(line) = line else { break };
                let key = match line.trim().chars().next() {
                    None => Key::Enter,
                    Some('q') => Key::Quit,
                    Some(c) => Key::Char(c),
                };
                if events.send(Event::Key(key)).is_err() {
                    return;
                }
            }
        }
        let _ = events.send(Event::Closed);
    });
}

fn key_of(key: KeyEvent) -> Key {
    let control = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('c' | 'd') if control => Key::Quit,
        KeyCode::Char('q') => Key::Quit,
        KeyCode::Char(c) if !control => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        _ => Key::Other,
    }
}

/// Is stdin a terminal (keys one at a time) or not (lines)?
pub fn stdin_is_terminal() -> bool {
    std::io::stdin().is_terminal()
}

/// Watches the exercises packages (`crates/<lesson>/exercises/`) for saved
/// `.rs` and `.toml` files. Reads (cargo building the exercise opens them)
/// are not saves.
pub fn watch_saves(
    packages: &[PathBuf],
    events: Sender<Event>,
) -> notify::Result<Debouncer<RecommendedWatcher, RecommendedCache>> {
    let mut debouncer = notify_debouncer_full::new_debouncer(
        DEBOUNCE,
        None,
        move |result: DebounceEventResult| {
            let Ok(batch) = result else { return };
            let mut paths: Vec<PathBuf> = batch
                .iter()
                .filter(|event| {
                    matches!(
                        event.kind,
                        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
                    )
                })
                .flat_map(|event| event.paths.iter())
                .filter(|path| is_exercise_source(path))
                .cloned()
                .collect();
            paths.sort();
            paths.dedup();
            if !paths.is_empty() {
                let _ = events.send(Event::Saved(paths));
            }
        },
    )?;
    for package in packages {
        debouncer.watch(package, RecursiveMode::Recursive)?;
    }
    Ok(debouncer)
}

/// A `.rs` or `.toml` file inside an `exercises` folder.
fn is_exercise_source(path: &Path) -> bool {
    let in_exercises = path.components().any(|c| c.as_os_str() == "exercises");
    in_exercises && path.extension().is_some_and(|e| e == "rs" || e == "toml")
}

/// One line on stderr that says what a check is building, rewritten in
/// place as cargo reports each crate, and wiped when the build ends. Shown
/// only on a terminal, and only when asked (`learn --verify` stays quiet).
#[derive(Debug)]
pub struct StatusLine {
    shown: bool,
    on: bool,
}

impl StatusLine {
    pub fn new(wanted: bool) -> StatusLine {
        StatusLine {
            shown: false,
            on: wanted && std::io::stderr().is_terminal(),
        }
    }

    /// Replaces the line with `text`, cut to the terminal's width.
    pub fn show(&mut self, text: &str) {
        if !self.on {
            return;
        }
        let width = terminal::size().map_or(80, |(columns, _)| usize::from(columns));
        let text: String = text.chars().take(width.saturating_sub(1)).collect();
        eprint!("\r{}{text}", Clear(ClearType::CurrentLine));
        self.shown = true;
    }

    /// Wipes the line, if one was shown.
    pub fn clear(&mut self) {
        if std::mem::take(&mut self.shown) {
            eprint!("\r{}", Clear(ClearType::CurrentLine));
        }
    }
}

impl Drop for StatusLine {
    fn drop(&mut self) {
        self.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_c_quits_and_a_plain_c_is_a_key() {
        let key = |code, modifiers| key_of(KeyEvent::new(code, modifiers));
        assert_eq!(key(KeyCode::Char('c'), KeyModifiers::CONTROL), Key::Quit);
        assert_eq!(key(KeyCode::Char('d'), KeyModifiers::CONTROL), Key::Quit);
        assert_eq!(key(KeyCode::Char('c'), KeyModifiers::NONE), Key::Char('c'));
        assert_eq!(key(KeyCode::Char('q'), KeyModifiers::NONE), Key::Quit);
        assert_eq!(key(KeyCode::Enter, KeyModifiers::NONE), Key::Enter);
        assert_eq!(key(KeyCode::Esc, KeyModifiers::NONE), Key::Other);
    }

    #[test]
    fn only_an_exercises_sources_are_saves() {
        assert!(is_exercise_source(Path::new(
            "/c/crates/locks/exercises/src/counter.rs"
        )));
        assert!(is_exercise_source(Path::new(
            "/c/crates/locks/exercises/Cargo.toml"
        )));
        assert!(!is_exercise_source(Path::new("/c/crates/locks/src/lib.rs")));
        assert!(!is_exercise_source(Path::new(
            "/c/crates/locks/exercises/notes.md"
        )));
    }
}
