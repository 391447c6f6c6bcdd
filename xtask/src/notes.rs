//! `cargo xtask notes [--seeds DIR]`: checks that the course retells the
//! notes it comes from in its own words. Facts carry over from the notes;
//! sentences and code do not. This finds every run of four consecutive
//! non-trivial lines that a file of the course shares with the notes
//! (whitespace and quote style aside), and fails naming each.
//!
//! The notes are not part of the repository: they are looked for in
//! `--seeds DIR`, then `$COURSE_NOTES`, then `../shared/seeds` beside the
//! repository. Where they are not found, this says so and succeeds.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::{Result, fail};

/// How many consecutive shared lines make a copy.
const RUN: usize = 4;

pub fn notes(root: &Path, seeds: Option<PathBuf>) -> Result {
    let seeds = seeds
        .or_else(|| std::env::var_os("COURSE_NOTES").map(PathBuf::from))
        .unwrap_or_else(|| root.join("../shared/seeds"));
    let notes = text_files(&seeds, &["txt", "md"]);
    if notes.is_empty() {
        eprintln!(
            "==> the notes are not at {} (set --seeds or COURSE_NOTES): nothing to compare",
            seeds.display()
        );
        return Ok(());
    }
    // Every run of RUN non-trivial lines in the notes, and where it is.
    let mut runs: HashMap<Vec<String>, String> = HashMap::new();
    for file in &notes {
        let text = fs::read_to_string(file).unwrap_or_default();
        let lines = significant_lines(&text);
        for window in lines.windows(RUN) {
            let key: Vec<String> = window.iter().map(|(_, l)| l.clone()).collect();
            let name = file.file_name().unwrap_or_default().to_string_lossy();
            runs.entry(key)
                .or_insert_with(|| format!("{name}:{}", window[0].0));
        }
    }
    let mut copies = Vec::new();
    let mut files = text_files(&root.join("crates"), &["rs", "py", "md", "toml"]);
    files.extend(text_files(&root.join("book/src"), &["md"]));
    files.extend(text_files(&root.join("xtask"), &["rs", "md", "toml"]));
    for name in ["README.md", "CONTRIBUTING.md"] {
        files.push(root.join(name));
    }
    for file in &files {
        let text = fs::read_to_string(file).unwrap_or_default();
        let lines = significant_lines(&text);
        let mut last_reported = 0;
        for window in lines.windows(RUN) {
            let key: Vec<String> = window.iter().map(|(_, l)| l.clone()).collect();
            if let Some(place) = runs.get(&key)
                && window[0].0 > last_reported
            {
                last_reported = window[RUN - 1].0;
                copies.push(format!(
                    "{}:{}: {RUN} lines as in the notes ({place}): `{}`",
                    file.strip_prefix(root).unwrap_or(file).display(),
                    window[0].0,
                    key[0]
                ));
            }
        }
    }
    eprintln!(
        "==> notes: {} course files against {} files of notes",
        files.len(),
        notes.len()
    );
    if copies.is_empty() {
        Ok(())
    } else {
        Err(fail(format!(
            "the course copies the notes' lines; retell them in its own words and code:\n  {}",
            copies.join("\n  ")
        )))
    }
}

/// The lines worth comparing, each with its line number: normalised (white
/// space collapsed, quotes made one kind), without the trivial ones.
fn significant_lines(text: &str) -> Vec<(usize, String)> {
    text.lines()
        .enumerate()
        .filter_map(|(index, line)| {
            let normal = normalise(line);
            (!is_trivial(&normal)).then_some((index + 1, normal))
        })
        .collect()
}

fn normalise(line: &str) -> String {
    line.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['\'', '`', '“', '”'], "\"")
}

/// Lines any program may share with any other: blank, short, a bare
/// number (the notes' listings number their lines), an import, or
/// punctuation alone.
fn is_trivial(line: &str) -> bool {
    let visible = line.chars().filter(|c| !c.is_whitespace()).count();
    visible < 10
        || line
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace())
        || line.starts_with("import ")
        || (line.starts_with("from ") && line.contains(" import "))
        || line.starts_with("use ")
        || line.chars().all(|c| !c.is_alphanumeric())
}

/// Every file below `dir` with one of these extensions (no `target/`),
/// sorted.
fn text_files(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_compared_without_their_spacing_quotes_or_trivia() {
        let text = "  x = queue.get( 'a' )\n\n12\nimport threading\n)\nshort\n";
        assert_eq!(
            significant_lines(text),
            [(1, "x = queue.get( \"a\" )".to_owned())]
        );
    }
}
