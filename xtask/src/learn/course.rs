//! The exercises: found by scanning `exercises/*/exercises.toml` (the layout
//! is described in CONTRIBUTING.md, "Exercises"), in reading order: lessons
//! in the order of `xtask/src/lessons.rs`, then any other lesson folder by
//! name; within a lesson, the order of its `exercises.toml`.

use std::fs;
use std::path::{Path, PathBuf};

use crate::lessons::LESSONS;

/// One exercise: a file the learner edits, and the checks it must pass.
#[derive(Debug, Clone)]
pub struct Exercise {
    /// Unique across the course: what `learn check <name>` takes.
    pub name: String,
    /// The lesson folder under `exercises/` (and `solutions/`).
    pub lesson: String,
    /// The cargo package, `<lesson>-exercises`.
    pub package: String,
    /// The file to edit, relative to `exercises/<lesson>/`.
    pub file: String,
    /// The chapter section, relative to `book/src/`: `threads.md#2-...`.
    pub chapter: String,
    pub task: String,
    /// Test targets: behaviour tests, the loom model, the stress test.
    pub tests: String,
    pub loom: Option<String>,
    pub stress: Option<String>,
    pub hints: Vec<String>,
    /// Shown when a test does not finish in time.
    pub deadlock: String,
    /// What a loom failure means for this exercise, in words.
    pub loom_says: Option<String>,
}

impl Exercise {
    /// `exercises/<lesson>/<file>`, relative to the course root.
    pub fn path(&self) -> String {
        format!("exercises/{}/{}", self.lesson, self.file)
    }

    /// `solutions/<lesson>/<file name>`, relative to the course root.
    pub fn solution_path(&self) -> String {
        let name = Path::new(&self.file)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        format!("solutions/{}/{name}", self.lesson)
    }

    /// Every test target this exercise names, in check order.
    pub fn targets(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.tests.as_str())
            .chain(self.loom.as_deref())
            .chain(self.stress.as_deref())
    }
}

/// All the exercises of a course, in reading order.
#[derive(Debug)]
pub struct Course {
    /// The course root: holds `exercises/`, `solutions/`, `book/src/`.
    pub root: PathBuf,
    pub exercises: Vec<Exercise>,
}

impl Course {
    /// Reads every `exercises/<lesson>/exercises.toml` under `root`.
    /// No `exercises/` folder is an empty course, not an error.
    pub fn load(root: &Path) -> Result<Course, String> {
        let mut lessons: Vec<String> = match fs::read_dir(root.join("exercises")) {
            Ok(entries) => entries
                .filter_map(|entry| entry.ok())
                .filter(|entry| entry.path().join("exercises.toml").is_file())
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .collect(),
            Err(_) => Vec::new(),
        };
        lessons.sort_by_key(|name| {
            let rank = LESSONS.iter().position(|l| l.name == name.as_str());
            (rank.unwrap_or(usize::MAX), name.clone())
        });
        let mut exercises = Vec::new();
        for lesson in &lessons {
            exercises.extend(load_lesson(root, lesson)?);
        }
        let mut seen = std::collections::HashSet::new();
        for exercise in &exercises {
            if !seen.insert(exercise.name.as_str()) {
                return Err(format!(
                    "two exercises are called `{}`: names must be unique across the course",
                    exercise.name
                ));
            }
        }
        Ok(Course {
            root: root.to_path_buf(),
            exercises,
        })
    }

    pub fn find(&self, name: &str) -> Option<&Exercise> {
        self.exercises.iter().find(|e| e.name == name)
    }

    /// The packages, each with its exercises, in reading order.
    pub fn packages(&self) -> Vec<(String, Vec<&Exercise>)> {
        let mut packages: Vec<(String, Vec<&Exercise>)> = Vec::new();
        for exercise in &self.exercises {
            match packages.iter_mut().find(|(p, _)| *p == exercise.package) {
                Some((_, list)) => list.push(exercise),
                None => packages.push((exercise.package.clone(), vec![exercise])),
            }
        }
        packages
    }

    /// The exercise list with a mark for each passed one, for `learn list`
    /// and for an unknown name.
    pub fn listing(&self, done: impl Fn(&str) -> bool) -> String {
        let width = self
            .exercises
            .iter()
            .map(|e| e.name.len())
            .max()
            .unwrap_or(0);
        let mut text = String::new();
        for (number, exercise) in self.exercises.iter().enumerate() {
            let mark = if done(&exercise.name) { "✓" } else { " " };
            text.push_str(&format!(
                "{mark} {:>2}. {:width$}  {}\n",
                number + 1,
                exercise.name,
                exercise.task
            ));
        }
        if self.exercises.is_empty() {
            text.push_str("(no exercises yet: nothing under exercises/)\n");
        }
        text
    }
}

fn load_lesson(root: &Path, lesson: &str) -> Result<Vec<Exercise>, String> {
    let dir = root.join("exercises").join(lesson);
    let manifest = dir.join("Cargo.toml");
    let package = read_table(&manifest)?
        .get("package")
        .and_then(|p| p.get("name"))
        .and_then(|n| n.as_str())
        .map(str::to_owned)
        .ok_or_else(|| format!("{}: no [package] name", manifest.display()))?;
    let path = dir.join("exercises.toml");
    let table = read_table(&path)?;
    let Some(list) = table.get("exercise").and_then(|e| e.as_array()) else {
        return Err(format!("{}: no [[exercise]] tables", relative(root, &path)));
    };
    list.iter()
        .enumerate()
        .map(|(index, entry)| {
            parse_exercise(entry, lesson, &package)
                .map_err(|why| format!("{}: exercise {}: {why}", relative(root, &path), index + 1))
        })
        .collect()
}

fn read_table(path: &Path) -> Result<toml::Table, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    text.parse::<toml::Table>()
        .map_err(|e| format!("{}: {e}", path.display()))
}

fn parse_exercise(entry: &toml::Value, lesson: &str, package: &str) -> Result<Exercise, String> {
    let text = |key: &str| -> Result<String, String> {
        entry
            .get(key)
            .and_then(|v| v.as_str())
            .map(str::to_owned)
            .ok_or_else(|| format!("`{key}` is missing or not a string"))
    };
    let optional = |key: &str| -> Result<Option<String>, String> {
        match entry.get(key) {
            None => Ok(None),
            Some(value) => value
                .as_str()
                .map(|s| Some(s.to_owned()))
                .ok_or_else(|| format!("`{key}` is not a string")),
        }
    };
    let hints = match entry.get("hints").and_then(|h| h.as_array()) {
        Some(list) => list
            .iter()
            .map(|h| h.as_str().map(str::to_owned))
            .collect::<Option<Vec<_>>>()
            .ok_or("`hints` must be a list of strings")?,
        None => return Err("`hints` is missing".into()),
    };
    let name = text("name")?;
    Ok(Exercise {
        file: text("file")?,
        chapter: text("chapter")?,
        task: text("task")?,
        tests: text("tests")?,
        loom: optional("loom")?,
        stress: optional("stress")?,
        hints,
        deadlock: optional("deadlock")?.unwrap_or_default(),
        loom_says: optional("loom_says")?,
        lesson: lesson.to_owned(),
        package: package.to_owned(),
        name,
    })
}

pub fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// The id mdBook gives a heading (`mdbook-html`'s `id_from_content`):
/// lower case, letters, digits, `_` and `-` kept, white space to `-`, the
/// rest dropped. Markdown links keep only their text; `{#id}` wins.
pub fn heading_id(heading: &str) -> String {
    let heading = heading.trim();
    if let Some(start) = heading.rfind("{#")
        && heading.ends_with('}')
    {
        return heading[start + 2..heading.len() - 1].to_owned();
    }
    let mut text = String::new();
    let mut rest = heading;
    // `[text](url)` → `text`
    while let Some(open) = rest.find('[') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find("](") {
            Some(close) if after[close + 2..].contains(')') => {
                text.push_str(&after[..close]);
                let url_end = after[close + 2..].find(')').unwrap_or(0);
                rest = &after[close + 2 + url_end + 1..];
            }
            _ => {
                text.push('[');
                rest = after;
            }
        }
    }
    text.push_str(rest);
    text.trim()
        .to_lowercase()
        .chars()
        .filter_map(|ch| {
            if ch.is_alphanumeric() || ch == '_' || ch == '-' {
                Some(ch)
            } else if ch.is_whitespace() {
                Some('-')
            } else {
                None
            }
        })
        .collect()
}

/// The ids of every heading in a chapter, with mdBook's `-1`, `-2` suffixes
/// for repeats. Headings inside fenced code blocks are not headings.
pub fn heading_ids(markdown: &str) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    let mut in_code = false;
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_code = !in_code;
            continue;
        }
        if in_code || !line.starts_with('#') {
            continue;
        }
        let text = line.trim_start_matches('#');
        if !text.starts_with(' ') && !text.is_empty() {
            continue;
        }
        let base = heading_id(text.trim_end_matches('#'));
        let mut id = base.clone();
        let mut counter = 1;
        while ids.contains(&id) {
            id = format!("{base}-{counter}");
            counter += 1;
        }
        ids.push(id);
    }
    ids
}

/// The text of the section under the heading `## <title>` (up to the next
/// heading of level 1 or 2), if there is one.
pub fn section<'a>(markdown: &'a str, title: &str) -> Option<&'a str> {
    let wanted = format!("## {title}");
    let mut offset = 0;
    let mut start = None;
    for line in markdown.split_inclusive('\n') {
        let bare = line.trim_end();
        match start {
            None if bare == wanted => start = Some(offset + line.len()),
            Some(begin) if bare.starts_with("# ") || bare.starts_with("## ") => {
                return Some(&markdown[begin..offset]);
            }
            _ => {}
        }
        offset += line.len();
    }
    start.map(|begin| &markdown[begin..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_ids_follow_mdbook() {
        assert_eq!(
            heading_id(" 2. A countdown stopped early"),
            "2-a-countdown-stopped-early"
        );
        assert_eq!(
            heading_id("6. Has the thread started? `Event`, Barrier"),
            "6-has-the-thread-started-event-barrier"
        );
        assert_eq!(heading_id("Python → Rust"), "python--rust");
        assert_eq!(
            heading_id("See [the docs](https://x.y/z) now"),
            "see-the-docs-now"
        );
        assert_eq!(heading_id("Custom {#my-id}"), "my-id");
    }

    #[test]
    fn repeated_headings_get_suffixes_and_code_blocks_are_skipped() {
        let md = "# Title\n## Notes\n```sh\n# not a heading\n```\n## Notes\n#nospace\n";
        assert_eq!(heading_ids(md), ["title", "notes", "notes-1"]);
    }

    #[test]
    fn a_section_runs_to_the_next_heading_of_its_level() {
        let md = "# T\n## Exercises\n- a\n### sub\n- b\n## Next\n- c\n";
        assert_eq!(section(md, "Exercises"), Some("- a\n### sub\n- b\n"));
        assert_eq!(section("## Exercises\n- x", "Exercises"), Some("- x"));
        assert_eq!(section(md, "Missing"), None);
    }

    #[test]
    fn an_exercise_table_is_read_with_its_optional_fields() {
        let table: toml::Table = r#"
            [[exercise]]
            name = "demo-a"
            file = "src/a.rs"
            chapter = "demo.md#1-a"
            task = "Do a."
            tests = "a"
            stress = "a_stress"
            hints = ["one", "two"]
            deadlock = "stuck"
        "#
        .parse()
        .unwrap();
        let entry = &table["exercise"].as_array().unwrap()[0];
        let exercise = parse_exercise(entry, "demo", "demo-exercises").unwrap();
        assert_eq!(exercise.name, "demo-a");
        assert_eq!(exercise.loom, None);
        assert_eq!(exercise.stress.as_deref(), Some("a_stress"));
        assert_eq!(exercise.hints, ["one", "two"]);
        assert_eq!(exercise.path(), "exercises/demo/src/a.rs");
        assert_eq!(exercise.solution_path(), "solutions/demo/a.rs");
        assert_eq!(exercise.targets().collect::<Vec<_>>(), ["a", "a_stress"]);

        let missing: toml::Table = "[[exercise]]\nname = \"x\"\n".parse().unwrap();
        let entry = &missing["exercise"].as_array().unwrap()[0];
        let err = parse_exercise(entry, "demo", "demo-exercises").unwrap_err();
        assert_eq!(err, "`hints` is missing");
    }
}
