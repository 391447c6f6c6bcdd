//! The messages of the book's Markdown, as gettext sees them: what
//! `book/po/messages.pot` lists and `book/po/<lang>.po` translates.
//!
//! A chapter's messages come from its **raw Markdown**, as written in
//! `book/src/`, before the course's own directives (`{{#output}}`,
//! `{{#picture}}`, `{{#chart}}`, `{{#section}}`, `{{#include}}` by anchor)
//! are expanded: program output and code never enter the messages, so a
//! change to a program never stales a translation. The one exception is a
//! Markdown file included whole (`{{#include ../../CONTRIBUTING.md}}`): it is
//! prose, so it is expanded first ([`expand_markdown_includes`]) and its
//! messages are found at their place in the included file.
//!
//! The split into messages is mdbook-i18n-helpers' own (the one
//! `mdbook-xgettext` and `mdbook-gettext` use): one message per paragraph,
//! heading, list item, table cell…, with structural markup left out (a
//! heading's `{#id}` is not part of its message, so a translation cannot
//! lose it). Code blocks are the course's choice: mdbook-i18n-helpers would
//! offer every string literal and comment of a fenced block for translation;
//! here only the comments of a block written out in the Markdown itself
//! are messages (a TOML or shell example's `# note`), and nothing of a
//! block that is a directive (`{{#include …}}`) or plain text (program
//! output, a compiler's error) is.

use std::fs;
use std::path::Path;

use mdbook_i18n_helpers::{Group, extract_events, group_events, reconstruct_markdown};
use pulldown_cmark::{Event, Tag, TagEnd};

/// One message of a Markdown file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The text to translate, normalised as mdbook-i18n-helpers writes it
    /// (`_emphasis_`, `**strong**`, a paragraph on one line).
    pub msgid: String,
    /// The line of the (expanded) Markdown the message starts on, from 1.
    pub line: usize,
    /// A note for the translator (`<!-- i18n:comment … -->`), often empty.
    pub comment: String,
}

/// The messages of one chapter's Markdown, in order: the function the book
/// build, the template and the translators' alignment tool all call.
///
/// `markdown` is the chapter's raw text with whole Markdown files already
/// included ([`expand_markdown_includes`]). A paragraph is one message, its
/// line breaks folded into spaces; a heading is its text without `#` and
/// `{#id}`; a list item or table cell is one message each.
pub fn of_markdown(markdown: &str) -> Result<Vec<Message>, String> {
    let events = extract_events(markdown, None);
    let groups = group_events(&events).map_err(|e| format!("splitting the Markdown: {e}"))?;
    let mut messages = Vec::new();
    let mut state = None;
    // Whether the groups are inside a code block (its lines come one group
    // each, between the block's start and end), and whether each block, in
    // order, holds nothing but directives.
    let mut in_code = false;
    let directive_blocks = code_blocks_of_directives(&events);
    let mut blocks_seen = 0;
    let mut block_of_directives = false;
    for group in groups {
        let (events, comment) = match group {
            Group::Translate { events, comment } => (events, Some(comment)),
            Group::Skip(events) => (events, None),
        };
        let starts_code = events
            .iter()
            .any(|(_, e)| matches!(e, Event::Start(Tag::CodeBlock(_))));
        if starts_code {
            block_of_directives = directive_blocks.get(blocks_seen).copied().unwrap_or(false);
            blocks_seen += 1;
        }
        let code = in_code || starts_code;
        in_code = (in_code || starts_code)
            && !events
                .iter()
                .any(|(_, e)| matches!(e, Event::End(TagEnd::CodeBlock)));
        let (text, new_state) = reconstruct_markdown(&events, state)
            .map_err(|e| format!("rewriting the Markdown: {e}"))?;
        state = Some(new_state);
        let Some(comment) = comment else { continue };
        if is_directive_only(&text)
            || (code && (block_of_directives || !is_code_comment(&text, starts_code)))
            || !has_words(&events)
        {
            continue;
        }
        let line = events.first().map_or(0, |(line, _)| *line);
        messages.push(Message {
            msgid: text,
            line,
            comment,
        });
    }
    Ok(messages)
}

/// The text of each heading written as HTML on a line of its own
/// (`<h1 id="page-not-found">Page not found</h1>`, as `404.md` writes its
/// heading so that mdBook gives it no anchor link), with its line: prose
/// that the Markdown split leaves out, since it is HTML.
pub fn html_headings(markdown: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut fence: Option<String> = None;
    for (index, line) in markdown.lines().enumerate() {
        let trimmed = line.trim();
        if let Some(open) = &fence {
            if trimmed.starts_with(open.as_str()) {
                fence = None;
            }
            continue;
        }
        if let Some(marker) = fence_marker(trimmed) {
            fence = Some(marker);
            continue;
        }
        let heading = (1..=6).find_map(|level| {
            let rest = trimmed.strip_prefix(&format!("<h{level}"))?;
            let rest = rest.strip_suffix(&format!("</h{level}>"))?;
            let text = &rest[rest.find('>')? + 1..];
            (!text.contains('<') && !text.trim().is_empty()).then(|| text.trim().to_owned())
        });
        if let Some(text) = heading {
            found.push((index + 1, text));
        }
    }
    found
}

/// For each code block of `events`, in order: whether its body is nothing
/// but directives (`{{#include …}}`), code that lives in another file.
fn code_blocks_of_directives(events: &[(usize, Event<'_>)]) -> Vec<bool> {
    let mut blocks = Vec::new();
    let mut body: Option<String> = None;
    for (_, event) in events {
        match event {
            Event::Start(Tag::CodeBlock(_)) => body = Some(String::new()),
            Event::Text(text) => {
                if let Some(body) = &mut body {
                    body.push_str(text);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                blocks.push(body.take().is_some_and(|b| is_directive_only(&b)));
            }
            _ => {}
        }
    }
    blocks
}

/// Whether a message's events hold a word outside inline code: a table cell
/// that is only `t.join()` is code, not prose.
fn has_words(events: &[(usize, Event<'_>)]) -> bool {
    let mut in_code_block = false;
    events.iter().any(|(_, event)| match event {
        Event::Start(Tag::CodeBlock(_)) => {
            in_code_block = true;
            false
        }
        Event::Text(text) => in_code_block || text.chars().any(char::is_alphabetic),
        _ => false,
    }) || events.iter().all(|(_, e)| matches!(e, Event::Text(_)))
}

/// Whether `text` holds nothing but the course's directives
/// (`{{#output x:y}}`, `{{#picture x:y}}`): nothing to translate.
fn is_directive_only(text: &str) -> bool {
    let mut rest = text;
    while let Some(start) = rest.find("{{#") {
        if !rest[..start].trim().is_empty() {
            return false;
        }
        match rest[start..].find("}}") {
            Some(end) => rest = &rest[start + end + 2..],
            None => return false,
        }
    }
    rest.trim().is_empty()
}

/// Whether a message found in a code block is prose: a comment (`# note`,
/// `// note`) as syntect finds it in a language it knows, or a whole block
/// in a language it does not (TOML: mdbook-i18n-helpers then offers the block
/// as one message) that carries comments.
fn is_code_comment(text: &str, whole_block: bool) -> bool {
    let is_comment = |text: &str| {
        let text = text.trim_start();
        (text.starts_with('#') && !text.starts_with("#[") && !text.starts_with("#!"))
            || text.starts_with("//")
            || text.starts_with("/*")
    };
    if whole_block {
        text.lines()
            .skip(1)
            .any(|line| is_comment(line) || line.contains(" # ") || line.contains(" // "))
    } else {
        is_comment(text)
    }
}

/// One line of an expanded chapter: the file it comes from (relative to the
/// course root) and its line there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    pub line: usize,
}

/// A chapter's Markdown with each whole-file Markdown include
/// (`{{#include path.md}}` alone on a line, outside a code block) replaced by
/// that file's text, and where each line of the result comes from.
///
/// `chapter` is the chapter's path from the course root
/// (`book/src/how-a-lesson-is-built.md`); include paths are relative to its
/// folder, as mdBook reads them. An include by anchor or line range, or of a
/// file that is not Markdown, is code: it stays as written.
pub fn expand_markdown_includes(
    root: &Path,
    chapter: &str,
    text: &str,
) -> Result<(String, Vec<Origin>), String> {
    splice_markdown_includes(root, chapter, text, |_, included| Ok(included.to_owned()))
}

/// [`expand_markdown_includes`] with each included file's text passed
/// through `transform(file, text)` first (the book translates it, and keeps
/// the directives it shows from being expanded). The origins are those of
/// the included file's own lines, so they hold only if `transform` keeps
/// its lines as they are.
pub fn splice_markdown_includes(
    root: &Path,
    chapter: &str,
    text: &str,
    mut transform: impl FnMut(&str, &str) -> Result<String, String>,
) -> Result<(String, Vec<Origin>), String> {
    let dir = Path::new(chapter).parent().unwrap_or(Path::new(""));
    let mut out = String::with_capacity(text.len());
    let mut origins = Vec::new();
    let mut fence: Option<String> = None;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let trimmed = line.trim();
        if let Some(open) = &fence {
            if trimmed.starts_with(open.as_str())
                && trimmed.trim_start_matches(open.as_str()).is_empty()
            {
                fence = None;
            }
        } else if let Some(marker) = fence_marker(trimmed) {
            fence = Some(marker);
        } else if let Some(target) = whole_markdown_include(trimmed) {
            let path = normalise(&dir.join(target));
            let file = path.to_string_lossy().into_owned();
            let included = fs::read_to_string(root.join(&path))
                .map_err(|e| format!("{chapter}:{}: {{{{#include {target}}}}}: {e}", index + 1))
                .and_then(|text| transform(&file, &text))?;
            for (n, included_line) in included.split_inclusive('\n').enumerate() {
                out.push_str(included_line);
                origins.push(Origin {
                    file: file.clone(),
                    line: n + 1,
                });
            }
            if !included.ends_with('\n') {
                out.push('\n');
            }
            continue;
        }
        out.push_str(line);
        origins.push(Origin {
            file: chapter.to_owned(),
            line: index + 1,
        });
    }
    Ok((out, origins))
}

/// ```` ``` ```` or `~~~` (or longer) opening a fenced block: the marker
/// that closes it.
fn fence_marker(line: &str) -> Option<String> {
    let ch = line.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let len = line.chars().take_while(|c| *c == ch).count();
    (len >= 3).then(|| ch.to_string().repeat(len))
}

/// `path.md` of a line that is only `{{#include path.md}}`.
fn whole_markdown_include(line: &str) -> Option<&str> {
    let target = line.strip_prefix("{{#include ")?.strip_suffix("}}")?.trim();
    (target.ends_with(".md") && !target.contains(':')).then_some(target)
}

/// `book/src/../../CONTRIBUTING.md` → `../CONTRIBUTING.md`: `..` taken
/// against the components before it, so a reference reads as a path from the
/// course root.
fn normalise(path: &Path) -> std::path::PathBuf {
    let mut out = Vec::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir
                if out
                    .last()
                    .is_some_and(|p| *p != std::path::Component::ParentDir) =>
            {
                out.pop();
            }
            std::path::Component::CurDir => {}
            part => out.push(part),
        }
    }
    out.iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(markdown: &str) -> Vec<(usize, String)> {
        of_markdown(markdown)
            .unwrap()
            .into_iter()
            .map(|m| (m.line, m.msgid))
            .collect()
    }

    #[test]
    fn a_heading_written_as_html_is_found() {
        let page = "<!-- a note -->\n<h1 id=\"page-not-found\">Page not found</h1>\n\n\
                    Text.\n\n```html\n<h2>Code</h2>\n```\n<h2>Two <em>words</em></h2>\n";
        assert_eq!(html_headings(page), [(2, "Page not found".to_owned())]);
    }

    #[test]
    fn a_heading_is_its_text_without_its_id() {
        assert_eq!(
            ids(
                "# Title\n\n## A queue that blocks {#blocking_get}\n\nSome *prose*\nover two lines.\n"
            ),
            [
                (1, "Title".to_owned()),
                (3, "A queue that blocks".to_owned()),
                (5, "Some _prose_ over two lines.".to_owned()),
            ]
        );
    }

    #[test]
    fn code_and_directives_are_not_messages_but_comments_in_written_code_are() {
        let chapter = "Before.\n\n```python\n{{#include ../../crates/x/python/a.py:a}}\n```\n\n\
                       ```rust,noplayground\n{{#include ../../crates/x/src/main.rs:b}}\n```\n\n\
                       {{#output x:b}}\n\n```text\nerror[E0277]: \"Rc\" cannot be sent\n```\n\n\
                       ```sh\nRUSTFLAGS=\"--cfg loom\" cargo test # the loom models\n```\n\n\
                       ```toml\nname = \"x\"   # unique in the course\n```\n";
        let found = ids(chapter);
        let texts: Vec<&str> = found.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Before.",
                // A comment in a language syntect knows: the comment alone.
                "# the loom models\n",
                // TOML, which it does not: the whole block, for its comment.
                "```toml\nname = \"x\"   # unique in the course\n```",
            ]
        );
    }
}
