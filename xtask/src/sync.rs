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
        check_every_verdict_can_fail(root)?;
        check_chapter_shapes(root)?;
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

/// The level-2 headings every chapter has, around its numbered sections:
/// the first is a prefix ("What the Python recipes do", "… item does").
const SHAPE_BEFORE: &[&str] = &["What the Python ", "Python → Rust"];
const SHAPE_AFTER: &[&str] = &[
    "What it costs",
    "How it is tested",
    "What to remember",
    "Exercises",
];

/// Every chapter has the same shape (CONTRIBUTING.md, "The chapter"): the
/// Python, the table, one section per section of the program's output (same
/// numbers, same titles, in order, each with its own output and its Python
/// before its Rust), then what it costs, how it is tested, what to remember
/// and the exercises.
fn check_chapter_shapes(root: &Path) -> Result {
    let mut wrong = Vec::new();
    for lesson in LESSONS {
        let chapter = fs::read_to_string(root.join("book/src").join(format!("{}.md", lesson.name)))
            .unwrap_or_default();
        let snapshot = fs::read_to_string(
            root.join("crates")
                .join(lesson.name)
                .join("tests/snapshots")
                .join(format!("{}.snap", lesson.name)),
        )
        .unwrap_or_default();
        wrong.extend(
            chapter_shape_problems(lesson.name, &chapter, &output_sections(&snapshot))
                .into_iter()
                .map(|problem| format!("book/src/{}.md: {problem}", lesson.name)),
        );
    }
    if wrong.is_empty() {
        Ok(())
    } else {
        Err(fail(format!(
            "chapters out of shape (see CONTRIBUTING.md, \"The chapter\"):\n  {}",
            wrong.join("\n  ")
        )))
    }
}

/// The `== <n>. <title> ==` headers of a lesson's output, as `<n>. <title>`.
fn output_sections(snapshot: &str) -> Vec<String> {
    snapshot
        .lines()
        .filter_map(|line| line.strip_prefix("== ")?.strip_suffix(" =="))
        .filter(|title| title.starts_with(|c: char| c.is_ascii_digit()))
        .map(str::to_owned)
        .collect()
}

/// What is out of shape in `chapter`, given its lesson's output sections.
fn chapter_shape_problems(lesson: &str, chapter: &str, sections: &[String]) -> Vec<String> {
    let mut problems = Vec::new();
    // The level-2 headings outside code blocks, with the text under each.
    let mut parts: Vec<(String, String)> = Vec::new();
    let mut in_code = false;
    for line in chapter.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
        }
        match line.strip_prefix("## ") {
            Some(heading) if !in_code => {
                parts.push((heading.trim().replace('`', ""), String::new()))
            }
            _ => {
                if let Some((_, body)) = parts.last_mut() {
                    body.push_str(line);
                    body.push('\n');
                }
            }
        }
    }
    let expected: Vec<String> = SHAPE_BEFORE
        .iter()
        .map(|h| h.to_string())
        .chain(sections.iter().map(|s| s.replace('`', "")))
        .chain(SHAPE_AFTER.iter().map(|h| h.to_string()))
        .collect();
    for (at, want) in expected.iter().enumerate() {
        let found = parts.get(at).map(|(heading, _)| heading.as_str());
        let matches = found.is_some_and(|found| {
            if at == 0 {
                found.starts_with(want.as_str())
            } else {
                found == want
            }
        });
        if !matches {
            problems.push(format!(
                "heading {} should be `## {want}{}`, found {}",
                at + 1,
                if at == 0 { "…" } else { "" },
                found.map_or("nothing".to_owned(), |f| format!("`## {f}`"))
            ));
            return problems; // the rest would only repeat the shift
        }
    }
    if let Some((extra, _)) = parts.get(expected.len()) {
        problems.push(format!(
            "`## {extra}` after `## Exercises`: the chapter ends there"
        ));
    }
    for (number, (heading, body)) in parts
        .iter()
        .skip(SHAPE_BEFORE.len())
        .take(sections.len())
        .enumerate()
    {
        let directive = format!("{{{{#output {lesson}:{}}}}}", number + 1);
        if !body.contains(&directive) {
            problems.push(format!("`## {heading}` lacks its output, `{directive}`"));
        }
        if let (Some(python), Some(rust)) = (body.find("```python"), body.find("```rust"))
            && python > rust
        {
            problems.push(format!(
                "`## {heading}`: the Python listing should come before the Rust"
            ));
        }
    }
    if chapter.contains(&format!("{{{{#output {lesson}}}}}")) {
        problems
            .push("the whole output is shown at once; show each section's after its code".into());
    }
    problems
}

/// The rule "every verdict can come out no", counted: a lesson has at least
/// as many control tests (`fn verdict_<name>_can_fail`, anywhere under
/// `crates/<lesson>/`) as verdict lines (`<claim>: yes|no`) in its snapshot,
/// and no source file prints a verdict it did not compute (a string literal
/// holding `: yes`).
fn check_every_verdict_can_fail(root: &Path) -> Result {
    let mut wrong = Vec::new();
    for lesson in LESSONS {
        let dir = root.join("crates").join(lesson.name);
        let snapshot = dir
            .join("tests/snapshots")
            .join(format!("{}.snap", lesson.name));
        let verdicts = fs::read_to_string(&snapshot)
            .unwrap_or_default()
            .lines()
            .filter(|line| is_verdict_line(line))
            .count();
        let mut controls = 0;
        for file in rust_files(&dir) {
            let text = fs::read_to_string(&file).unwrap_or_default();
            controls += text.lines().filter(|line| is_control_test(line)).count();
            if file.starts_with(dir.join("src")) {
                for (number, line) in text.lines().enumerate() {
                    if prints_literal_yes(line) {
                        wrong.push(format!(
                            "{}:{}: prints a literal \"yes\"; compute the verdict",
                            file.strip_prefix(root).unwrap_or(&file).display(),
                            number + 1
                        ));
                    }
                }
            }
        }
        if controls < verdicts {
            wrong.push(format!(
                "{}: {verdicts} verdict lines in its snapshot but {controls} control tests \
                 (`fn verdict_<name>_can_fail`)",
                lesson.name
            ));
        }
    }
    if wrong.is_empty() {
        Ok(())
    } else {
        Err(fail(format!(
            "verdicts that cannot be shown to fail:\n  {}",
            wrong.join("\n  ")
        )))
    }
}

/// `ten children ran in parallel: yes`: a claim, a colon, the answer.
fn is_verdict_line(line: &str) -> bool {
    [": yes", ": no"].iter().any(|answer| {
        line.match_indices(answer).any(|(at, _)| {
            let rest = &line[at + answer.len()..];
            !rest.starts_with(|c: char| c.is_alphanumeric() || c == '_')
        })
    })
}

fn is_control_test(line: &str) -> bool {
    let line = line.trim_start();
    let Some(name) = line
        .strip_prefix("fn ")
        .or_else(|| line.strip_prefix("async fn "))
    else {
        return false;
    };
    let name = name.split('(').next().unwrap_or_default();
    name.starts_with("verdict_") && name.ends_with("_can_fail")
}

/// A line of code (not a comment) with a string literal that holds `: yes`.
fn prints_literal_yes(line: &str) -> bool {
    let code = line.trim_start();
    !code.starts_with("//") && code.split('"').skip(1).step_by(2).any(is_verdict_line_yes)
}

fn is_verdict_line_yes(literal: &str) -> bool {
    is_verdict_line(literal) && literal.contains(": yes")
}

/// Every `.rs` file below `dir`.
fn rust_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.filter_map(|e| e.ok()) {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
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
    for lesson in LESSONS {
        // No number in the link text: mdBook numbers the chapters itself.
        summary.push_str(&format!("- [{}]({}.md)\n", lesson.title, lesson.name));
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

#[cfg(test)]
mod tests {
    use super::{chapter_shape_problems, is_control_test, is_verdict_line, prints_literal_yes};

    fn sections() -> Vec<String> {
        vec!["1. One".into(), "2. Two: `x` works".into()]
    }

    const GOOD: &str = "# 1. T\n\n## What the Python recipe does\n\n## Python → Rust\n\n\
        ## 1. One\n```python\np\n```\n```rust\nr\n```\n{{#output l:1}}\n\n\
        ## 2. Two: `x` works\n```rust\n## not a heading\n```\n{{#output l:2}}\n\n\
        ## What it costs\n## How it is tested\n## What to remember\n## Exercises\n";

    #[test]
    fn a_chapter_in_shape_passes() {
        assert_eq!(
            chapter_shape_problems("l", GOOD, &sections()),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_chapter_out_of_shape_is_named() {
        let moved = GOOD.replace(
            "## What to remember\n## Exercises",
            "## Exercises\n## What to remember",
        );
        assert_eq!(
            chapter_shape_problems("l", &moved, &sections()),
            ["heading 7 should be `## What to remember`, found `## Exercises`"]
        );
        let missing = GOOD.replace("## 2. Two: `x` works\n", "");
        assert!(
            chapter_shape_problems("l", &missing, &sections())[0]
                .starts_with("heading 4 should be `## 2. Two: x works`")
        );
        let no_output = GOOD.replace("{{#output l:2}}", "");
        assert_eq!(
            chapter_shape_problems("l", &no_output, &sections()),
            ["`## 2. Two: x works` lacks its output, `{{#output l:2}}`"]
        );
        let rust_first = GOOD.replace(
            "```python\np\n```\n```rust\nr\n```",
            "```rust\nr\n```\n```python\np\n```",
        );
        assert_eq!(
            chapter_shape_problems("l", &rust_first, &sections()),
            ["`## 1. One`: the Python listing should come before the Rust"]
        );
        let extra = format!("{GOOD}## The output\n");
        assert_eq!(
            chapter_shape_problems("l", &extra, &sections()),
            ["`## The output` after `## Exercises`: the chapter ends there"]
        );
    }

    #[test]
    fn verdict_lines_are_a_claim_a_colon_and_an_answer() {
        assert!(is_verdict_line(
            "ten children took [time]: ran in parallel: yes"
        ));
        assert!(is_verdict_line("lost updates: no"));
        assert!(!is_verdict_line("notes: nobody"));
        assert!(!is_verdict_line("answer: yesterday"));
        assert!(!is_verdict_line("no colon, yes"));
    }

    #[test]
    fn control_tests_are_named_verdict_something_can_fail() {
        assert!(is_control_test("fn verdict_ran_in_parallel_can_fail() {"));
        assert!(is_control_test("    async fn verdict_on_time_can_fail() {"));
        assert!(!is_control_test("fn verdict_ran_in_parallel() {"));
        assert!(!is_control_test("// fn verdict_x_can_fail()"));
    }

    #[test]
    fn a_printed_literal_yes_is_found_but_not_in_comments() {
        assert!(prints_literal_yes(r#"println!("stopped early: yes");"#));
        assert!(!prints_literal_yes(
            r#"println!("stopped early: {}", yes_no(v));"#
        ));
        assert!(!prints_literal_yes(r#"// println!("stopped early: yes");"#));
    }
}
