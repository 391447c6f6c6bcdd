//! `cargo xtask sync [--check]`: writes what follows from the course's
//! facts, each written once: the reading order (`Cargo.toml`,
//! `[workspace.metadata.course]`) and each lesson's `lesson.toml`. From them
//! come the README's lesson table, the book's `SUMMARY.md` and each lesson
//! package's `description`; the glossary in `introduction.md` is put in
//! reading order (each lesson appends its rows; this sorts them by lesson,
//! stably), and a lesson whose folder is gone leaves the reading order.
//!
//! `--check` (run by `ci`) writes nothing: it fails if a file has drifted,
//! and checks what cannot be derived: every folder under `crates/` is a
//! listed lesson or a support crate; each chapter has its title and the
//! common shape; every verdict can be shown to fail; and no section number
//! is typed anywhere but in the program that prints it.

use std::fs;
use std::path::{Path, PathBuf};

use crate::lessons::{self, Lesson};
use crate::sections;
use crate::{Result, fail};

const TABLE_BEGIN: &str = "<!-- lessons: begin (written by `cargo xtask sync`) -->";
const TABLE_END: &str = "<!-- lessons: end -->";

pub fn sync(root: &Path, check: bool) -> Result {
    // Read afresh, not `lessons::all()`: `new` has just added a lesson.
    let lessons = &lessons::load(root).map_err(fail)?;
    let order = lessons::order(root).map_err(fail)?;
    let stale: Vec<&String> = order
        .lessons
        .iter()
        .filter(|name| !root.join("crates").join(name).join("lesson.toml").is_file())
        .collect();

    let readme_path = root.join("README.md");
    let readme = read(&readme_path)?;
    let readme_new = replace_between(&readme, TABLE_BEGIN, TABLE_END, &lesson_table(lessons))
        .ok_or_else(|| {
            fail(format!(
                "README.md lacks the markers `{TABLE_BEGIN}` … `{TABLE_END}`"
            ))
        })?;
    let summary_path = root.join("book/src/SUMMARY.md");
    let summary_new = summary(lessons);
    let intro_path = root.join("book/src/introduction.md");
    let (intro_new, without_rows) = glossary_in_reading_order(&read(&intro_path)?, lessons)?;
    let manifest_path = root.join("Cargo.toml");
    let manifest_new = without_stale_lessons(&read(&manifest_path)?, &stale);
    let mut derived = vec![
        (readme_path, readme_new),
        (summary_path, summary_new),
        (intro_path, intro_new),
        (manifest_path, manifest_new),
    ];
    for lesson in lessons {
        let path = root.join("crates").join(&lesson.name).join("Cargo.toml");
        let text = read(&path)?;
        derived.push((path, with_description(&text, &description(lesson))));
    }

    if check {
        let mut problems = Vec::new();
        if !stale.is_empty() {
            problems.push(format!(
                "the reading order (Cargo.toml) names lessons with no folder under crates/: {}",
                names(&stale)
            ));
        }
        if !without_rows.is_empty() {
            problems.push(format!(
                "the glossary in introduction.md has no row for: {}",
                without_rows.join(", ")
            ));
        }
        for check in [
            check_every_folder_is_a_lesson,
            check_chapter_titles,
            check_chapter_shapes,
            check_every_verdict_can_fail,
            check_no_typed_section_numbers,
        ] {
            if let Err(failure) = check(root, lessons) {
                problems.push(failure.message);
            }
        }
        let drifted: Vec<String> = derived
            .iter()
            .filter(|(path, new)| fs::read_to_string(path).unwrap_or_default() != *new)
            .map(|(path, _)| relative(root, path))
            .collect();
        if !drifted.is_empty() {
            problems.push(format!(
                "{} out of date with the lessons' facts (Cargo.toml's reading order, \
                 crates/*/lesson.toml); run `cargo xtask sync`",
                drifted.join(", ")
            ));
        }
        return if problems.is_empty() {
            Ok(())
        } else {
            Err(fail(problems.join("\n")))
        };
    }

    for name in &stale {
        eprintln!("the lesson `{name}` has no folder under crates/: it leaves the reading order");
    }
    for (path, new) in derived {
        if fs::read_to_string(&path).unwrap_or_default() != new {
            fs::write(&path, new).map_err(|e| fail(format!("writing {}: {e}", path.display())))?;
            eprintln!("wrote {}", relative(root, &path));
        }
    }
    Ok(())
}

fn names(list: &[&String]) -> String {
    list.iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A lesson package's one-line description: its title and sources.
fn description(lesson: &Lesson) -> String {
    format!("{} ({})", lesson.facts.title, lesson.facts.sources)
}

/// A `Cargo.toml` with its `[package]` `description` line set.
fn with_description(manifest: &str, description: &str) -> String {
    let line = format!("description = {}", toml::Value::from(description));
    let mut out = String::with_capacity(manifest.len());
    let mut in_package = false;
    let mut done = false;
    for text in manifest.split_inclusive('\n') {
        let bare = text.trim();
        if bare.starts_with('[') {
            in_package = bare == "[package]";
        }
        if in_package && !done && bare.starts_with("description") && bare.contains('=') {
            out.push_str(&line);
            out.push('\n');
            done = true;
            continue;
        }
        out.push_str(text);
    }
    out
}

/// The workspace manifest without the reading order's entries `stale`.
fn without_stale_lessons(manifest: &str, stale: &[&String]) -> String {
    if stale.is_empty() {
        return manifest.to_owned();
    }
    manifest
        .split_inclusive('\n')
        .filter(|line| {
            !stale
                .iter()
                .any(|name| line.trim() == format!("\"{name}\","))
        })
        .collect()
}

/// Every folder under `crates/` with a `Cargo.toml` is a lesson (it has a
/// `lesson.toml` and a place in the reading order) or a support crate named
/// in `[workspace.metadata.course] support`.
fn check_every_folder_is_a_lesson(root: &Path, _: &[Lesson]) -> Result {
    let order = lessons::order(root).map_err(fail)?;
    let mut problems = Vec::new();
    for entry in walkdir::WalkDir::new(root.join("crates"))
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|e| e.ok())
    {
        let dir = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if !dir.join("Cargo.toml").is_file() {
            continue;
        }
        let is_lesson = dir.join("lesson.toml").is_file();
        let listed = order.lessons.contains(&name);
        let support = order.support.contains(&name);
        match (is_lesson, listed, support) {
            (true, true, false) | (false, false, true) => {}
            (true, false, _) => problems.push(format!(
                "crates/{name} is a lesson (it has a lesson.toml) but the reading order in \
                 Cargo.toml does not name it"
            )),
            (false, _, false) => problems.push(format!(
                "crates/{name} has no lesson.toml and is not a support crate \
                 ([workspace.metadata.course] support)"
            )),
            (true, true, true) | (false, true, _) => problems.push(format!(
                "crates/{name}: a lesson (lesson.toml, the reading order) or a support crate, not both"
            )),
        }
    }
    for name in &order.support {
        if !root.join("crates").join(name).join("Cargo.toml").is_file() {
            problems.push(format!(
                "the support crate `{name}` has no crates/{name}/Cargo.toml"
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(fail(problems.join("\n")))
    }
}

/// Each chapter opens with `# <title>`, the title its `lesson.toml` gives;
/// the book adds the chapter's number.
fn check_chapter_titles(root: &Path, lessons: &[Lesson]) -> Result {
    let mut wrong = Vec::new();
    for lesson in lessons {
        let path = root.join("book/src").join(format!("{}.md", lesson.name));
        let expected = format!("# {}", lesson.title());
        let text = fs::read_to_string(&path).unwrap_or_default();
        let first = text.lines().next().unwrap_or_default();
        if first != expected {
            wrong.push(format!(
                "book/src/{}.md opens with `{first}`, not `{expected}` (the title in \
                 crates/{}/lesson.toml; the book adds its number)",
                lesson.name, lesson.name
            ));
        }
    }
    if wrong.is_empty() {
        Ok(())
    } else {
        Err(fail(wrong.join("\n")))
    }
}

/// The level-2 headings every chapter has, around its numbered sections:
/// the first is a prefix ("What the Python recipes do", "… item does").
const SHAPE_BEFORE: &[&str] = &["What the Python ", "Python → Rust"];
/// "What it costs" carries its id, which the chapters' links name, so that
/// they hold in an edition whose heading text differs.
const SHAPE_AFTER: &[&str] = &[
    "What it costs {#what-it-costs}",
    "How it is tested",
    "What to remember",
    "Exercises",
];

/// Every chapter has the same shape (CONTRIBUTING.md, "The chapter"): the
/// Python, the table, one heading per section of the program's output (the
/// program's titles, in its order, each with the section's name as its id
/// and the section's own output, its Python before its Rust), then what it
/// costs, how it is tested, what to remember and the exercises.
fn check_chapter_shapes(root: &Path, lessons: &[Lesson]) -> Result {
    let mut wrong = Vec::new();
    for lesson in lessons {
        let name = &lesson.name;
        let chapter = fs::read_to_string(root.join("book/src").join(format!("{name}.md")))
            .unwrap_or_default();
        let snapshot = fs::read_to_string(crate::snapshot::path(root, name)).unwrap_or_default();
        let program = match sections::of_lesson(root, name) {
            Ok(list) => list,
            Err(e) => {
                wrong.push(e);
                continue;
            }
        };
        let titles = output_sections(&snapshot);
        let mut expected = Vec::new();
        for (number, title) in &titles {
            match program.iter().find(|s| s.number == *number) {
                Some(section) => expected.push(Expected {
                    title: title.clone(),
                    name: section.name.clone(),
                }),
                None => wrong.push(format!(
                    "crates/{name}: the output has section {number} but no source prints its header"
                )),
            }
        }
        wrong.extend(
            chapter_shape_problems(name, &chapter, &expected)
                .into_iter()
                .map(|problem| format!("book/src/{name}.md: {problem}")),
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

/// A section heading the chapter must have: the program's title, and the
/// section's name as the heading's id.
#[derive(Debug)]
struct Expected {
    title: String,
    name: String,
}

/// The `== <n>. <title> ==` headers of a lesson's output.
fn output_sections(snapshot: &str) -> Vec<(u32, String)> {
    snapshot
        .lines()
        .filter_map(|line| line.strip_prefix("== ")?.strip_suffix(" =="))
        .filter_map(|header| {
            let (number, title) = header.split_once(". ")?;
            Some((number.parse().ok()?, title.to_owned()))
        })
        .collect()
}

/// A heading's text and its written id: `Title {#id}` → (`Title`, `id`).
fn heading_and_id(heading: &str) -> (&str, Option<&str>) {
    let heading = heading.trim();
    match heading.rfind(" {#") {
        Some(at) if heading.ends_with('}') => (
            heading[..at].trim_end(),
            Some(&heading[at + 3..heading.len() - 1]),
        ),
        _ => (heading, None),
    }
}

/// What is out of shape in `chapter`, given the section headings it must have.
fn chapter_shape_problems(lesson: &str, chapter: &str, sections: &[Expected]) -> Vec<String> {
    let mut problems = Vec::new();
    // The level-2 headings outside code blocks, with the text under each.
    let mut parts: Vec<(String, String)> = Vec::new();
    let mut in_code = false;
    for line in chapter.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
        }
        match line.strip_prefix("## ") {
            Some(heading) if !in_code => parts.push((heading.trim().to_owned(), String::new())),
            _ => {
                if let Some((_, body)) = parts.last_mut() {
                    body.push_str(line);
                    body.push('\n');
                }
            }
        }
    }
    let plain = |text: &str| text.replace('`', "");
    let expected: Vec<String> = SHAPE_BEFORE
        .iter()
        .map(|h| h.to_string())
        .chain(
            sections
                .iter()
                .map(|s| format!("{} {{#{}}}", plain(&s.title), s.name)),
        )
        .chain(SHAPE_AFTER.iter().map(|h| h.to_string()))
        .collect();
    for (at, want) in expected.iter().enumerate() {
        let found = parts.get(at).map(|(heading, _)| heading.as_str());
        let matches = found.is_some_and(|found| {
            let (text, id) = heading_and_id(found);
            let (want_text, want_id) = heading_and_id(want);
            let text = plain(text);
            id == want_id
                && if at == 0 {
                    text.starts_with(want_text)
                } else {
                    text == want_text
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
    for (section, (heading, body)) in sections.iter().zip(parts.iter().skip(SHAPE_BEFORE.len())) {
        let directive = format!("{{{{#output {lesson}:{}}}}}", section.name);
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
    problems
}

/// The rule "every verdict can come out no", checked per verdict function:
/// a lesson computes every verdict it prints in `src/verdict.rs` (or
/// `src/verdict/`), one `pub fn <name>(…) -> Verdict` per claim, and each
/// such function has a control test `fn verdict_<name>_can_fail` in the
/// lesson's tests that runs the broken variant and asserts the answer
/// opposite to the snapshot's. A control whose function is gone is stale;
/// a snapshot with verdict lines needs verdict functions; and no source file
/// prints a verdict it did not compute (a string literal holding `: yes`).
fn check_every_verdict_can_fail(root: &Path, lessons: &[Lesson]) -> Result {
    let mut wrong = Vec::new();
    for lesson in lessons {
        let dir = root.join("crates").join(&lesson.name);
        let verdict_lines = fs::read_to_string(crate::snapshot::path(root, &lesson.name))
            .unwrap_or_default()
            .lines()
            .filter(|line| is_verdict_line(line))
            .count();
        let mut functions = Vec::new();
        let mut controls = Vec::new();
        for file in rust_files(&dir) {
            let text = fs::read_to_string(&file).unwrap_or_default();
            let in_src = file.starts_with(dir.join("src"));
            let is_verdict_module =
                file == dir.join("src/verdict.rs") || file.starts_with(dir.join("src/verdict"));
            if is_verdict_module {
                functions.extend(verdict_functions(&text));
            }
            controls.extend(text.lines().filter_map(control_test_name));
            if in_src {
                for (number, line) in text.lines().enumerate() {
                    if prints_literal_yes(line) {
                        wrong.push(format!(
                            "{}:{}: prints a literal \"yes\"; compute the verdict",
                            relative(root, &file),
                            number + 1
                        ));
                    }
                }
            }
        }
        if verdict_lines > 0 && functions.is_empty() {
            wrong.push(format!(
                "{}: {verdict_lines} verdict lines in its snapshot but no verdict function \
                 (`pub fn <name>(…) -> Verdict` in src/verdict.rs)",
                lesson.name
            ));
        }
        for function in &functions {
            if !controls.contains(function) {
                wrong.push(format!(
                    "{}: the verdict `{function}` has no control test \
                     `fn verdict_{function}_can_fail` (running its broken variant, \
                     asserting the opposite answer)",
                    lesson.name
                ));
            }
        }
        for control in &controls {
            if !functions.contains(control) {
                wrong.push(format!(
                    "{}: the control `verdict_{control}_can_fail` tests no verdict function \
                     `{control}` in src/verdict.rs",
                    lesson.name
                ));
            }
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

/// The names of the `pub fn`s in `text` that return a `Verdict`.
fn verdict_functions(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("pub fn ") {
        let after = &rest[at + "pub fn ".len()..];
        let name: String = after
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        // The signature runs to the body's opening brace (or a `;`).
        let signature = after.find(['{', ';']).map_or(after, |end| &after[..end]);
        if signature.contains("-> Verdict") || signature.contains("-> kit::Verdict") {
            found.push(name);
        }
        rest = after;
    }
    found
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

/// `fn verdict_<name>_can_fail()` → `<name>`.
fn control_test_name(line: &str) -> Option<String> {
    let line = line.trim_start();
    let name = line
        .strip_prefix("fn ")
        .or_else(|| line.strip_prefix("async fn "))?;
    let name = name.split('(').next().unwrap_or_default();
    let claim = name.strip_prefix("verdict_")?.strip_suffix("_can_fail")?;
    (!claim.is_empty()).then(|| claim.to_owned())
}

/// A line of code (not a comment) with a string literal that holds `: yes`.
fn prints_literal_yes(line: &str) -> bool {
    let code = line.trim_start();
    !code.starts_with("//") && code.split('"').skip(1).step_by(2).any(is_verdict_line_yes)
}

fn is_verdict_line_yes(literal: &str) -> bool {
    is_verdict_line(literal) && literal.contains(": yes")
}

/// Every `.rs` file below `dir`, sorted (the exercises package, a course of
/// its own, aside).
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    files_below(dir, &["rs"])
        .into_iter()
        .filter(|path| {
            !path
                .strip_prefix(dir)
                .is_ok_and(|p| p.starts_with("exercises"))
        })
        .collect()
}

/// Every file below `dir` with one of these extensions, sorted.
fn files_below(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_entry(|e| e.file_name() != "target")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| extensions.iter().any(|x| e == *x))
        })
        .collect();
    files.sort();
    files
}

/// A section's number is typed once, in the line of the program that
/// prints its header. Anywhere else (a chapter's heading, an output
/// directive, a link, "section 4" in prose or a comment, "lesson 5") it
/// would go stale the day a section is inserted: name the section instead
/// (`{#name}`, `{{#output lesson:name}}`, `{{#section name}}`, its
/// function's name in code).
fn check_no_typed_section_numbers(root: &Path, lessons: &[Lesson]) -> Result {
    let mut found = Vec::new();
    let mut files = files_below(&root.join("book/src"), &["md"]);
    for lesson in lessons {
        files.extend(files_below(
            &root.join("crates").join(&lesson.name),
            &["rs", "py", "toml", "md"],
        ));
    }
    for file in files {
        let text = fs::read_to_string(&file).unwrap_or_default();
        let markdown = file.extension().is_some_and(|e| e == "md");
        for (index, line) in text.lines().enumerate() {
            if let Some(what) = typed_section_number(line, markdown) {
                found.push(format!("{}:{}: {what}", relative(root, &file), index + 1));
            }
        }
    }
    if found.is_empty() {
        Ok(())
    } else {
        Err(fail(format!(
            "section or lesson numbers typed by hand (name the section instead: `{{#name}}`, \
             `{{{{#output lesson:name}}}}`, `{{{{#section name}}}}`, or its function):\n  {}",
            found.join("\n  ")
        )))
    }
}

/// What in `line` types a section or lesson number, if anything.
fn typed_section_number(line: &str, markdown: bool) -> Option<String> {
    if sections::header_number(line).is_some() {
        return None; // the one place a number is written
    }
    let lower = line.to_lowercase();
    for word in ["section ", "sections ", "§", "lesson ", "lessons "] {
        for (at, _) in lower.match_indices(word) {
            let before = lower[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let rest = lower[at + word.len()..].trim_start();
            if rest.starts_with(|c: char| c.is_ascii_digit()) {
                let number: String = rest.chars().take_while(char::is_ascii_digit).collect();
                return Some(format!("`{word}{number}`"));
            }
        }
    }
    if markdown {
        let heading = line.trim_start_matches('#');
        if heading.len() < line.len()
            && heading.starts_with(' ')
            && heading
                .trim_start()
                .split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        {
            return Some("a numbered heading (the book numbers it)".into());
        }
        if let Some(at) = line.find("{{#output ") {
            let argument = line[at + 10..].split("}}").next().unwrap_or_default();
            if argument
                .rsplit(':')
                .next()
                .is_some_and(|n| n.trim().parse::<u32>().is_ok())
            {
                return Some(format!("`{{{{#output {argument}}}}}` (name the section)"));
            }
        }
        if let Some(at) = line.find(".md#")
            && line[at + 4..].starts_with(|c: char| c.is_ascii_digit())
        {
            return Some("a link to a numbered heading id".into());
        }
    }
    None
}

fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}

pub const GLOSSARY_HEADER: &str = "| Python | Rust | Lesson |";

/// `introduction.md` with its glossary rows sorted by lesson (reading
/// order), keeping each lesson's rows in the order it wrote them; and the
/// lessons that have no row yet.
fn glossary_in_reading_order<'a>(
    intro: &str,
    lessons: &'a [Lesson],
) -> Result<(String, Vec<&'a str>)> {
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
        lessons
            .iter()
            .position(|l| l.name == lesson)
            .unwrap_or(lessons.len())
    };
    let mut rows = lines[first_row..end].to_vec();
    // A row of a lesson that is gone goes with it.
    rows.retain(|row| lessons.iter().any(|l| l.name == lesson_of(row)));
    rows.sort_by_key(|row| rank(row)); // stable: a lesson's rows keep their order

    let without_rows = lessons
        .iter()
        .map(|l| l.name.as_str())
        .filter(|name| !rows.iter().any(|row| lesson_of(row) == *name))
        .collect();

    let mut out: Vec<&str> = lines[..first_row].to_vec();
    out.extend(rows);
    out.extend(&lines[end..]);
    Ok((out.join("\n") + "\n", without_rows))
}

/// The README's lesson table.
fn lesson_table(lessons: &[Lesson]) -> String {
    let mut table =
        String::from("| # | Lesson | Python source | Rust tools |\n|---|---|---|---|\n");
    for (number, lesson) in lessons.iter().enumerate() {
        table.push_str(&format!(
            "| {} | [`{}`](crates/{}) — {} | {} | {} |\n",
            number + 1,
            lesson.name,
            lesson.name,
            lesson.facts.title,
            lesson.facts.sources,
            lesson.facts.tools
        ));
    }
    table
}

/// The whole of `book/src/SUMMARY.md`.
fn summary(lessons: &[Lesson]) -> String {
    let mut summary = String::from(
        "# Summary\n\n\
         <!-- Written by `cargo xtask sync` from the reading order (Cargo.toml) and \
         crates/*/lesson.toml: edit those, not this. -->\n\n\
         [Introduction](introduction.md)\n\n# Lessons\n\n",
    );
    for lesson in lessons {
        // No number in the link text: mdBook numbers the chapters itself.
        summary.push_str(&format!("- [{}]({}.md)\n", lesson.facts.title, lesson.name));
    }
    summary.push_str(
        "\n# Appendix\n\n- [How a lesson is built](how-a-lesson-is-built.md)\n\
         - [Glossary](glossary.md)\n",
    );
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
    use super::{
        Expected, chapter_shape_problems, control_test_name, is_verdict_line, prints_literal_yes,
        typed_section_number, verdict_functions, with_description, without_stale_lessons,
    };

    fn sections() -> Vec<Expected> {
        vec![
            Expected {
                title: "One".into(),
                name: "one".into(),
            },
            Expected {
                title: "Two: `x` works".into(),
                name: "two".into(),
            },
        ]
    }

    const GOOD: &str = "# T\n\n## What the Python recipe does\n\n## Python → Rust\n\n\
        ## One {#one}\n```python\np\n```\n```rust\nr\n```\n{{#output l:one}}\n\n\
        ## Two: `x` works {#two}\n```rust\n## not a heading\n```\n{{#output l:two}}\n\n\
        ## What it costs {#what-it-costs}\n## How it is tested\n## What to remember\n## Exercises\n";

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
        let missing = GOOD.replace("## Two: `x` works {#two}\n", "");
        assert!(
            chapter_shape_problems("l", &missing, &sections())[0]
                .starts_with("heading 4 should be `## Two: x works {#two}`")
        );
        let unnamed = GOOD.replace(" {#two}", "");
        assert!(
            chapter_shape_problems("l", &unnamed, &sections())[0].starts_with(
                "heading 4 should be `## Two: x works {#two}`, found `## Two: `x` works`"
            )
        );
        let no_output = GOOD.replace("{{#output l:two}}", "");
        assert_eq!(
            chapter_shape_problems("l", &no_output, &sections()),
            ["`## Two: `x` works {#two}` lacks its output, `{{#output l:two}}`"]
        );
        let rust_first = GOOD.replace(
            "```python\np\n```\n```rust\nr\n```",
            "```rust\nr\n```\n```python\np\n```",
        );
        assert_eq!(
            chapter_shape_problems("l", &rust_first, &sections()),
            ["`## One {#one}`: the Python listing should come before the Rust"]
        );
        let extra = format!("{GOOD}## The output\n");
        assert_eq!(
            chapter_shape_problems("l", &extra, &sections()),
            ["`## The output` after `## Exercises`: the chapter ends there"]
        );
    }

    #[test]
    fn a_typed_section_number_is_found_and_the_programs_header_is_not() {
        for (line, markdown) in [
            ("as section 4 showed", false),
            ("(see Section 12)", false),
            ("§7's queue", false),
            ("Lesson 5, `queues`", false),
            ("## 4. A blocking queue", true),
            ("# 5. Pipelines", true),
            ("{{#output queues:4}}", true),
            ("[link](queues.md#4-a-blocking-queue)", true),
        ] {
            assert!(typed_section_number(line, markdown).is_some(), "{line}");
        }
        for (line, markdown) in [
            ("    println!(\"\\n== 4. A blocking queue ==\");", false),
            ("{{#section blocking_get}} shows it", true),
            ("## A blocking queue {#blocking_get}", true),
            ("a subsection 2", false),
            ("Cookbook recipe 12.3 and Item 55", true),
            ("the lessons' order", true),
        ] {
            assert_eq!(typed_section_number(line, markdown), None, "{line}");
        }
    }

    #[test]
    fn derived_lines_are_written_in_place() {
        let manifest =
            "[package]\nname = \"q\"\ndescription = \"old\"\n[dependencies]\ndescription = 1\n";
        assert_eq!(
            with_description(manifest, "New (Item 55)"),
            "[package]\nname = \"q\"\ndescription = \"New (Item 55)\"\n[dependencies]\ndescription = 1\n"
        );
        let order = "lessons = [\n    \"threads\",\n    \"demo\",\n]\n";
        assert_eq!(
            without_stale_lessons(order, &[&"demo".to_owned()]),
            "lessons = [\n    \"threads\",\n]\n"
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
        let name = |line| control_test_name(line);
        assert_eq!(
            name("fn verdict_ran_in_parallel_can_fail() {").as_deref(),
            Some("ran_in_parallel")
        );
        assert_eq!(
            name("    async fn verdict_on_time_can_fail() {").as_deref(),
            Some("on_time")
        );
        assert_eq!(name("fn verdict_ran_in_parallel() {"), None);
        assert_eq!(name("// fn verdict_x_can_fail()"), None);
    }

    #[test]
    fn verdict_functions_are_the_pub_fns_returning_a_verdict() {
        let source = "\
pub fn stopped_early(from: u32, shown: &[u32]) -> Verdict {
    Verdict::from(true)
}
pub fn on_time(
    took: Duration,
) -> kit::Verdict {
    todo!()
}
pub fn helper() -> bool {
    true
}
fn private() -> Verdict {
    Verdict::No
}
";
        assert_eq!(verdict_functions(source), ["stopped_early", "on_time"]);
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
