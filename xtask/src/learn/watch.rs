//! The learner's loop, `cargo xtask learn`: the current exercise, its task
//! and file, a progress bar and the last check's report; re-checked on every
//! save (or, with `--manual`, on Enter only). Single keys: `h` hint, `n` next
//! exercise, `l` list, `c` check all, Enter check, `q` quit.
//!
//! On a terminal, stdin is put in cbreak mode (no line buffering, no echo, no
//! signals: Ctrl-C arrives as a key and quits cleanly) and restored on exit
//! and on panic. When stdin is not a terminal, it is read line by line, each
//! line's first character a key.

use std::io::{BufRead, IsTerminal, Read, Write};
use std::os::fd::AsFd;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use nix::sys::termios::{self, LocalFlags, SetArg, SpecialCharacterIndices, Termios};
use notify::{EventKind, RecursiveMode, Watcher};

use super::course::Course;
use super::progress::Progress;
use super::{check_one, hint_text};

enum Event {
    Key(u8),
    /// A file of an exercises package (`crates/<lesson>/exercises/`) was written.
    Saved(PathBuf),
    /// stdin is closed.
    Closed,
}

/// The terminal as it was before `learn` changed it, for the panic hook.
static SAVED: Mutex<Option<Termios>> = Mutex::new(None);

/// Cbreak mode on stdin for as long as this lives.
struct Cbreak {
    saved: Termios,
}

impl Cbreak {
    fn enter() -> nix::Result<Cbreak> {
        let stdin = std::io::stdin();
        let saved = termios::tcgetattr(stdin.as_fd())?;
        let mut keys = saved.clone();
        keys.local_flags
            .remove(LocalFlags::ICANON | LocalFlags::ECHO | LocalFlags::ISIG);
        keys.control_chars[SpecialCharacterIndices::VMIN as usize] = 1;
        keys.control_chars[SpecialCharacterIndices::VTIME as usize] = 0;
        *SAVED.lock().unwrap_or_else(|e| e.into_inner()) = Some(saved.clone());
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore_saved();
            previous(info);
        }));
        termios::tcsetattr(stdin.as_fd(), SetArg::TCSANOW, &keys)?;
        Ok(Cbreak { saved })
    }
}

impl Drop for Cbreak {
    fn drop(&mut self) {
        let _ = termios::tcsetattr(std::io::stdin().as_fd(), SetArg::TCSANOW, &self.saved);
    }
}

fn restore_saved() {
    if let Ok(saved) = SAVED.lock()
        && let Some(saved) = saved.as_ref()
    {
        let _ = termios::tcsetattr(std::io::stdin().as_fd(), SetArg::TCSANOW, saved);
    }
}

/// Keys from stdin, on a thread of their own.
fn read_keys(events: Sender<Event>, terminal: bool) {
    std::thread::spawn(move || {
        let stdin = std::io::stdin();
        if terminal {
            let mut byte = [0u8];
            let mut stdin = stdin.lock();
            while let Ok(1) = stdin.read(&mut byte) {
                if events.send(Event::Key(byte[0])).is_err() {
                    return;
                }
            }
        } else {
            for line in stdin.lock().lines() {
                let Ok(line) = line else { break };
                let key = line.trim().bytes().next().unwrap_or(b'\n');
                if events.send(Event::Key(key)).is_err() {
                    return;
                }
            }
        }
        let _ = events.send(Event::Closed);
    });
}

/// Watches the exercises packages (`crates/<lesson>/exercises/`) for saved
/// `.rs` and `.toml` files.
fn watch_saves(root: &Path, events: Sender<Event>) -> notify::Result<notify::RecommendedWatcher> {
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        if !matches!(
            event.kind,
            EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
        ) {
            return;
        }
        for path in event.paths {
            let in_exercises = path.components().any(|c| c.as_os_str() == "exercises");
            if in_exercises && path.extension().is_some_and(|e| e == "rs" || e == "toml") {
                let _ = events.send(Event::Saved(path));
            }
        }
    })?;
    for package in super::course::exercise_packages(root) {
        watcher.watch(&package, RecursiveMode::Recursive)?;
    }
    Ok(watcher)
}

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
    clear: bool,
}

pub fn run(
    course: &Course,
    progress: &mut Progress,
    target: &Path,
    manual: bool,
    verbose: bool,
) -> crate::Result {
    if course.exercises.is_empty() {
        println!("There are no exercises yet (no crates/<lesson>/exercises/).");
        return Ok(());
    }
    let terminal = std::io::stdin().is_terminal();
    let _cbreak = if terminal {
        Some(
            Cbreak::enter()
                .map_err(|e| crate::fail(format!("could not set up the terminal: {e}")))?,
        )
    } else {
        None
    };
    let (sender, events) = mpsc::channel();
    read_keys(sender.clone(), terminal);
    let _watcher = if manual {
        None
    } else {
        Some(
            watch_saves(&course.root, sender)
                .map_err(|e| crate::fail(format!("could not watch the exercises: {e}")))?,
        )
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
    };
    screen.check_current();
    screen.draw();
    screen.serve(&events);
    println!("Bye. Your progress is in {}.", super::progress::FILE);
    Ok(())
}

impl Screen<'_> {
    fn serve(&mut self, events: &Receiver<Event>) {
        let mut pending: Vec<Event> = Vec::new();
        loop {
            let event = if pending.is_empty() {
                match events.recv() {
                    Ok(event) => event,
                    Err(_) => return,
                }
            } else {
                pending.remove(0)
            };
            match event {
                Event::Closed => return,
                Event::Saved(path) => {
                    // An editor's save is several events: wait for quiet.
                    loop {
                        match events.recv_timeout(Duration::from_millis(200)) {
                            Ok(Event::Saved(_)) => {}
                            Ok(other) => pending.push(other),
                            Err(RecvTimeoutError::Timeout) => break,
                            Err(RecvTimeoutError::Disconnected) => return,
                        }
                    }
                    if let Some(index) = self
                        .course
                        .exercises
                        .iter()
                        .position(|e| path.ends_with(e.path()))
                    {
                        self.current = index;
                    }
                    self.check_current();
                }
                Event::Key(b'q' | 0x03 | 0x04) => return,
                Event::Key(b'h') => self.hint(),
                Event::Key(b'n') => {
                    self.next();
                    self.check_current();
                }
                Event::Key(b'l') => {
                    let progress = &self.progress;
                    self.note = format!(
                        "The exercises (✓ passed):\n{}",
                        self.course.listing(|name| progress.is_done(name))
                    );
                }
                Event::Key(b'c') => self.check_all(),
                Event::Key(b'\n' | b'\r') => self.check_current(),
                Event::Key(_) => continue,
            }
            self.draw();
        }
    }

    fn check_current(&mut self) {
        let exercise = &self.course.exercises[self.current];
        print!("\nchecking {}…", exercise.name);
        let _ = std::io::stdout().flush();
        let outcome = check_one(self.course, exercise, self.target, self.verbose, true);
        let _ = self.progress.set_done(&exercise.name, outcome.passed);
        self.report = outcome.report;
        self.note.clear();
        if outcome.passed {
            self.report
                .push_str("\nWell done. Press n for the next exercise.\n");
        }
    }

    fn check_all(&mut self) {
        let mut summary = String::from("Checked every exercise:\n");
        let mut first_failure = None;
        for (index, exercise) in self.course.exercises.iter().enumerate() {
            print!("\nchecking {}…", exercise.name);
            let _ = std::io::stdout().flush();
            let outcome = check_one(self.course, exercise, self.target, self.verbose, true);
            let _ = self.progress.set_done(&exercise.name, outcome.passed);
            let mark = if outcome.passed { "✓" } else { "✗" };
            summary.push_str(&format!("  {mark} {}\n", exercise.name));
            if !outcome.passed && first_failure.is_none() {
                first_failure = Some((index, outcome.report));
            }
        }
        match first_failure {
            Some((index, report)) => {
                self.current = index;
                self.report = format!("{summary}\n{report}");
            }
            None => self.report = format!("{summary}\nEvery exercise passes. Well done!\n"),
        }
        self.note.clear();
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
            out.push_str("\x1b[2J\x1b[H");
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
            "cargo xtask learn  {}  {done}/{total} done\n",
            bar(done, total, 30)
        ));
        let exercise = &self.course.exercises[self.current];
        let mark = if self.progress.is_done(&exercise.name) {
            "✓"
        } else {
            "▶"
        };
        out.push_str(&format!(
            "{mark} {} ({} of {total})\n  {}\n  edit: {}\n  read: book/src/{}\n\n",
            exercise.name,
            self.current + 1,
            exercise.task,
            exercise.path(),
            exercise.chapter_link()
        ));
        out.push_str(if self.manual {
            "Enter check · h hint · n next · l list · c check all · q quit\n"
        } else {
            "h hint · n next · l list · c check all · Enter check · q quit  (re-checks when you save)\n"
        });
        print!("{out}");
        let _ = std::io::stdout().flush();
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
