//! `cargo xtask sync [--check]`: the README's lesson table and the book's
//! `SUMMARY.md` are written from [`LESSONS`], so the three never disagree,
//! and the glossary in `introduction.md` is put in reading order (each
//! lesson appends its rows; this sorts them by lesson, stably).
//! `--check` (run by `ci`) only compares, and fails if a file has drifted or
//! a lesson has no glossary row.

use std::fs;
use std::path::Path;

use crate::lessons::LESSONS;
use crate::{Result, fail, usage};

const TABLE_BEGIN: &str = "<!-- lessons: begin (written by `cargo xtask sync`) -->";
const TABLE_END: &str = "<!-- lessons: end -->";

pub fn sync(root: &Path, args: &[String]) -> Result {
    let check = match args {
        [] => false,
        [flag] if flag == "--check" => true,
        _ => return Err(usage("usage: cargo xtask sync [--check]")),
    };
    let readme_path = root.join("README.md");
    let readme = read(&readme_path)?;
    let readme_new =
        replace_between(&readme, TABLE_BEGIN, TABLE_END, &lesson_table()).ok_or_else(|| {
            fail(format!(
                "README.md lacks the markers `{TABLE_BEGIN}` … `{TABLE_END}`"
            ))
        })?;
    let summary_path = root.join("book/src/SUMMARY.md");
    let summary_new = summary();
    let intro_path = root.join("book/src/introduction.md");
    let (intro_new, without_rows) = glossary_in_reading_order(&read(&intro_path)?)?;
    if check && !without_rows.is_empty() {
        return Err(fail(format!(
            "the glossary in introduction.md has no row for: {}",
            without_rows.join(", ")
        )));
    }

    if check {
        check_every_package_is_listed(root)?;
        check_chapter_headings(root)?;
    }

    let mut stale = Vec::new();
    for (path, new) in [
        (&readme_path, &readme_new),
        (&summary_path, &summary_new),
        (&intro_path, &intro_new),
    ] {
        let old = fs::read_to_string(path).unwrap_or_default();
        if &old == new {
            continue;
        }
        if check {
            stale.push(
                path.strip_prefix(root)
                    .unwrap_or(path)
                    .display()
                    .to_string(),
            );
        } else {
            fs::write(path, new).map_err(|e| fail(format!("writing {}: {e}", path.display())))?;
            eprintln!("wrote {}", path.display());
        }
    }
    if stale.is_empty() {
        Ok(())
    } else {
        Err(fail(format!(
            "{} out of date with xtask/src/lessons.rs; run `cargo xtask sync`",
            stale.join(" and ")
        )))
    }
}

/// Every package under `crates/` is a listed lesson, and the other way round.
fn check_every_package_is_listed(root: &Path) -> Result {
    let entries =
        fs::read_dir(root.join("crates")).map_err(|e| fail(format!("reading crates/: {e}")))?;
    let mut packages: Vec<String> = entries
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.path().join("Cargo.toml").is_file())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    packages.sort();
    let unlisted: Vec<&str> = packages
        .iter()
        .map(String::as_str)
        .filter(|name| !LESSONS.iter().any(|l| l.name == *name))
        .collect();
    let missing: Vec<&str> = LESSONS
        .iter()
        .map(|l| l.name)
        .filter(|name| !packages.iter().any(|p| p == name))
        .collect();
    match (unlisted.is_empty(), missing.is_empty()) {
        (true, true) => Ok(()),
        _ => Err(fail(format!(
            "crates/ and xtask/src/lessons.rs disagree: not listed: [{}]; listed but no package: [{}]",
            unlisted.join(", "),
            missing.join(", ")
        ))),
    }
}

/// Each chapter opens with `# <number>. <title>`, as SUMMARY.md lists it.
fn check_chapter_headings(root: &Path) -> Result {
    let mut wrong = Vec::new();
    for (number, lesson) in LESSONS.iter().enumerate() {
        let path = root.join("book/src").join(format!("{}.md", lesson.name));
        let expected = format!("# {}. {}", number + 1, lesson.title);
        let text = fs::read_to_string(&path).unwrap_or_default();
        let first = text.lines().next().unwrap_or_default();
        if first != expected {
            wrong.push(format!(
                "book/src/{}.md opens with `{first}`, not `{expected}`",
                lesson.name
            ));
        }
    }
    if wrong.is_empty() {
        Ok(())
    } else {
        Err(fail(wrong.join("\n  ")))
    }
}

const GLOSSARY_HEADER: &str = "| Python | Rust | Lesson |";

/// `introduction.md` with its glossary rows sorted by lesson (reading
/// order), keeping each lesson's rows in the order it wrote them; and the
/// lessons that have no row yet.
fn glossary_in_reading_order(intro: &str) -> Result<(String, Vec<&'static str>)> {
    let lines: Vec<&str> = intro.lines().collect();
    let header = lines
        .iter()
        .position(|line| line.trim() == GLOSSARY_HEADER)
        .ok_or_else(|| {
            fail(format!(
                "introduction.md has no glossary table (`{GLOSSARY_HEADER}`)"
            ))
        })?;
    let first_row = header + 2; // after the header and the `|---|` line
    let end = lines[first_row..]
        .iter()
        .position(|line| !line.starts_with('|'))
        .map_or(lines.len(), |n| first_row + n);

    let lesson_of = |row: &str| {
        row.trim_end()
            .trim_end_matches('|')
            .rsplit('|')
            .next()
            .unwrap_or("")
            .trim()
            .to_owned()
    };
    let rank = |row: &str| {
        let lesson = lesson_of(row);
        LESSONS
            .iter()
            .position(|l| l.name == lesson)
            .unwrap_or(LESSONS.len())
    };
    let mut rows = lines[first_row..end].to_vec();
    rows.sort_by_key(|row| rank(row)); // stable: a lesson's rows keep their order

    let without_rows = LESSONS
        .iter()
        .map(|l| l.name)
        .filter(|name| !rows.iter().any(|row| lesson_of(row) == *name))
        .collect();

    let mut out: Vec<&str> = lines[..first_row].to_vec();
    out.extend(rows);
    out.extend(&lines[end..]);
    Ok((out.join("\n") + "\n", without_rows))
}

/// The README's lesson table.
fn lesson_table() -> String {
    let mut table =
        String::from("| # | Lesson | Python source | Rust tools |\n|---|---|---|---|\n");
    for (number, lesson) in LESSONS.iter().enumerate() {
        table.push_str(&format!(
            "| {} | [`{}`](crates/{}) — {} | {} | {} |\n",
            number + 1,
            lesson.name,
            lesson.name,
            lesson.title,
            lesson.python,
            lesson.rust
        ));
    }
    table
}

/// The whole of `book/src/SUMMARY.md`.
fn summary() -> String {
    let mut summary = String::from(
        "# Summary\n\n\
         <!-- Written by `cargo xtask sync` from xtask/src/lessons.rs: edit that, not this. -->\n\n\
         [Introduction](introduction.md)\n\n# Lessons\n\n",
    );
    for (number, lesson) in LESSONS.iter().enumerate() {
        summary.push_str(&format!(
            "- [{}. {}]({}.md)\n",
            number + 1,
            lesson.title,
            lesson.name
        ));
    }
    summary.push_str("\n# Appendix\n\n- [How a lesson is built](how-a-lesson-is-built.md)\n");
    summary
}

fn replace_between(text: &str, begin: &str, end: &str, body: &str) -> Option<String> {
    let start = text.find(begin)? + begin.len();
    let stop = start + text[start..].find(end)?;
    Some(format!("{}\n{}{}", &text[..start], body, &text[stop..]))
}

fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| fail(format!("reading {}: {e}", path.display())))
}
