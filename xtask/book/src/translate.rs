//! A chapter in another language: its raw Markdown with each message
//! replaced by its translation from `book/po/<lang>.po`, before the course's
//! own directives are expanded (so a Korean chapter gets its outputs,
//! pictures and section links exactly as the English one does).
//!
//! The translation itself is mdbook-i18n-helpers' (`translate_events`, what
//! `mdbook-gettext` does), on the same split into messages as the template
//! ([`crate::messages`]). A message without a translation stays English, so
//! a partial `ko.po` still builds; `cargo xtask book --check-po` is what
//! insists on a complete one.

use std::collections::HashMap;
use std::path::Path;

use mdbook_i18n_helpers::{extract_events, translate_events};
use polib::catalog::Catalog;
use polib::message::Message;
use polib::metadata::CatalogMetadata;

/// One language's translations: each translated, non-fuzzy msgid of its PO
/// file with its msgstr.
#[derive(Default)]
pub struct Translations {
    map: HashMap<String, String>,
    catalog: Option<Catalog>,
}

impl std::fmt::Debug for Translations {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Translations")
            .field("messages", &self.map.len())
            .finish()
    }
}

impl Translations {
    /// `book/po/<lang>.po` under `root`; none at all if the file does not
    /// exist yet (every message stays English).
    pub fn load(root: &Path, lang: &str) -> Result<Translations, String> {
        Translations::load_file(&xtask::i18n::po_path(root, lang))
    }

    /// A PO file's translations; none if it does not exist.
    pub fn load_file(path: &Path) -> Result<Translations, String> {
        if !path.exists() {
            return Ok(Translations::default());
        }
        let text = std::fs::read(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
        let catalog = polib_03::po_file::parse_from_reader(&text[..])
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let pairs = catalog
            .messages()
            .filter(|m| m.is_singular() && m.is_translated() && !m.is_fuzzy())
            .filter(|m| m.msgctxt().is_none())
            .filter_map(|m| Some((m.msgid().to_owned(), m.msgstr().ok()?.to_owned())));
        Ok(Translations::from_pairs(pairs))
    }

    /// Translations from `(msgid, msgstr)` pairs.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, String)>) -> Translations {
        let map: HashMap<String, String> = pairs
            .into_iter()
            .filter(|(id, text)| !id.is_empty() && !text.is_empty())
            .collect();
        let mut catalog = Catalog::new(CatalogMetadata::new());
        for (msgid, msgstr) in &map {
            catalog.append_or_update(
                Message::build_singular()
                    .with_msgid(msgid.clone())
                    .with_msgstr(msgstr.clone())
                    .done(),
            );
        }
        Translations {
            map,
            catalog: Some(catalog),
        }
    }

    /// How many messages it translates.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Whether `msgid` has a translation.
    pub fn has(&self, msgid: &str) -> bool {
        self.map.contains_key(msgid)
    }

    /// A short text (the book's title, a chapter's name in the table of
    /// contents) looked up whole: its translation, or itself.
    pub fn text<'a>(&'a self, msgid: &'a str) -> &'a str {
        self.map.get(msgid).map_or(msgid, String::as_str)
    }

    /// A chapter's Markdown with each message translated. The result is the
    /// same document rewritten by pulldown-cmark-to-cmark (`*x*` written
    /// `_x_`, tables re-padded), with every heading's `{#id}` kept.
    pub fn markdown(&self, markdown: &str) -> Result<String, String> {
        let Some(catalog) = &self.catalog else {
            return Ok(markdown.to_owned());
        };
        let events = extract_events(markdown, None);
        let translated = translate_events(&events, catalog)
            .map_err(|e| format!("translating the Markdown: {e}"))?;
        // Written back with `*` for emphasis, not the `_` mdbook-i18n-helpers'
        // own `reconstruct_markdown` uses: `_이유_도` is no emphasis in
        // CommonMark (an `_` inside a word never is), `*이유*도` is.
        let options = pulldown_cmark_to_cmark::Options {
            code_block_token_count: pulldown_cmark_to_cmark::calculate_code_block_token_count(
                translated.iter().map(|(_, e)| e),
            )
            .unwrap_or(3),
            list_token: '-',
            emphasis_token: '*',
            strong_token: "**",
            ..Default::default()
        };
        let mut text = String::with_capacity(markdown.len() + markdown.len() / 2);
        pulldown_cmark_to_cmark::cmark_with_options(
            translated.iter().map(|(_, e)| e),
            &mut text,
            options,
        )
        .map_err(|e| {
            format!("writing the translated Markdown (a translation's Markdown may not match its English): {e}")
        })?;
        Ok(tidy_heading_ids(&text))
    }
}

/// `## 제목 { #name }` (as pulldown-cmark-to-cmark writes a heading's id) →
/// `## 제목 {#name}`, the form the course's numbering and its checks read.
fn tidy_heading_ids(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut fence: Option<String> = None;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let marker: String = trimmed
            .chars()
            .take_while(|c| *c == '`' || *c == '~')
            .collect();
        if marker.len() >= 3 {
            match &fence {
                Some(open) if marker.starts_with(open.as_str()) => fence = None,
                None => fence = Some(marker),
                Some(_) => {}
            }
        }
        let body = line.trim_end_matches('\n');
        if fence.is_none()
            && body.starts_with('#')
            && let Some(open) = body.rfind("{ #")
            && body.ends_with(" }")
            && !body[open + 3..body.len() - 2].contains(char::is_whitespace)
        {
            out.push_str(&body[..open]);
            out.push_str("{#");
            out.push_str(&body[open + 3..body.len() - 2]);
            out.push('}');
            out.push_str(&line[body.len()..]);
            continue;
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn korean() -> Translations {
        Translations::from_pairs(
            [
                ("A queue that blocks", "막는 큐"),
                ("Title", "제목"),
                (
                    "See {{#section close}} for `close`, and _why_.",
                    "`close`는 {{#section close}}을 보십시오. *이유*도 있습니다.",
                ),
            ]
            .map(|(a, b)| (a.to_owned(), b.to_owned())),
        )
    }

    #[test]
    fn a_heading_keeps_its_id_and_a_directive_its_place() {
        let chapter = "# Title\n\n## A queue that blocks {#blocking_get}\n\n\
                       See {{#section close}} for `close`,\nand *why*.\n\n\
                       ```rust,noplayground\n{{#include ../../crates/x/src/main.rs:close}}\n```\n\n\
                       {{#output x:close}}\n\nNot translated yet.\n";
        let out = korean().markdown(chapter).unwrap();
        assert_eq!(
            out,
            "# 제목\n\n## 막는 큐 {#blocking_get}\n\n\
             `close`는 {{#section close}}을 보십시오. *이유*도 있습니다.\n\n\
             ```rust,noplayground\n{{#include ../../crates/x/src/main.rs:close}}\n```\n\n\
             {{#output x:close}}\n\nNot translated yet."
        );
    }

    #[test]
    fn without_translations_the_chapter_is_as_written() {
        let chapter = "# Title\n\nSome *text*.\n";
        assert_eq!(Translations::default().markdown(chapter).unwrap(), chapter);
        assert_eq!(Translations::default().text("Title"), "Title");
        assert_eq!(korean().text("Title"), "제목");
    }

    #[test]
    fn only_a_heading_id_written_with_spaces_is_tidied() {
        assert_eq!(
            tidy_heading_ids("## 큐 { #blocking_get }\n```\n# x { #y }\n```\ntext { #z }\n"),
            "## 큐 {#blocking_get}\n```\n# x { #y }\n```\ntext { #z }\n"
        );
    }
}
