//! The exercises: found by scanning `crates/*/exercises/exercises.toml` (the layout
//! is described in CONTRIBUTING.md, "Exercises"), in reading order: lessons
//! in the order of `xtask/src/lessons.rs`, then any other lesson folder by
//! name; within a lesson, the order of its `exercises.toml`.

use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// One exercise: a file the learner edits, and the checks it must pass.
#[derive(Debug, Clone)]
pub struct Exercise {
    /// Unique across the course: what `learn check <name>` takes.
    pub name: String,
    /// The lesson: its folder under `crates/`, whose `exercises/` package
    /// holds the exercise.
    pub lesson: String,
    /// The cargo package, `<lesson>-exercises`.
    pub package: String,
    /// The file to edit, relative to `crates/<lesson>/exercises/`.
    pub file: String,
    /// The heading of the lesson's chapter the exercise practises: its id,
    /// written in the chapter as `{#id}` (a section's name, as in
    /// `ask_to_stop`).
    pub section: String,
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
    /// `crates/<lesson>/exercises`, relative to the course root: the package.
    pub fn dir(&self) -> String {
        package_dir(&self.lesson)
    }

    /// `crates/<lesson>/exercises/<file>`, relative to the course root.
    pub fn path(&self) -> String {
        format!("{}/{}", self.dir(), self.file)
    }

    /// `crates/<lesson>/exercises/solutions/<file name>`, relative to the
    /// course root.
    pub fn solution_path(&self) -> String {
        let name = Path::new(&self.file)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        format!("{}/solutions/{name}", self.dir())
    }

    /// The chapter file, relative to `book/src/`: `<lesson>.md`.
    pub fn chapter_file(&self) -> String {
        format!("{}.md", self.lesson)
    }

    /// The link to the section it practises, relative to `book/src/`:
    /// `threads.md#ask_to_stop`.
    pub fn chapter_link(&self) -> String {
        format!("{}#{}", self.chapter_file(), self.section)
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
    /// The course root: holds `crates/<lesson>/exercises/` and `book/src/`.
    pub root: PathBuf,
    pub exercises: Vec<Exercise>,
}

impl Course {
    /// Reads every `crates/<lesson>/exercises/exercises.toml` under `root`.
    /// A course without exercises is an empty course, not an error.
    pub fn load(root: &Path) -> Result<Course, String> {
        let mut lessons: Vec<String> = match fs::read_dir(root.join("crates")) {
            Ok(entries) => entries
                .filter_map(|entry| entry.ok())
                .filter(|entry| entry.path().join("exercises/exercises.toml").is_file())
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .collect(),
            Err(_) => Vec::new(),
        };
        // Reading order where the course gives one (a course without it, as
        // in the tests' fixture, is in name order).
        let order = crate::lessons::order(root)
            .map(|o| o.lessons)
            .unwrap_or_default();
        lessons.sort_by_key(|name| {
            let rank = order.iter().position(|l| l == name);
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
    /// and for an unknown name; each task in the active language.
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
                crate::i18n::text(&exercise.task)
            ));
        }
        if self.exercises.is_empty() {
            text.push_str(crate::i18n::tr(
                "(no exercises yet: no crates/<lesson>/exercises/)",
            ));
            text.push('\n');
        }
        text
    }
}

/// `crates/<lesson>/exercises/exercises.toml`: its `[[exercise]]` tables.
/// An unknown key is an error that names it (a typo'd `hint =` must not be
/// lost).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExercisesFile {
    exercise: Vec<Entry>,
}

/// One `[[exercise]]` table, as written (CONTRIBUTING.md, "Exercises").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    name: String,
    file: String,
    section: String,
    task: String,
    tests: String,
    loom: Option<String>,
    stress: Option<String>,
    hints: Vec<String>,
    #[serde(default)]
    deadlock: String,
    loom_says: Option<String>,
}

/// The part of an exercises package's `Cargo.toml` the course reads.
#[derive(Debug, Deserialize)]
struct PackageManifest {
    package: PackageName,
}

#[derive(Debug, Deserialize)]
struct PackageName {
    name: String,
}

fn load_lesson(root: &Path, lesson: &str) -> Result<Vec<Exercise>, String> {
    let dir = root.join(package_dir(lesson));
    let manifest: PackageManifest = read_toml(root, &dir.join("Cargo.toml"))?;
    let file: ExercisesFile = read_toml(root, &dir.join("exercises.toml"))?;
    Ok(file
        .exercise
        .into_iter()
        .map(|entry| exercise(entry, lesson, &manifest.package.name))
        .collect())
}

fn read_toml<T: serde::de::DeserializeOwned>(root: &Path, path: &Path) -> Result<T, String> {
    let label = relative(root, path);
    let text = fs::read_to_string(path).map_err(|e| format!("{label}: {e}"))?;
    toml::from_str(&text).map_err(|e| format!("{label}: {e}"))
}

fn exercise(entry: Entry, lesson: &str, package: &str) -> Exercise {
    Exercise {
        name: entry.name,
        lesson: lesson.to_owned(),
        package: package.to_owned(),
        file: entry.file,
        section: entry.section,
        task: entry.task,
        tests: entry.tests,
        loom: entry.loom,
        stress: entry.stress,
        hints: entry.hints,
        deadlock: entry.deadlock,
        loom_says: entry.loom_says,
    }
}

/// `crates/<lesson>/exercises`: where a lesson's exercises package lives,
/// relative to the course root.
pub fn package_dir(lesson: &str) -> String {
    format!("crates/{lesson}/exercises")
}

/// Every `crates/<lesson>/exercises/` folder, sorted.
pub fn exercise_packages(root: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(root.join("crates"))
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.path().join("exercises"))
                .filter(|dir| dir.is_dir())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    dirs
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
        let file: ExercisesFile = toml::from_str(
            r#"
            [[exercise]]
            name = "demo-a"
            file = "src/a.rs"
            section = "first_step"
            task = "Do a."
            tests = "a"
            stress = "a_stress"
            hints = ["one", "two"]
            deadlock = "stuck"
        "#,
        )
        .unwrap();
        let entry = file.exercise.into_iter().next().unwrap();
        let exercise = exercise(entry, "demo", "demo-exercises");
        assert_eq!(exercise.name, "demo-a");
        assert_eq!(exercise.loom, None);
        assert_eq!(exercise.stress.as_deref(), Some("a_stress"));
        assert_eq!(exercise.hints, ["one", "two"]);
        assert_eq!(exercise.path(), "crates/demo/exercises/src/a.rs");
        assert_eq!(
            exercise.solution_path(),
            "crates/demo/exercises/solutions/a.rs"
        );
        assert_eq!(exercise.chapter_link(), "demo.md#first_step");
        assert_eq!(exercise.targets().collect::<Vec<_>>(), ["a", "a_stress"]);
    }

    #[test]
    fn a_missing_or_unknown_key_is_named() {
        let missing = toml::from_str::<ExercisesFile>("[[exercise]]\nname = \"x\"\n").unwrap_err();
        assert!(
            missing.to_string().contains("missing field `file`"),
            "{missing}"
        );
        let typo = toml::from_str::<ExercisesFile>(
            "[[exercise]]\nname = \"x\"\nfile = \"f\"\nsection = \"s\"\ntask = \"t\"\n\
             tests = \"t\"\nhints = [\"a\", \"b\"]\nhint = \"c\"\n",
        )
        .unwrap_err();
        assert!(typo.to_string().contains("unknown field `hint`"), "{typo}");
    }
}
