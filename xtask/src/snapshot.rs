//! A lesson's recorded output: `crates/<lesson>/tests/snapshots/<lesson>.snap`,
//! the file its snapshot test checks and the book shows, one section at a
//! time (`{{#output <lesson>:<section>}}`).

use std::path::{Path, PathBuf};

/// Where lesson `lesson`'s snapshot is.
pub fn path(root: &Path, lesson: &str) -> PathBuf {
    root.join("crates")
        .join(lesson)
        .join("tests/snapshots")
        .join(format!("{lesson}.snap"))
}

/// The recorded text: an insta snapshot is a `---`-fenced header, then the
/// recorded text.
pub fn body(snapshot: &str) -> &str {
    snapshot
        .strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---\n"))
        .map_or(snapshot, |(_header, body)| body)
}

/// Section `number` of a lesson's output: its `== <number>. … ==` header
/// line and everything up to the next header.
pub fn section(body: &str, number: u32) -> Option<&str> {
    let header = format!("== {number}. ");
    let is_header = |line: &str| line.starts_with("== ") && line.trim_end().ends_with(" ==");
    let mut start = None;
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        if is_header(line) {
            if start.is_some() {
                return start.map(|s| &body[s..offset]);
            }
            if line.starts_with(&header) {
                start = Some(offset);
            }
        }
        offset += line.len();
    }
    start.map(|s| &body[s..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snapshot_header_is_dropped() {
        let snap = "---\nsource: crates/threads/tests/output.rs\n---\nline 1\nline 2\n";
        assert_eq!(body(snap), "line 1\nline 2\n");
    }

    #[test]
    fn one_section_of_the_output_is_cut_at_the_next_header() {
        let body = "== 1. First ==\na\n\n== 2. Second ==\nb\nc\n\n== 10. Tenth ==\nz\n";
        assert_eq!(section(body, 1), Some("== 1. First ==\na\n\n"));
        assert_eq!(section(body, 2), Some("== 2. Second ==\nb\nc\n\n"));
        assert_eq!(section(body, 10), Some("== 10. Tenth ==\nz\n"));
        assert_eq!(section(body, 3), None);
    }
}
