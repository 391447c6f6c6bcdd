//! `cargo xtask new <lesson>`: a new lesson that builds, runs and passes its
//! checks as it is, so its author starts from something green and changes it
//! one step at a time.
//!
//! It writes `crates/<lesson>/` (the package: `lesson.toml`, a library with
//! one primitive and its verdict, a program with one section, the snapshot
//! test and its snapshot, a verdict control, a bench, the Python side, and an
//! exercises package with one exercise, its tests and its solution) and the
//! chapter stub `book/src/<lesson>.md`; it adds the lesson to the reading
//! order and a row to the glossary, then runs `sync`. The files are the
//! templates in `xtask/templates/lesson/`, with `__LESSON__` (the package
//! name), `__CRATE__` (its Rust name) and `__TITLE__` filled in.
//!
//! Removing the lesson is deleting `crates/<lesson>/` and
//! `book/src/<lesson>.md`, then `cargo xtask sync` (which drops it from the
//! reading order, the README, `SUMMARY.md` and the glossary).

use std::fs;
use std::path::Path;

use crate::{Result, fail, lessons, sync, usage};

/// The templates, relative to `xtask/templates/lesson/`, and where each goes
/// (relative to the course root).
const FILES: &[(&str, &str)] = &[
    ("Cargo.toml", "crates/__LESSON__/Cargo.toml"),
    ("lesson.toml", "crates/__LESSON__/lesson.toml"),
    ("src/lib.rs", "crates/__LESSON__/src/lib.rs"),
    ("src/verdict.rs", "crates/__LESSON__/src/verdict.rs"),
    ("src/main.rs", "crates/__LESSON__/src/main.rs"),
    ("tests/output.rs", "crates/__LESSON__/tests/output.rs"),
    ("tests/verdicts.rs", "crates/__LESSON__/tests/verdicts.rs"),
    (
        "tests/snapshots/lesson.snap",
        "crates/__LESSON__/tests/snapshots/__LESSON__.snap",
    ),
    (
        "benches/lesson.rs",
        "crates/__LESSON__/benches/__CRATE__.rs",
    ),
    (
        "python/threads_share_the_sum.py",
        "crates/__LESSON__/python/threads_share_the_sum.py",
    ),
    (
        "exercises/Cargo.toml",
        "crates/__LESSON__/exercises/Cargo.toml",
    ),
    (
        "exercises/exercises.toml",
        "crates/__LESSON__/exercises/exercises.toml",
    ),
    (
        "exercises/src/lib.rs",
        "crates/__LESSON__/exercises/src/lib.rs",
    ),
    (
        "exercises/src/sum.rs",
        "crates/__LESSON__/exercises/src/sum.rs",
    ),
    (
        "exercises/solutions/sum.rs",
        "crates/__LESSON__/exercises/solutions/sum.rs",
    ),
    (
        "exercises/tests/sum.rs",
        "crates/__LESSON__/exercises/tests/sum.rs",
    ),
    ("chapter.md", "book/src/__LESSON__.md"),
];

/// Names that are taken by something that is not a lesson.
const RESERVED: &[&str] = &["xtask", "book", "crates", "target", "lesson"];

pub fn new(root: &Path, name: &str) -> Result {
    check_name(root, name)?;
    let crate_name = name.replace('-', "_");
    let title = title_of(name);
    let fill = |text: &str| {
        text.replace("__LESSON__", name)
            .replace("__CRATE__", &crate_name)
            .replace("__TITLE__", &title)
    };
    let templates = root.join("xtask/templates/lesson");
    for (template, target) in FILES {
        let text = fs::read_to_string(templates.join(template))
            .map_err(|e| fail(format!("xtask/templates/lesson/{template}: {e}")))?;
        let path = root.join(fill(target));
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(|e| fail(format!("{}: {e}", dir.display())))?;
        }
        fs::write(&path, fill(&text)).map_err(|e| fail(format!("{}: {e}", path.display())))?;
    }
    add_to_reading_order(root, name)?;
    add_glossary_row(root, name)?;
    sync::sync(root, false)?;
    eprintln!(
        "==> new lesson `{name}`: crates/{name}/ and book/src/{name}.md\n\
         next: cargo run -p {name}; cargo xtask test {name}; then make it yours\n\
         (its title, sources and tools are in crates/{name}/lesson.toml; run\n\
         `cargo xtask sync` after changing them); before you commit, its English\n\
         needs its Korean: `cargo xtask book --pot`, then translate the new\n\
         messages in book/po/ko.po (CONTRIBUTING.md, \"Both editions, always\")"
    );
    Ok(())
}

/// A lesson's name is a package name and a folder, lower case with hyphens,
/// and not one that exists.
fn check_name(root: &Path, name: &str) -> Result {
    let well_formed = name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !name.ends_with('-')
        && !name.contains("--");
    if !well_formed {
        return Err(usage(format!(
            "`{name}` cannot be a lesson's name: use lower-case letters, digits and single \
             hyphens, starting with a letter (as in `thread-pools`)"
        )));
    }
    let order = lessons::order(root).map_err(fail)?;
    if RESERVED.contains(&name) || order.support.iter().any(|s| s == name) {
        return Err(usage(format!(
            "`{name}` is taken by the course's own tooling"
        )));
    }
    if root.join("crates").join(name).exists() || root.join(format!("book/src/{name}.md")).exists()
    {
        return Err(usage(format!(
            "there is already a lesson `{name}` (crates/{name}/ or book/src/{name}.md exists)"
        )));
    }
    Ok(())
}

/// `thread-barriers` → `Thread barriers`: a title to replace.
fn title_of(name: &str) -> String {
    let words = name.replace('-', " ");
    let mut chars = words.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Appends `name` to `[workspace.metadata.course] lessons` in `Cargo.toml`.
fn add_to_reading_order(root: &Path, name: &str) -> Result {
    let path = root.join("Cargo.toml");
    let text = fs::read_to_string(&path).map_err(|e| fail(format!("Cargo.toml: {e}")))?;
    let start = text
        .find("[workspace.metadata.course]")
        .and_then(|at| text[at..].find("lessons = [").map(|n| at + n))
        .ok_or_else(|| fail("Cargo.toml has no `lessons = [` under [workspace.metadata.course]"))?;
    let end = text[start..]
        .find("\n]")
        .map(|n| start + n + 1)
        .ok_or_else(|| fail("Cargo.toml: the `lessons` list does not end with `]` on a line"))?;
    let updated = format!("{}    \"{name}\",\n{}", &text[..end], &text[end..]);
    fs::write(&path, updated).map_err(|e| fail(format!("Cargo.toml: {e}")))
}

/// A glossary row for the new lesson in `introduction.md` (sync puts it in
/// reading order).
fn add_glossary_row(root: &Path, name: &str) -> Result {
    let path = root.join("book/src/introduction.md");
    let text = fs::read_to_string(&path).map_err(|e| fail(format!("introduction.md: {e}")))?;
    let row = format!(
        "| `sum(numbers)` split over threads | `thread::scope` with a thread per chunk | {name} |"
    );
    let Some(header) = text.find(sync::GLOSSARY_HEADER) else {
        return Err(fail("introduction.md has no glossary table"));
    };
    // After the header and its `|---|` line.
    let rows_start = text[header..]
        .match_indices('\n')
        .nth(1)
        .map(|(n, _)| header + n + 1)
        .ok_or_else(|| fail("introduction.md: the glossary has no rows"))?;
    let updated = format!("{}{row}\n{}", &text[..rows_start], &text[rows_start..]);
    fs::write(&path, updated).map_err(|e| fail(format!("introduction.md: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_comes_from_the_name() {
        assert_eq!(title_of("thread-barriers"), "Thread barriers");
        assert_eq!(title_of("demo"), "Demo");
    }

    #[test]
    fn a_bad_or_taken_name_is_a_usage_error() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .expect("xtask sits in the workspace root");
        for name in [
            "Demo", "2pc", "demo-", "a--b", "a_b", "queues", "harness", "xtask",
        ] {
            let failure = check_name(root, name).expect_err(name);
            assert_eq!(failure.code, 2, "{name}: {}", failure.message);
        }
        assert!(check_name(root, "barriers").is_ok());
    }

    #[test]
    fn every_template_exists() {
        let templates = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/lesson");
        for (template, _) in FILES {
            assert!(templates.join(template).is_file(), "{template}");
        }
    }
}
