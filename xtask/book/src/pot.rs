//! `book/po/messages.pot`: every English text of the course a reader or a
//! learner sees, for `book/po/<lang>.po` to translate. Written by
//! `cargo xtask book --pot`, checked by `cargo xtask book --check-po` (CI):
//! the template made here, in-process, must equal the committed file.
//!
//! In order: the book's title (`book/book.toml`), the table of contents
//! (`SUMMARY.md`: chapter names and part titles, without their links), every
//! chapter in reading order (see [`crate::messages`]), then the messages
//! outside Markdown (`xtask::i18n::sources`: the task runner's own words,
//! picture captions and alt texts, the exercises' texts). A text found in
//! several places is one entry with all its references.

use std::collections::HashMap;
use std::path::Path;

use mdbook_driver::MDBook;
use mdbook_driver::book::BookItem;
use mdbook_i18n_helpers::{extract_events, reconstruct_markdown};
use pulldown_cmark::{Event, Tag, TagEnd};

use crate::messages;

/// Where the template lives, from the course root.
pub const POT: &str = "book/po/messages.pot";

/// One entry of the template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub msgid: String,
    /// The files it is found in, from the course root, in the order found.
    /// Without line numbers: a line added above a message would otherwise
    /// make the committed template stale, and every edit of a chapter or of
    /// the task runner's code a template change; the message's own words
    /// find it in its file.
    pub references: Vec<String>,
    /// Notes for the translator, distinct, in the order found.
    pub comments: Vec<String>,
}

/// The entries of the template, in order, each msgid once.
pub fn entries(root: &Path) -> Result<Vec<Entry>, String> {
    let book_dir = root.join("book");
    let book = MDBook::load(&book_dir).map_err(|e| format!("loading the book: {e:#}"))?;
    let src = Path::new("book").join(&book.config.book.src);
    let mut found = Found::default();

    if let Some(title) = &book.config.book.title {
        let config = std::fs::read_to_string(book_dir.join("book.toml")).unwrap_or_default();
        let line = config
            .lines()
            .position(|l| l.trim_start().starts_with("title"))
            .map_or(1, |i| i + 1);
        found.add(title, format!("book/book.toml:{line}"), "");
    }
    let summary_path = src.join("SUMMARY.md");
    let summary = std::fs::read_to_string(root.join(&summary_path))
        .map_err(|e| format!("reading {}: {e}", summary_path.display()))?;
    for message in
        messages::of_markdown(&summary).map_err(|e| format!("{}: {e}", summary_path.display()))?
    {
        found.add(
            &strip_links(&message.msgid)?,
            format!("{}:{}", slash(&summary_path), message.line),
            &message.comment,
        );
    }

    for item in book.book.iter() {
        let BookItem::Chapter(chapter) = item else {
            continue;
        };
        let Some(source) = &chapter.source_path else {
            continue;
        };
        let path = slash(&src.join(source));
        let (text, origins) = messages::expand_markdown_includes(root, &path, &chapter.content)?;
        for message in messages::of_markdown(&text).map_err(|e| format!("{path}: {e}"))? {
            let origin = origins
                .get(message.line.saturating_sub(1))
                .ok_or_else(|| format!("{path}: a message past the end, line {}", message.line))?;
            found.add(
                &message.msgid,
                format!("{}:{}", origin.file, origin.line),
                &message.comment,
            );
        }
    }

    // The page for an address not in the book, which mdBook reads itself
    // (it is in no table of contents).
    let page_404 = src.join("404.md");
    if let Ok(text) = std::fs::read_to_string(root.join(&page_404)) {
        let path = slash(&page_404);
        for (line, heading) in messages::html_headings(&text) {
            found.add(&heading, format!("{path}:{line}"), "");
        }
        for message in messages::of_markdown(&text).map_err(|e| format!("{path}: {e}"))? {
            found.add(
                &message.msgid,
                format!("{path}:{}", message.line),
                &message.comment,
            );
        }
    }

    // The words a picture's figure writes around its caption.
    for word in xtask::pictures::FIGURE_WORDS {
        let names = xtask::i18n::placeholders(word);
        let comment = if names.is_empty() {
            String::new()
        } else {
            format!("placeholders, keep them: {{{}}}", names.join("}, {"))
        };
        found.add(word, "xtask/src/pictures/mod.rs".to_owned(), &comment);
    }
    for message in xtask::i18n::sources::all(root)? {
        found.add(&message.msgid, message.reference, &message.comment);
    }
    Ok(found.entries)
}

/// The entries as they are being found: each msgid once.
#[derive(Default)]
struct Found {
    entries: Vec<Entry>,
    index: HashMap<String, usize>,
}

impl Found {
    fn add(&mut self, msgid: &str, reference: String, comment: &str) {
        if !msgid.chars().any(|c| c.is_ascii_alphabetic()) {
            // Not English (the glossary's Korean column, a figure): nothing
            // to translate.
            return;
        }
        let at = *self.index.entry(msgid.to_owned()).or_insert_with(|| {
            self.entries.push(Entry {
                msgid: msgid.to_owned(),
                references: Vec::new(),
                comments: Vec::new(),
            });
            self.entries.len() - 1
        });
        let entry = &mut self.entries[at];
        let reference = match reference.rsplit_once(':') {
            Some((file, line)) if line.chars().all(|c| c.is_ascii_digit()) => file.to_owned(),
            _ => reference,
        };
        if !entry.references.contains(&reference) {
            entry.references.push(reference);
        }
        if !comment.is_empty() && !entry.comments.iter().any(|c| c == comment) {
            entry.comments.push(comment.to_owned());
        }
    }
}

/// `[Starting threads](threads.md)` → `Starting threads`, as mdBook shows a
/// chapter's name.
fn strip_links(text: &str) -> Result<String, String> {
    let events: Vec<_> = extract_events(text, None)
        .into_iter()
        .filter(|(_, e)| !matches!(e, Event::Start(Tag::Link { .. }) | Event::End(TagEnd::Link)))
        .collect();
    reconstruct_markdown(&events, None)
        .map(|(text, _)| text)
        .map_err(|e| format!("the table of contents' `{text}`: {e}"))
}

/// A path with `/` between its parts, as the template writes it everywhere.
fn slash(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The template file's text: a header, then one entry per message, the way
/// gettext's tools write one (long strings split after spaces and at line
/// breaks, references filled to 76 columns).
pub fn render(project: &str, entries: &[Entry]) -> String {
    let mut out = String::new();
    out.push_str("# The course's English texts, for translation (book/po/<lang>.po).\n");
    out.push_str("# Written by `cargo xtask book --pot`; CI checks it is current: do not edit.\n");
    out.push_str("msgid \"\"\nmsgstr \"\"\n");
    for line in [
        format!("Project-Id-Version: {project}\\n"),
        "MIME-Version: 1.0\\n".to_owned(),
        "Content-Type: text/plain; charset=UTF-8\\n".to_owned(),
        "Content-Transfer-Encoding: 8bit\\n".to_owned(),
    ] {
        out.push_str(&format!("\"{}\"\n", line.replace('"', "\\\"")));
    }
    for entry in entries {
        out.push('\n');
        for comment in &entry.comments {
            for line in comment.lines() {
                out.push_str(&format!("#. {line}\n").replace("#. \n", "#.\n"));
            }
        }
        let references = mdbook_i18n_helpers::wrap_sources(&entry.references.join(" "));
        for line in references.lines() {
            out.push_str(&format!("#: {line}\n"));
        }
        out.push_str(&field("msgid", &entry.msgid));
        out.push_str("msgstr \"\"\n");
    }
    out
}

/// `msgid "…"`: on one line if it fits in 79 columns and has no line break,
/// else `msgid ""` and the text in pieces, each ending after a `\n` or, if
/// long, after a space.
pub fn field(name: &str, text: &str) -> String {
    let escaped = escape(text);
    let one_line = format!("{name} \"{escaped}\"\n");
    if !text.contains('\n') && one_line.chars().count() <= 80 {
        return one_line;
    }
    let mut out = format!("{name} \"\"\n");
    for piece in escaped.split_inclusive("\\n") {
        for chunk in wrap(piece, 77) {
            out.push_str(&format!("\"{chunk}\"\n"));
        }
    }
    out
}

/// `text` split after spaces into pieces of at most `width` characters
/// where it can be (a word longer than that stays whole).
fn wrap(text: &str, width: usize) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut last_break = None;
    let mut count = 0;
    for (i, c) in text.char_indices() {
        count += 1;
        if c == ' ' {
            last_break = Some(i + 1);
        }
        if count > width
            && let Some(at) = last_break.filter(|&at| at > start)
        {
            pieces.push(&text[start..at]);
            count = text[at..i + c.len_utf8()].chars().count();
            start = at;
            last_break = None;
        }
    }
    if start < text.len() || pieces.is_empty() {
        pieces.push(&text[start..]);
    }
    pieces
}

/// A PO string's escapes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_message_is_wrapped_after_spaces_and_its_pieces_join_back() {
        let text = "word ".repeat(40) + "end\nsecond \"line\" \\ here";
        let written = field("msgid", &text);
        assert!(written.starts_with("msgid \"\"\n"), "{written}");
        assert!(
            written.lines().all(|l| l.chars().count() <= 80),
            "{written}"
        );
        let joined: String = written
            .lines()
            .skip(1)
            .map(|l| l.trim_matches('"'))
            .collect();
        assert_eq!(joined, escape(&text));
        assert_eq!(field("msgid", "short"), "msgid \"short\"\n");
    }

    #[test]
    fn a_message_found_twice_is_one_entry_with_both_references() {
        let mut found = Found::default();
        found.add("Python", "book/src/a.md:3".into(), "");
        found.add("Rust", "book/src/a.md:3".into(), "");
        found.add("Python", "book/src/b.md:9".into(), "a note");
        found.add("Python", "book/src/b.md:20".into(), "");
        assert_eq!(found.entries.len(), 2);
        // Files, not lines: the template does not change when a line moves.
        assert_eq!(
            found.entries[0].references,
            ["book/src/a.md", "book/src/b.md"]
        );
        assert_eq!(found.entries[0].comments, ["a note"]);
    }

    #[test]
    fn a_chapter_name_loses_its_link() {
        assert_eq!(
            strip_links("[Per-thread `state`](thread-local.md)").unwrap(),
            "Per-thread `state`"
        );
    }
}
