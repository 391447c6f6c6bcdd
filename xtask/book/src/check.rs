//! `cargo xtask book --check-po` (a CI step): is the translation template
//! current, and does each language's PO file translate all of it?
//!
//! - `book/po/messages.pot` made again here, in-process, must equal the
//!   committed file: a changed English sentence shows as a message added
//!   (the new text) and one removed (the old).
//! - `book/po/<lang>.po` must give every message of the template a
//!   translation, none fuzzy, none obsolete (`#~`), none for a message the
//!   template no longer has; and each translation must keep what a reader
//!   cannot do without: the directives (`{{#section x}}`), inline code, link
//!   targets, `{name}` placeholders, and as many bold and italic spans (a
//!   `**` that Markdown cannot close shows as two asterisks).
//!
//! Each problem names the message: its first words and where it is written
//! (the template's first reference, `book/src/locks.md`), and for a PO
//! entry its line in the PO file.
//!
//! Until the translation is complete the check reports and passes;
//! `--strict` (what CI passes once the lead says `ko.po` is done) fails on
//! any problem.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use mdbook_i18n_helpers::extract_events;
use pulldown_cmark::{Event, Tag};

use crate::pot::{self, Entry};

/// What the check found.
#[derive(Debug, Default)]
pub struct Report {
    /// The template's path and whether it is current: messages the sources
    /// have that the committed file lacks, and the other way round.
    pub pot_added: Vec<Entry>,
    pub pot_removed: Vec<String>,
    pub pot_missing: bool,
    /// The same messages, but at other places (`#:` references) or in
    /// another order.
    pub pot_moved: bool,
    /// Per language (`ko`): its findings.
    pub languages: Vec<Language>,
}

/// One language's PO file against the template.
#[derive(Debug, Default)]
pub struct Language {
    pub lang: String,
    /// The PO file is there at all.
    pub present: bool,
    pub messages: usize,
    pub translated: usize,
    pub problems: Vec<String>,
}

impl Report {
    pub fn passed(&self) -> bool {
        self.pot_added.is_empty()
            && self.pot_removed.is_empty()
            && !self.pot_missing
            && !self.pot_moved
            && self
                .languages
                .iter()
                .all(|l| l.present && l.problems.is_empty())
    }

    /// The report as printed: a line per file, then each problem (all of
    /// them when `all`, else the first few of each kind).
    pub fn render(&self, all: bool) -> String {
        let limit = if all { usize::MAX } else { 10 };
        let mut out = String::new();
        if self.pot_missing {
            let _ = writeln!(
                out,
                "{}: missing; write it with `cargo xtask book --pot`",
                pot::POT
            );
        } else if self.pot_moved {
            let _ = writeln!(
                out,
                "{}: the same messages, but at other lines or in another order; \
                 run `cargo xtask book --pot`",
                pot::POT
            );
        } else if self.pot_added.is_empty() && self.pot_removed.is_empty() {
            let _ = writeln!(out, "{}: current", pot::POT);
        } else {
            let _ = writeln!(
                out,
                "{}: out of date ({} messages new or changed, {} gone); \
                 run `cargo xtask book --pot` and translate the new ones",
                pot::POT,
                self.pot_added.len(),
                self.pot_removed.len()
            );
            for entry in self.pot_added.iter().take(limit) {
                let _ = writeln!(
                    out,
                    "  new: {} ({})",
                    first_words(&entry.msgid),
                    entry.references.first().map_or("", String::as_str)
                );
            }
            for msgid in self.pot_removed.iter().take(limit) {
                let _ = writeln!(out, "  gone: {}", first_words(msgid));
            }
            more(
                &mut out,
                self.pot_added.len() + self.pot_removed.len(),
                limit.saturating_mul(2),
            );
        }
        for language in &self.languages {
            let path = format!("book/po/{}.po", language.lang);
            if !language.present {
                let _ = writeln!(
                    out,
                    "{path}: missing (0 of {} messages translated)",
                    language.messages
                );
                continue;
            }
            let share = if language.messages == 0 {
                100.0
            } else {
                100.0 * language.translated as f64 / language.messages as f64
            };
            let _ = writeln!(
                out,
                "{path}: {} of {} messages translated ({share:.1} %), {} problems",
                language.translated,
                language.messages,
                language.problems.len()
            );
            for problem in language.problems.iter().take(limit) {
                let _ = writeln!(out, "  {problem}");
            }
            more(&mut out, language.problems.len(), limit);
        }
        out
    }
}

fn more(out: &mut String, count: usize, shown: usize) {
    if count > shown {
        let _ = writeln!(
            out,
            "  … and {} more (`--strict` lists them all)",
            count - shown
        );
    }
}

/// The check, over the course at `root`, of each `(language, its PO file)`.
pub fn check(root: &Path, languages: &[(&str, &Path)]) -> Result<Report, String> {
    let entries = pot::entries(root)?;
    let mut report = Report::default();
    match std::fs::read_to_string(root.join(pot::POT)) {
        Ok(committed) => {
            let committed_ids = msgids(&committed);
            let ids: std::collections::HashSet<&str> =
                entries.iter().map(|e| e.msgid.as_str()).collect();
            report.pot_added = entries
                .iter()
                .filter(|e| !committed_ids.contains_key(e.msgid.as_str()))
                .cloned()
                .collect();
            let mut removed: Vec<(usize, String)> = committed_ids
                .into_iter()
                .filter(|(id, _)| !id.is_empty() && !ids.contains(id.as_str()))
                .map(|(id, line)| (line, id))
                .collect();
            removed.sort();
            report.pot_removed = removed.into_iter().map(|(_, id)| id).collect();
            if report.pot_added.is_empty() && report.pot_removed.is_empty() {
                // Same messages: the file must also be byte for byte what
                // `--pot` writes (references, order).
                let book = mdbook_driver::MDBook::load(root.join("book"))
                    .map_err(|e| format!("loading the book: {e:#}"))?;
                let title = book.config.book.title.unwrap_or_default();
                report.pot_moved = pot::render(&title, &entries) != committed;
            }
        }
        Err(_) => report.pot_missing = true,
    }
    for (lang, path) in languages {
        let po = std::fs::read_to_string(path).ok();
        report
            .languages
            .push(check_language(lang, &entries, po.as_deref())?);
    }
    Ok(report)
}

/// One PO file's text (or its absence) against the template's entries.
pub fn check_language(lang: &str, entries: &[Entry], po: Option<&str>) -> Result<Language, String> {
    let mut language = Language {
        lang: lang.to_owned(),
        messages: entries.len(),
        ..Language::default()
    };
    let Some(po) = po else {
        return Ok(language);
    };
    language.present = true;
    let path = format!("book/po/{lang}.po");
    let catalog =
        polib_03::po_file::parse_from_reader(po.as_bytes()).map_err(|e| format!("{path}: {e}"))?;
    let lines = msgids(po);
    let line_of = |msgid: &str| lines.get(msgid).map_or(0, |l| *l);
    let mut translations: HashMap<&str, (&str, bool)> = HashMap::new();
    for message in catalog.messages() {
        let msgstr = message.msgstr().unwrap_or_default();
        translations.insert(message.msgid(), (msgstr, message.is_fuzzy()));
    }
    let mut problems = Vec::new();
    for entry in entries {
        let place = entry.references.first().map_or("", String::as_str);
        let words = first_words(&entry.msgid);
        match translations.get(entry.msgid.as_str()) {
            None | Some(("", _)) => problems.push(format!("not translated: {words} ({place})")),
            Some((_, true)) => problems.push(format!(
                "fuzzy: {words} ({place}; {path}:{})",
                line_of(&entry.msgid)
            )),
            Some((msgstr, false)) => {
                language.translated += 1;
                if let Some(difference) = differs(&entry.msgid, msgstr) {
                    problems.push(format!(
                        "{difference}: {words} ({place}; {path}:{})",
                        line_of(&entry.msgid)
                    ));
                }
            }
        }
    }
    let known: std::collections::HashSet<&str> = entries.iter().map(|e| e.msgid.as_str()).collect();
    let mut stale: Vec<(usize, &str)> = catalog
        .messages()
        .map(|m| m.msgid())
        .filter(|id| !id.is_empty() && !known.contains(id))
        .map(|id| (line_of(id), id))
        .collect();
    stale.sort();
    for (line, id) in stale {
        problems.push(format!(
            "not in the template (its English changed or went): {} ({path}:{line})",
            first_words(id)
        ));
    }
    for (index, line) in po.lines().enumerate() {
        if line.starts_with("#~") && line.contains("msgid") {
            problems.push(format!("obsolete entry: {path}:{}", index + 1));
        }
    }
    language.problems = problems;
    Ok(language)
}

/// What a translation lost of its English that a reader needs, if anything.
fn differs(msgid: &str, msgstr: &str) -> Option<String> {
    let (english, korean) = (Shape::of(msgid), Shape::of(msgstr));
    let name = if english.directives != korean.directives {
        "a directive ({{#…}}) differs"
    } else if english.code != korean.code {
        "inline code differs"
    } else if english.links != korean.links {
        "a link target differs"
    } else if english.placeholders != korean.placeholders {
        "a {placeholder} differs"
    } else if english.strong != korean.strong {
        "bold (**…**) differs: one Markdown cannot close?"
    } else if english.emphasis != korean.emphasis {
        "italics (*…*) differ: one Markdown cannot close?"
    } else if msgid.ends_with('\n') != msgstr.ends_with('\n') {
        "a final line break differs"
    } else {
        return None;
    };
    Some(name.to_owned())
}

/// What of a message's Markdown must survive translation, each list sorted.
#[derive(Debug, PartialEq, Eq)]
struct Shape {
    directives: Vec<String>,
    code: Vec<String>,
    links: Vec<String>,
    placeholders: Vec<String>,
    strong: usize,
    emphasis: usize,
}

impl Shape {
    fn of(text: &str) -> Shape {
        let mut shape = Shape {
            directives: directives(text),
            code: Vec::new(),
            links: Vec::new(),
            placeholders: xtask::i18n::placeholders(text)
                .into_iter()
                .map(str::to_owned)
                .collect(),
            strong: 0,
            emphasis: 0,
        };
        for (_, event) in extract_events(text, None) {
            match event {
                Event::Code(code) => shape.code.push(code.to_string()),
                Event::Start(Tag::Link { dest_url, .. }) => shape.links.push(dest_url.to_string()),
                Event::Start(Tag::Strong) => shape.strong += 1,
                Event::Start(Tag::Emphasis) => shape.emphasis += 1,
                _ => {}
            }
        }
        shape.directives.sort();
        // The same code spans, each at least once: Korean names a type again
        // where English says "it", so a span may come back, but none may go
        // or be new.
        shape.code.sort();
        shape.code.dedup();
        shape.links.sort();
        shape.placeholders.sort();
        shape
    }
}

/// Every `{{#…}}` of `text`.
fn directives(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{#") {
        let Some(len) = rest[start..].find("}}") else {
            break;
        };
        found.push(rest[start..start + len + 2].to_owned());
        rest = &rest[start + len + 2..];
    }
    found
}

/// A message's first words, quoted, for a report.
pub fn first_words(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let shown = words.iter().take(8).copied().collect::<Vec<_>>().join(" ");
    if words.len() > 8 {
        format!("\"{shown} …\"")
    } else {
        format!("\"{shown}\"")
    }
}

/// Each msgid of a PO file's text (not obsolete ones) and the line its
/// `msgid` keyword is on.
fn msgids(po: &str) -> HashMap<String, usize> {
    let mut found = HashMap::new();
    let mut current: Option<(String, usize)> = None;
    for (index, line) in po.lines().enumerate() {
        if let Some(rest) = line.strip_prefix("msgid ") {
            current = Some((unquote(rest), index + 1));
        } else if let (Some((text, _)), true) = (&mut current, line.starts_with('"')) {
            text.push_str(&unquote(line));
        } else if let Some((text, at)) = current.take() {
            found.entry(text).or_insert(at);
        }
    }
    if let Some((text, at)) = current {
        found.entry(text).or_insert(at);
    }
    found
}

/// A PO string's text: `"a\"b\n"` → `a"b` and a line break.
fn unquote(quoted: &str) -> String {
    let inner = quoted
        .trim()
        .strip_prefix('"')
        .and_then(|q| q.strip_suffix('"'))
        .unwrap_or_default();
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_code_span_may_come_back_but_not_go_or_be_new() {
        let english = "`Child` has no `Drop`: drop one and it runs on.";
        assert_eq!(
            differs(
                english,
                "`Child`에는 `Drop`이 없습니다. `Child`를 드롭해도 계속 실행됩니다."
            ),
            None
        );
        assert_eq!(
            differs(english, "`Child`에는 Drop이 없습니다.").as_deref(),
            Some("inline code differs")
        );
        assert_eq!(
            differs(
                english,
                "`Child`에는 `Drop`이 없습니다. `wait`하지 않으면 계속 실행됩니다."
            )
            .as_deref(),
            Some("inline code differs")
        );
    }

    use super::*;

    fn entry(msgid: &str, reference: &str) -> Entry {
        Entry {
            msgid: msgid.to_owned(),
            references: vec![reference.to_owned()],
            comments: Vec::new(),
        }
    }

    const HEADER: &str = "msgid \"\"\nmsgstr \"\"\n\"Language: ko\\n\"\n\n";

    #[test]
    fn a_complete_translation_passes_and_each_fault_is_named() {
        let entries = [
            entry("Two threads deadlock", "book/src/lock-ordering.md:69"),
            entry(
                "See {{#section close}} for `close`.",
                "book/src/queues.md:12",
            ),
            entry("A **bold** claim", "book/src/locks.md:3"),
        ];
        let good = format!(
            "{HEADER}msgid \"Two threads deadlock\"\nmsgstr \"두 스레드의 교착\"\n\n\
             msgid \"See {{{{#section close}}}} for `close`.\"\nmsgstr \"`close`는 {{{{#section close}}}}을 보십시오.\"\n\n\
             msgid \"A **bold** claim\"\nmsgstr \"**굵은** 주장\"\n"
        );
        let ko = check_language("ko", &entries, Some(&good)).unwrap();
        assert_eq!(ko.problems, Vec::<String>::new());
        assert_eq!(ko.translated, 3);

        let bad = format!(
            "{HEADER}#, fuzzy\nmsgid \"Two threads deadlock\"\nmsgstr \"두 스레드의 교착\"\n\n\
             msgid \"See {{{{#section close}}}} for `close`.\"\nmsgstr \"`close`는 4절을 보십시오.\"\n\n\
             msgid \"A **bold** claim\"\nmsgstr \"**`굵은`**은 주장\"\n\n\
             msgid \"Gone\"\nmsgstr \"사라짐\"\n\n#~ msgid \"Old\"\n#~ msgstr \"옛것\"\n"
        );
        let ko = check_language("ko", &entries, Some(&bad)).unwrap();
        assert_eq!(
            ko.problems,
            [
                "fuzzy: \"Two threads deadlock\" (book/src/lock-ordering.md:69; book/po/ko.po:6)",
                "a directive ({{#…}}) differs: \"See {{#section close}} for `close`.\" (book/src/queues.md:12; book/po/ko.po:9)",
                "inline code differs: \"A **bold** claim\" (book/src/locks.md:3; book/po/ko.po:12)",
                "not in the template (its English changed or went): \"Gone\" (book/po/ko.po:15)",
                "obsolete entry: book/po/ko.po:18",
            ]
        );
        assert_eq!(ko.translated, 2);

        let missing = check_language("ko", &entries, Some(HEADER)).unwrap();
        assert_eq!(missing.translated, 0);
        assert_eq!(
            missing.problems[0],
            "not translated: \"Two threads deadlock\" (book/src/lock-ordering.md:69)"
        );
    }

    #[test]
    fn bold_that_markdown_cannot_close_is_found() {
        // `**…**` closed after a backtick and followed by a Korean letter is
        // no bold in CommonMark: two literal asterisks on the page.
        assert_eq!(
            differs("A **`Mutex`** guards it", "**`Mutex`**가 지킵니다").as_deref(),
            Some("bold (**…**) differs: one Markdown cannot close?")
        );
        assert_eq!(
            differs("A **`Mutex`** guards it", "`Mutex`**가** 지킵니다"),
            None
        );
    }

    #[test]
    fn msgids_are_found_with_their_lines() {
        let po = "msgid \"\"\nmsgstr \"\"\n\nmsgid \"\"\n\"two \\\"quoted\\\"\\n\"\n\"lines\"\nmsgstr \"\"\n";
        let found = msgids(po);
        assert_eq!(found.get("two \"quoted\"\nlines"), Some(&4));
        assert_eq!(
            first_words("one two three four five six seven eight nine"),
            "\"one two three four five six seven eight …\""
        );
    }
}
