//! The lessons, read from where each fact is written once: the reading order
//! from the workspace's `Cargo.toml` (`[workspace.metadata.course]`), and each
//! lesson's title, sources and tools from its `crates/<lesson>/lesson.toml`.
//! `cargo xtask list`, the README's lesson table, the book's `SUMMARY.md` and
//! each package's description all follow them (`cargo xtask sync` writes the
//! last three; `sync --check` fails when they have drifted).

use std::fs;
use std::path::Path;
use std::sync::OnceLock;

use serde::Deserialize;

/// One lesson: a folder under `crates/` (its package, Python, exercises,
/// experiments) and a chapter in `book/src/`.
#[derive(Debug, Clone)]
pub struct Lesson {
    /// Package name, folder name under `crates/`, and chapter file stem.
    pub name: String,
    /// The lesson's own facts, from its `lesson.toml`.
    pub facts: Facts,
}

/// What `crates/<lesson>/lesson.toml` says. An unknown key is an error that
/// names it, so a typo is not silently lost.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Facts {
    /// The one-line title of the chapter.
    pub title: String,
    /// Where the Python original comes from.
    pub sources: String,
    /// The Rust tools the lesson teaches.
    pub tools: String,
    /// `[[experiment]]`: what `cargo xtask compare` runs for this lesson
    /// (the Rust side in `examples/compare.rs`, the Python side in
    /// `python/compare_<name>.py`); none for most lessons.
    #[serde(default, rename = "experiment")]
    pub experiments: Vec<crate::compare::Experiment>,
    /// Its `[[picture]]` tables: timelines of its runs, drawn for the book
    /// (`cargo xtask pictures`).
    #[serde(default, rename = "picture")]
    pub pictures: Vec<crate::pictures::Definition>,
}

/// The workspace manifest, as far as the course reads it.
#[derive(Debug, Deserialize)]
struct Manifest {
    workspace: Workspace,
}

#[derive(Debug, Deserialize)]
struct Workspace {
    metadata: Metadata,
}

#[derive(Debug, Deserialize)]
struct Metadata {
    course: CourseOrder,
}

/// `[workspace.metadata.course]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseOrder {
    /// The lessons, in reading order.
    pub lessons: Vec<String>,
    /// The folders under `crates/` that are not lessons.
    pub support: Vec<String>,
}

/// The course's reading order and support crates, from `Cargo.toml`.
pub fn order(root: &Path) -> Result<CourseOrder, String> {
    let path = root.join("Cargo.toml");
    let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let manifest: Manifest = toml::from_str(&text)
        .map_err(|e| format!("Cargo.toml, [workspace.metadata.course]: {e}"))?;
    Ok(manifest.workspace.metadata.course)
}

/// The facts of the lesson in `crates/<name>/`.
pub fn facts(root: &Path, name: &str) -> Result<Facts, String> {
    let path = root.join("crates").join(name).join("lesson.toml");
    let text = fs::read_to_string(&path).map_err(|e| format!("crates/{name}/lesson.toml: {e}"))?;
    toml::from_str(&text).map_err(|e| format!("crates/{name}/lesson.toml: {e}"))
}

/// Every lesson in reading order.
///
/// A lesson folder (one with a `lesson.toml`) that the reading order does
/// not name yet comes last, by name, so a lesson being written can be run
/// and tested before it has a place; a name in the order whose folder is
/// gone (a lesson just removed) is left out. `sync` mends both in the
/// order, and `sync --check` refuses them.
pub fn load(root: &Path) -> Result<Vec<Lesson>, String> {
    let order = order(root)?;
    let mut names: Vec<String> = order
        .lessons
        .iter()
        .filter(|name| root.join("crates").join(name).join("lesson.toml").is_file())
        .cloned()
        .collect();
    let mut unlisted = unlisted(root, &order);
    unlisted.sort();
    names.extend(unlisted);
    names
        .into_iter()
        .map(|name| {
            let facts = facts(root, &name)?;
            Ok(Lesson { name, facts })
        })
        .collect()
}

/// Folders under `crates/` with a `lesson.toml` that the order does not name.
pub fn unlisted(root: &Path, order: &CourseOrder) -> Vec<String> {
    lesson_folders(root)
        .into_iter()
        .filter(|name| !order.lessons.contains(name))
        .collect()
}

/// The folders under `crates/` that hold a `lesson.toml`, sorted.
pub fn lesson_folders(root: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(root.join("crates"))
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .filter(|e| e.path().join("lesson.toml").is_file())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

static LESSONS: OnceLock<Vec<Lesson>> = OnceLock::new();

/// The course's lessons in reading order, read once. (`main` calls
/// [`init`] first, which reports what is wrong with them; here, a course
/// that cannot be read has no lessons.)
pub fn all() -> &'static [Lesson] {
    LESSONS.get_or_init(|| load(&crate::root()).unwrap_or_default())
}

/// Reads the lessons of the course at `root`, once, or says what is wrong.
pub fn init(root: &Path) -> Result<(), String> {
    let lessons = load(root)?;
    let _ = LESSONS.set(lessons);
    Ok(())
}

/// The lesson called `name`, if there is one.
pub fn find(name: &str) -> Option<&'static Lesson> {
    all().iter().find(|lesson| lesson.name == name)
}

impl Lesson {
    pub fn title(&self) -> &str {
        &self.facts.title
    }
}
