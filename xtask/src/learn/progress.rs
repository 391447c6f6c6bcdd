//! `.learn-progress`: plain text in the course root, git-ignored.
//!
//! ```text
//! # cargo xtask learn: your progress. Delete this file to start again.
//! done threads-countdown
//! hints threads-event 2
//! ```
//!
//! `done <name>` for each exercise whose last check passed, `hints <name> <n>`
//! for how many hints have been shown. Any other line, and any name that is
//! no exercise (one renamed or removed), is kept as it is and ignored.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

pub const FILE: &str = ".learn-progress";
const HEADER: &str = "# cargo xtask learn: your progress. Delete this file to start again.";

#[derive(Debug)]
pub struct Progress {
    path: PathBuf,
    lines: Vec<String>,
}

impl Progress {
    /// Reads `<root>/.learn-progress`; a missing file is no progress.
    pub fn load(root: &Path) -> io::Result<Progress> {
        let path = root.join(FILE);
        let lines = match fs::read_to_string(&path) {
            Ok(text) => text.lines().map(str::to_owned).collect(),
            Err(err) if err.kind() == io::ErrorKind::NotFound => Vec::new(),
            Err(err) => return Err(err),
        };
        Ok(Progress { path, lines })
    }

    pub fn is_done(&self, name: &str) -> bool {
        self.lines.iter().any(|line| is_done_line(line, name))
    }

    /// Records the result of a check: passed is done, failed is not.
    pub fn set_done(&mut self, name: &str, done: bool) -> io::Result<()> {
        if self.is_done(name) == done {
            return Ok(());
        }
        if done {
            self.lines.push(format!("done {name}"));
        } else {
            self.lines.retain(|line| !is_done_line(line, name));
        }
        self.save()
    }

    /// How many hints of `name` have been shown.
    pub fn hints_shown(&self, name: &str) -> usize {
        self.lines
            .iter()
            .find_map(|line| hints_line(line, name))
            .unwrap_or(0)
    }

    pub fn set_hints_shown(&mut self, name: &str, shown: usize) -> io::Result<()> {
        self.lines.retain(|line| hints_line(line, name).is_none());
        if shown > 0 {
            self.lines.push(format!("hints {name} {shown}"));
        }
        self.save()
    }

    fn save(&self) -> io::Result<()> {
        let mut text = String::new();
        if self.lines.first().map(String::as_str) != Some(HEADER) {
            text.push_str(HEADER);
            text.push('\n');
        }
        for line in &self.lines {
            text.push_str(line);
            text.push('\n');
        }
        fs::write(&self.path, text)
    }
}

fn is_done_line(line: &str, name: &str) -> bool {
    let mut words = line.split_whitespace();
    words.next() == Some("done") && words.next() == Some(name) && words.next().is_none()
}

fn hints_line(line: &str, name: &str) -> Option<usize> {
    let mut words = line.split_whitespace();
    if words.next() != Some("hints") || words.next() != Some(name) {
        return None;
    }
    words.next()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_root(tag: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-progress-{tag}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn progress_survives_a_reload_and_keeps_unknown_lines() {
        let root = temp_root("reload");
        fs::write(
            root.join(FILE),
            "done renamed-exercise\nsomething a later version wrote\n",
        )
        .unwrap();
        let mut progress = Progress::load(&root).unwrap();
        progress.set_done("demo-a", true).unwrap();
        progress.set_hints_shown("demo-b", 2).unwrap();
        progress.set_hints_shown("demo-b", 3).unwrap();

        let again = Progress::load(&root).unwrap();
        assert!(again.is_done("demo-a"));
        assert!(!again.is_done("demo-b"));
        assert_eq!(again.hints_shown("demo-b"), 3);
        assert_eq!(again.hints_shown("demo-a"), 0);
        let text = fs::read_to_string(root.join(FILE)).unwrap();
        assert_eq!(
            text,
            format!(
                "{HEADER}\ndone renamed-exercise\nsomething a later version wrote\n\
                 done demo-a\nhints demo-b 3\n"
            )
        );

        let mut again = again;
        again.set_done("demo-a", false).unwrap();
        assert!(!Progress::load(&root).unwrap().is_done("demo-a"));
        assert!(Progress::load(&root).unwrap().is_done("renamed-exercise"));
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_missing_file_is_no_progress_and_a_prefix_is_not_a_name() {
        let root = temp_root("missing");
        let progress = Progress::load(&root).unwrap();
        assert!(!progress.is_done("demo-a"));
        fs::write(root.join(FILE), "done demo-ab\n").unwrap();
        assert!(!Progress::load(&root).unwrap().is_done("demo-a"));
        fs::remove_dir_all(&root).unwrap();
    }
}
