//! A lesson's sections, by name: where section numbers come from.
//!
//! A section's number is written in one place, the line of the program that
//! prints its header (`println!("\n== 4. A blocking queue ... ==")`), and
//! that line stands inside the `// ANCHOR: <name>` … `// ANCHOR_END: <name>`
//! block the chapter includes. Everything else names the section: the
//! chapter's heading (`## A blocking queue ... {#blocking_get}`), its output
//! (`{{#output queues:blocking_get}}`), a cross-reference
//! (`{{#section queues:blocking_get}}`) and an exercise's `section`. The book
//! and `sync` look the number up here, so inserting a section renumbers one
//! file: the program.

use std::fs;
use std::path::{Path, PathBuf};

/// One section of a lesson's program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The anchor around the code that prints the header.
    pub name: String,
    /// The number the header prints.
    pub number: u32,
    /// The file, relative to the lesson folder (`src/main.rs`).
    pub file: String,
}

/// The sections of the lesson in `crates/<lesson>/`, in number order.
pub fn of_lesson(root: &Path, lesson: &str) -> Result<Vec<Section>, String> {
    let dir = root.join("crates").join(lesson);
    let mut sections = Vec::new();
    for file in rust_files(&dir.join("src")) {
        let text = fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let relative = file
            .strip_prefix(&dir)
            .unwrap_or(&file)
            .display()
            .to_string();
        sections.extend(
            in_source(&text)
                .map_err(|e| format!("crates/{lesson}/{relative}: {e}"))?
                .into_iter()
                .map(|(name, number)| Section {
                    name,
                    number,
                    file: relative.clone(),
                }),
        );
    }
    sections.sort_by_key(|s| s.number);
    for pair in sections.windows(2) {
        if pair[0].number == pair[1].number {
            return Err(format!(
                "crates/{lesson}: two sections print number {} (`{}` in {} and `{}` in {})",
                pair[0].number, pair[0].name, pair[0].file, pair[1].name, pair[1].file
            ));
        }
        if pair[0].name == pair[1].name {
            return Err(format!(
                "crates/{lesson}: two sections are called `{}`",
                pair[0].name
            ));
        }
    }
    Ok(sections)
}

/// The section headers in one source file: `(anchor, number)` for every line
/// that prints `== <n>. <title> ==`, named after the innermost anchor around
/// it. A header outside every anchor is an error: it could not be named.
pub fn in_source(text: &str) -> Result<Vec<(String, u32)>, String> {
    let mut open: Vec<&str> = Vec::new();
    let mut found = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if let Some(name) = marker(line, "ANCHOR:") {
            open.push(name);
        } else if let Some(name) = marker(line, "ANCHOR_END:") {
            open.retain(|open| *open != name);
        } else if let Some(number) = header_number(line) {
            let name = open.last().ok_or_else(|| {
                format!(
                    "line {}: the header of section {number} stands outside every \
                     `ANCHOR: <name>` block, so nothing can name it",
                    index + 1
                )
            })?;
            found.push(((*name).to_owned(), number));
        }
    }
    Ok(found)
}

/// `// ANCHOR: name` → `name`.
fn marker<'a>(line: &'a str, which: &str) -> Option<&'a str> {
    let at = line.find(which)?;
    let before = line[..at].trim();
    if !(before.ends_with("//") || before.ends_with('#')) {
        return None;
    }
    let name = line[at + which.len()..].trim();
    (!name.is_empty()).then_some(name)
}

/// The number of a line that prints a section header: a string literal
/// holding `== <n>. ` (a code line, not a comment).
pub fn header_number(line: &str) -> Option<u32> {
    let code = line.trim_start();
    if code.starts_with("//") {
        return None;
    }
    let at = code.find("== ")?;
    if !code[..at].contains('"') {
        return None;
    }
    let rest = &code[at + 3..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() || !rest[digits.len()..].starts_with(". ") {
        return None;
    }
    digits.parse().ok()
}

/// Every `.rs` file below `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_is_named_after_the_anchor_around_it() {
        let source = "\
// ANCHOR: first
fn first() {
    println!(\"== 1. One ==\");
}
// ANCHOR_END: first

// ANCHOR: second
fn second() {
    // ANCHOR: inner
    let x = 1;
    // ANCHOR_END: inner
    println!(\"\\n== 12. Twelve: {x} ==\");
}
// ANCHOR_END: second
";
        assert_eq!(
            in_source(source).unwrap(),
            [("first".to_owned(), 1), ("second".to_owned(), 12)]
        );
    }

    #[test]
    fn a_header_outside_every_anchor_is_an_error() {
        let err = in_source("fn f() {\n    println!(\"== 3. Lost ==\");\n}\n").unwrap_err();
        assert!(err.starts_with("line 2: the header of section 3"), "{err}");
    }

    #[test]
    fn only_printed_headers_count() {
        assert_eq!(
            header_number("    println!(\"\\n== 4. A title ==\");"),
            Some(4)
        );
        assert_eq!(
            header_number("    // println!(\"== 4. A title ==\");"),
            None
        );
        assert_eq!(header_number("    let x = a == 4;"), None);
        assert_eq!(header_number("    println!(\"== Not numbered ==\");"), None);
    }

    #[test]
    fn the_lessons_sections_are_numbered_one_to_n() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .expect("xtask sits in the workspace root");
        let sections = of_lesson(root, "threads").unwrap();
        let numbers: Vec<u32> = sections.iter().map(|s| s.number).collect();
        assert_eq!(numbers, (1..=sections.len() as u32).collect::<Vec<_>>());
        assert_eq!(sections[0].name, "returns_through_join");
        assert_eq!(sections[0].file, "src/main.rs");
    }
}
