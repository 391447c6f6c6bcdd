//! The words of the "What it costs" tables in one language, and the texts
//! they are built from.
//!
//! A table's fixed words (the sentence about the machine and a floor's
//! name here, the column headers and the legend in `table.rs`) are each
//! written in a `tr("…")` call on [`Words`], so the extractor
//! (`xtask::i18n::sources`) finds them for `book/po/messages.pot`. The
//! texts of an experiment (a case, a best tool's name, a floor's) are the
//! lesson's, from its `lesson.toml`, and are looked up with
//! [`Words::text`]. Figures are never part of a message: a message that
//! holds one names it (`{time}`, `{runs}`), and the code fills it in.
//!
//! The JSON that `compare --record` writes holds the English as it was
//! filled in. [`unfill_where`] takes the figures back out of such a text
//! by its English template, so the book fills them into the translated
//! one: the same template writes the text and reads it, so the two cannot
//! drift.

use std::fmt::Display;

use crate::i18n;

/// The words of one language: a translate function, the identity for
/// English.
#[derive(Clone, Copy)]
pub struct Words<'a> {
    translate: &'a dyn Fn(&str) -> String,
}

impl std::fmt::Debug for Words<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Words")
    }
}

fn as_written(text: &str) -> String {
    text.to_owned()
}

impl<'a> Words<'a> {
    /// Words translated by `translate` (a message it does not know should
    /// come back as it went in).
    pub fn new(translate: &'a dyn Fn(&str) -> String) -> Words<'a> {
        Words { translate }
    }

    /// The English, as written here and in the lessons.
    pub fn english() -> Words<'static> {
        Words {
            translate: &as_written,
        }
    }

    /// One of the tables' own messages.
    pub fn tr(&self, msgid: &'static str) -> String {
        (self.translate)(msgid)
    }

    /// A lesson's text (a case, a tool's name): a message of its
    /// `lesson.toml`.
    pub fn text(&self, text: &str) -> String {
        (self.translate)(text)
    }
}

/// The sentence above a recorded table. `{idle}` is [`idle`]'s text, or
/// nothing where the machine could not tell.
pub fn machine(words: &Words) -> String {
    // i18n: above every "What it costs" table: {cpu} is the processor's model name, {python} "Python 3.11.7".
    words.tr(
        "Measured on {cpu} ({cores} cores{idle}) with {python} and a release build of the \
         Rust; each time is the median of {runs} runs.",
    )
}

/// How idle the machine was, inside [`machine`]'s parentheses.
pub fn idle(words: &Words) -> String {
    // i18n: inside the parentheses after "({cores} cores": {share} is a percentage, "97%".
    words.tr("; {share} idle in the second before the first case")
}

/// A floor of `{waits}` waits of the experiment's size, one after another.
pub fn waits_floor(words: &Words, waits: u32) -> String {
    if waits == 1 {
        // i18n: a floor: {time} is "100 ms", {waits} 1.
        words.tr("{time} ({waits} wait)")
    } else {
        // i18n: a floor: {time} is "500 ms", {waits} how many waits.
        words.tr("{time} ({waits} waits)")
    }
}

/// A floor of a side's own sequential time shared by `{share}` threads.
pub fn shared_floor(words: &Words) -> String {
    // i18n: a floor: the same side's sequential time divided by {share}, "2".
    words.tr("sequential ÷ {share}")
}

/// A floor the Rust side measured, `{name}` its name in the lesson.
pub fn measured_floor(words: &Words) -> String {
    // i18n: a floor: {time} "526 ms", {name} what was measured ("2 wake-ups each").
    words.tr("{time} ({name})")
}

/// The values of `template`'s `{name}` placeholders in `text`, in the
/// template's order, if `text` is `template` filled in; `None` if it is
/// not. A value may be empty, and must `fit` its name; where several
/// splits fit, the earliest ends win.
pub fn unfill_where(
    template: &str,
    text: &str,
    fits: &dyn Fn(&str, &str) -> bool,
) -> Option<Vec<(String, String)>> {
    let mut names = Vec::new();
    let mut literals = Vec::new();
    let mut rest = template;
    let mut literal = String::new();
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let name = after.find('}').map(|close| &after[..close]).filter(|name| {
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        });
        match name {
            Some(name) => {
                literal.push_str(&rest[..open]);
                literals.push(std::mem::take(&mut literal));
                names.push(name);
                rest = &after[name.len() + 1..];
            }
            None => {
                literal.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    literal.push_str(rest);
    literals.push(literal);
    let text = text.strip_prefix(literals[0].as_str())?;
    let mut split = Split {
        names: &names,
        fits,
        values: Vec::new(),
    };
    split.rest(text, &literals[1..]).then(|| {
        names
            .iter()
            .map(|name| name.to_string())
            .zip(split.values)
            .collect()
    })
}

/// A search for the values of a template's placeholders.
struct Split<'a> {
    names: &'a [&'a str],
    fits: &'a dyn Fn(&str, &str) -> bool,
    /// The values found so far, one for each of the first names.
    values: Vec<String>,
}

impl Split<'_> {
    /// Splits `text` into a value before each of `literals`, the last
    /// ending the text; on success `values` holds them.
    fn rest(&mut self, text: &str, literals: &[String]) -> bool {
        let Some((literal, later)) = literals.split_first() else {
            return text.is_empty();
        };
        let ends: Vec<usize> = if later.is_empty() {
            // The last value runs to the end, less the template's tail.
            text.strip_suffix(literal.as_str())
                .map(str::len)
                .into_iter()
                .collect()
        } else {
            text.match_indices(literal.as_str())
                .map(|(at, _)| at)
                .collect()
        };
        let name = self.names[self.values.len()];
        for end in ends {
            if !(self.fits)(name, &text[..end]) {
                continue;
            }
            self.values.push(text[..end].to_owned());
            if self.rest(&text[end + literal.len()..], later) {
                return true;
            }
            self.values.pop();
        }
        false
    }
}

/// `template` with these `(name, value)` pairs filled in.
pub fn fill_values(template: &str, values: &[(String, String)]) -> String {
    let args: Vec<(&str, &dyn Display)> = values
        .iter()
        .map(|(name, value)| (name.as_str(), value as &dyn Display))
        .collect();
    i18n::fill(template, &args)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unfill(template: &str, text: &str) -> Option<Vec<(String, String)>> {
        unfill_where(template, text, &|_, _| true)
    }

    fn pairs(values: &[(&str, &str)]) -> Vec<(String, String)> {
        values
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn unfill_takes_back_what_fill_put_in() {
        assert_eq!(
            unfill(
                "{calls} blocking calls of {size} ms, in sequence",
                "5 blocking calls of 100 ms, in sequence"
            ),
            Some(pairs(&[("calls", "5"), ("size", "100")]))
        );
        assert_eq!(unfill("no placeholder", "no placeholder"), Some(Vec::new()));
        assert_eq!(unfill("a {x} b", "a  b"), Some(pairs(&[("x", "")])));
        // The earliest split wins, unless a value does not fit its name.
        assert_eq!(
            unfill("{a} ({b} cores)", "Intel (R) (2 cores)"),
            Some(pairs(&[("a", "Intel"), ("b", "R) (2")]))
        );
        let number = |name: &str, value: &str| name != "b" || value.parse::<u32>().is_ok();
        assert_eq!(
            unfill_where("{a} ({b} cores)", "Intel (R) (2 cores)", &number),
            Some(pairs(&[("a", "Intel (R)"), ("b", "2")]))
        );
        assert_eq!(unfill_where("{b} cores", "two cores", &number), None);
        // Braces that are no placeholder are text.
        assert_eq!(unfill("{} {x}", "{} 1"), Some(pairs(&[("x", "1")])));
        for (template, text) in [
            ("{calls} calls, in sequence", "5 calls, one thread each"),
            (
                "divisors of {numbers}, in sequence",
                "divisors of 7, in sequence, twice",
            ),
            ("start {x}", "stop 1"),
            ("plain", "plain text"),
        ] {
            assert_eq!(unfill(template, text), None, "{template} / {text}");
        }
    }

    #[test]
    fn the_values_go_into_a_translation_in_its_own_order() {
        let values = unfill(
            "{calls} blocking calls of {size} ms, in sequence",
            "5 blocking calls of 100 ms, in sequence",
        )
        .expect("filled in");
        assert_eq!(
            fill_values("{size} ms짜리 블로킹 호출 {calls}번, 차례로", &values),
            "100 ms짜리 블로킹 호출 5번, 차례로"
        );
    }

    #[test]
    fn the_english_words_are_the_messages_and_others_go_through_the_function() {
        let english = Words::english();
        assert_eq!(english.tr("case"), "case");
        let korean = |text: &str| match text {
            "case" => "경우".to_owned(),
            "a `Vec`" => "`Vec` 하나".to_owned(),
            other => other.to_owned(),
        };
        let ko = Words::new(&korean);
        assert_eq!(ko.tr("case"), "경우");
        assert_eq!(ko.text("a `Vec`"), "`Vec` 하나");
        assert_eq!(ko.text("unknown"), "unknown");
    }
}
