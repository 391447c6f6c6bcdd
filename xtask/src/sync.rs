//! `cargo xtask sync [--check]`: the README's lesson table and the book's
//! `SUMMARY.md` are written from [`LESSONS`], so the three never disagree.
//! `--check` (run by `ci`) only compares, and fails if a file has drifted.

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

    let mut stale = Vec::new();
    for (path, new) in [(&readme_path, &readme_new), (&summary_path, &summary_new)] {
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
