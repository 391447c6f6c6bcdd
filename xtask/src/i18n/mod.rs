//! The course in other languages (Korean, so far): gettext's files under
//! `book/po/`, read at run time.
//!
//! `book/po/messages.pot` holds every English text the course shows a
//! reader or a learner: the chapters' prose, picture captions, the book's
//! own words, the exercises' texts and `cargo xtask learn`'s messages;
//! `book/po/<lang>.po` their translations. `cargo xtask book` writes the
//! template, checks the translations and builds each edition (`xtask/book`);
//! this module is what the task runner itself needs to speak a language,
//! without the book's crates: the lookup ([`Translations`], read with the
//! `polib` crate) and the messages that live outside Markdown ([`sources`]).
//!
//! In Rust code a message is marked where it is written: `tr("Checking…")`
//! or `trf("{name} passes", &[("name", &name)])` (the placeholders are
//! named, so a translation may put them in another order). The extractor
//! finds every such call by its name, as xgettext finds a keyword, so the
//! first argument must be a string literal.

pub mod sources;

use std::collections::HashMap;
use std::fmt::Display;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The languages the course is translated into, besides English.
pub const LANGUAGES: [&str; 1] = ["ko"];

/// `book/po/`: the template and the translations.
pub fn po_dir(root: &Path) -> PathBuf {
    root.join("book/po")
}

/// `book/po/messages.pot`.
pub fn template_path(root: &Path) -> PathBuf {
    po_dir(root).join("messages.pot")
}

/// `book/po/<lang>.po`.
pub fn po_path(root: &Path, lang: &str) -> PathBuf {
    po_dir(root).join(format!("{lang}.po"))
}

/// One language's translations, ready to look up: English (none) or a PO
/// file's translated entries. A fuzzy or empty entry, one with a context
/// or plural forms, an obsolete (`#~`) one, and one whose `{name}`
/// placeholders are not the English's (a translation that lost one would
/// print the braces, or lose the value) are not used: that message stays
/// English.
#[derive(Debug, Clone, Default)]
pub struct Translations {
    lang: String,
    map: HashMap<String, String>,
}

impl Translations {
    /// No translations: every message as written.
    pub fn english() -> Translations {
        Translations {
            lang: "en".into(),
            map: HashMap::new(),
        }
    }

    /// `book/po/<lang>.po` under `root`; `Err` names the file and what is
    /// wrong with it.
    pub fn load(root: &Path, lang: &str) -> Result<Translations, String> {
        let path = po_path(root, lang);
        let label = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .display()
            .to_string();
        let text = std::fs::read(&path).map_err(|e| format!("{label}: {e}"))?;
        Translations::parse(lang, &text).map_err(|e| format!("{label}: {e}"))
    }

    /// A PO file's text.
    pub fn parse(lang: &str, po: &[u8]) -> Result<Translations, String> {
        let catalog = polib::po_file::parse_from_reader(po).map_err(|e| e.to_string())?;
        Ok(Translations::from_catalog(lang, &catalog))
    }

    pub fn from_catalog(lang: &str, catalog: &polib::catalog::Catalog) -> Translations {
        let map = catalog
            .messages()
            .filter(|m| m.is_singular() && m.is_translated() && !m.is_fuzzy())
            .filter(|m| m.msgctxt().is_none())
            .filter_map(|m| Some((m.msgid().to_owned(), m.msgstr().ok()?.to_owned())))
            .filter(|(msgid, msgstr)| same_placeholders(msgid, msgstr))
            .collect();
        Translations {
            lang: lang.to_owned(),
            map,
        }
    }

    /// `en`, `ko`.
    pub fn lang(&self) -> &str {
        &self.lang
    }

    pub fn is_english(&self) -> bool {
        self.lang == "en"
    }

    /// How many messages it translates.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The translation of `msgid`, or `msgid` itself.
    pub fn tr<'a>(&'a self, msgid: &'a str) -> &'a str {
        self.map.get(msgid).map_or(msgid, String::as_str)
    }

    /// Whether `msgid` has a translation.
    pub fn has(&self, msgid: &str) -> bool {
        self.map.contains_key(msgid)
    }

    /// The translation of `msgid` with its `{name}` placeholders filled.
    pub fn trf(&self, msgid: &str, args: &[(&str, &dyn Display)]) -> String {
        fill(self.tr(msgid), args)
    }
}

/// `template` with each `{name}` of `args` replaced by its value; other
/// braces are left as they are.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let arg = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, value)| (value, close))
        });
        match arg {
            Some((value, close)) => {
                out.push_str(&value.to_string());
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}` placeholders of a message, in order (`{}` and `{a b}` are
/// not placeholders).
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close)
                if close > 0
                    && after[..close]
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_') =>
            {
                found.push(&after[..close]);
                rest = &after[close + 1..];
            }
            _ => rest = after,
        }
    }
    found
}

/// Whether a translation has the same `{name}` placeholders as its
/// English, in any order.
pub fn same_placeholders(msgid: &str, msgstr: &str) -> bool {
    let mut english = placeholders(msgid);
    let mut translated = placeholders(msgstr);
    english.sort_unstable();
    translated.sort_unstable();
    english == translated
}

/// `--lang`'s value checked: `en` or one of [`LANGUAGES`]; anything else
/// is refused with the list (clap makes it a usage error, exit 2).
pub fn parse_lang(value: &str) -> Result<String, String> {
    if value == "en" || LANGUAGES.contains(&value) {
        Ok(value.to_owned())
    } else {
        Err(format!(
            "the course speaks {}",
            std::iter::once("en (English)")
                .chain(LANGUAGES.iter().map(|l| match *l {
                    "ko" => "ko (한국어)",
                    other => other,
                }))
                .collect::<Vec<_>>()
                .join(", ")
        ))
    }
}

/// The language asked for: `flag` (`--lang ko`), else the locale
/// (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, as POSIX orders them):
/// `Some("ko")` for a language the course has, `None` for English or any
/// other.
pub fn language_asked(flag: Option<&str>) -> Option<&'static str> {
    let locale = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let wanted = match flag {
        Some(flag) => flag.to_owned(),
        None => locale("LC_ALL")
            .or_else(|| locale("LC_MESSAGES"))
            .or_else(|| locale("LANG"))
            .unwrap_or_default(),
    };
    language_of(&wanted)
}

/// `ko`, `ko_KR.UTF-8`, `ko-KR` → `Some("ko")`; anything else → `None`.
pub fn language_of(locale: &str) -> Option<&'static str> {
    let code = locale
        .split(['_', '-', '.', '@'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    LANGUAGES.into_iter().find(|lang| *lang == code)
}

/// The translations `cargo xtask learn` speaks in: set once, at its start.
static ACTIVE: OnceLock<Translations> = OnceLock::new();

/// Makes `translations` the ones [`tr`] and [`trf`] use (the first call
/// wins: a process speaks one language).
pub fn activate(translations: Translations) {
    let _ = ACTIVE.set(translations);
}

/// The active language: `en` until [`activate`] is called.
pub fn active_lang() -> &'static str {
    ACTIVE.get().map_or("en", |t| t.lang())
}

/// A message in the active language.
pub fn tr(msgid: &'static str) -> &'static str {
    match ACTIVE.get() {
        Some(translations) => translations.tr(msgid),
        None => msgid,
    }
}

/// A message in the active language with its `{name}` placeholders filled.
pub fn trf(msgid: &'static str, args: &[(&str, &dyn Display)]) -> String {
    fill(tr(msgid), args)
}

/// A text from the course's files (an exercise's task, a hint) in the
/// active language.
pub fn text(text: &str) -> String {
    match ACTIVE.get() {
        Some(translations) => translations.tr(text).to_owned(),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_by_name_in_any_order() {
        let name = "threads-event";
        let n = 3;
        assert_eq!(
            fill("{n}번째 힌트: {name}", &[("name", &name), ("n", &n)]),
            "3번째 힌트: threads-event"
        );
        assert_eq!(fill("a {b} {c}", &[("b", &1)]), "a 1 {c}");
        assert_eq!(fill("{", &[]), "{");
        assert_eq!(placeholders("{a} {} {{b}} {c d} {e_1}"), ["a", "b", "e_1"]);
    }

    #[test]
    fn a_korean_locale_asks_for_korean_and_others_for_english() {
        assert_eq!(language_of("ko_KR.UTF-8"), Some("ko"));
        assert_eq!(language_of("ko"), Some("ko"));
        assert_eq!(language_of("KO-kr"), Some("ko"));
        assert_eq!(language_of("en_US.UTF-8"), None);
        assert_eq!(language_of("C"), None);
        assert_eq!(language_of(""), None);
        assert_eq!(language_asked(Some("ko")), Some("ko"));
        assert_eq!(language_asked(Some("en")), None);
    }

    #[test]
    fn a_fuzzy_empty_obsolete_mistyped_or_missing_translation_stays_english() {
        let po = "msgid \"\"\nmsgstr \"Language: ko\\n\"\n\n\
                  msgid \"a\"\nmsgstr \"가\"\n\n\
                  #, fuzzy\nmsgid \"b\"\nmsgstr \"나\"\n\n\
                  msgid \"c\"\nmsgstr \"\"\n\n\
                  msgctxt \"x\"\nmsgid \"e\"\nmsgstr \"마\"\n\n\
                  #~ msgid \"f\"\n#~ msgstr \"바\"\n\n\
                  msgid \"{n} of {total}\"\nmsgstr \"{total}개 중 {n}번째\"\n\n\
                  msgid \"{name} passes\"\nmsgstr \"{nmae} 통과\"\n";
        let ko = Translations::parse("ko", po.as_bytes()).unwrap();
        assert_eq!(ko.tr("a"), "가");
        assert_eq!(ko.tr("b"), "b");
        assert_eq!(ko.tr("c"), "c");
        assert_eq!(ko.tr("d"), "d");
        assert_eq!(ko.tr("e"), "e");
        assert_eq!(ko.tr("f"), "f");
        assert_eq!(ko.tr("{name} passes"), "{name} passes");
        assert_eq!(ko.len(), 2);
        assert_eq!(
            ko.trf("{n} of {total}", &[("n", &3), ("total", &43)]),
            "43개 중 3번째"
        );
        assert!(!ko.is_english());
        assert_eq!(Translations::english().tr("a"), "a");
    }

    #[test]
    fn a_po_file_that_does_not_parse_is_an_error() {
        let err = Translations::parse("ko", b"msgid \"a\"\nmsgstr \"x\"\n").unwrap_err();
        assert!(err.contains("Metadata"), "{err}");
    }
}
