//! The messages that are not in a chapter's Markdown: the words the task
//! runner writes itself (every `tr("…")` and `trf("…", …)` in its Rust
//! sources, as xgettext finds a keyword) and the texts of the course's TOML
//! files (a picture's caption and alt text, an exercise's task, hints and
//! explanations). Each is found with its file and line, for the template
//! (`book/po/messages.pot`, which the book's package writes: [`all`] or
//! [`merged`] is what it calls).

use std::fs;
use std::path::Path;

/// Where the task runner's own messages are: its Rust sources, but for
/// this module's (which defines `tr` and passes it text that is not a
/// literal).
const RUST_DIR: &str = "xtask/src";
const NOT_MESSAGES: &str = "xtask/src/i18n";

/// The texts of `crates/<lesson>/lesson.toml` a reader sees in the book: a
/// picture's caption and alt text, and the "What it costs" tables' cases,
/// best tools and measured floors (`xtask::compare::measured`).
pub const LESSON_KEYS: [&str; 7] = [
    "picture.caption",
    "picture.alt",
    "experiment.row.case",
    "experiment.row.earlier.case",
    "experiment.row.best.name",
    "experiment.row.floor.measured.name",
    "experiment.row.floor.measured.why",
];

/// The texts of `crates/<lesson>/exercises/exercises.toml` that `cargo
/// xtask learn` shows.
pub const EXERCISE_KEYS: [&str; 4] = [
    "exercise.task",
    "exercise.hints",
    "exercise.deadlock",
    "exercise.loom_says",
];

/// Every message outside Markdown, one [`Found`] for each place it is
/// written, in a stable order: the task runner's own (by file, then line),
/// then each lesson's in reading order (its `lesson.toml`, then its
/// `exercises.toml`, each in file order). A message with `{name}`
/// placeholders names them in its note, for the translator to keep.
pub fn all(root: &Path) -> Result<Vec<Found>, String> {
    let mut found = rust_messages_under(root, RUST_DIR)?;
    for lesson in lessons(root)? {
        for (file, keys) in [
            (format!("crates/{lesson}/lesson.toml"), &LESSON_KEYS[..]),
            (
                format!("crates/{lesson}/exercises/exercises.toml"),
                &EXERCISE_KEYS[..],
            ),
        ] {
            let path = root.join(&file);
            if !path.is_file() {
                continue;
            }
            let text = fs::read_to_string(&path).map_err(|e| format!("{file}: {e}"))?;
            found.extend(toml_messages(&text, &file, keys)?);
        }
    }
    for message in &mut found {
        let names = super::placeholders(&message.msgid);
        if !names.is_empty() {
            let list = names
                .iter()
                .map(|n| format!("{{{n}}}"))
                .collect::<Vec<_>>()
                .join(", ");
            let note = format!("placeholders, keep them: {list}");
            message.comment = if message.comment.is_empty() {
                note
            } else {
                format!("{} {note}", message.comment)
            };
        }
    }
    Ok(found)
}

/// One message of the template: its text, every place it is written, and
/// the distinct notes for the translator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub msgid: String,
    pub references: Vec<String>,
    pub comments: Vec<String>,
}

/// [`all`], one entry per distinct text, in the order first found.
pub fn merged(root: &Path) -> Result<Vec<Message>, String> {
    Ok(merge(all(root)?))
}

fn merge(found: Vec<Found>) -> Vec<Message> {
    let mut messages: Vec<Message> = Vec::new();
    let mut index = std::collections::HashMap::new();
    for f in found {
        let at = *index.entry(f.msgid.clone()).or_insert_with(|| {
            messages.push(Message {
                msgid: f.msgid.clone(),
                references: Vec::new(),
                comments: Vec::new(),
            });
            messages.len() - 1
        });
        let message = &mut messages[at];
        message.references.push(f.reference);
        if !f.comment.is_empty() && !message.comments.contains(&f.comment) {
            message.comments.push(f.comment);
        }
    }
    messages
}

/// The lessons in reading order, then any other folder under `crates/`
/// with a `lesson.toml` or an `exercises/exercises.toml`, by name.
fn lessons(root: &Path) -> Result<Vec<String>, String> {
    let mut names = crate::lessons::order(root)
        .map(|o| o.lessons)
        .unwrap_or_default();
    let mut others: Vec<String> = fs::read_dir(root.join("crates"))
        .map_err(|e| format!("crates/: {e}"))?
        .filter_map(|e| e.ok())
        .filter(|e| {
            let dir = e.path();
            dir.join("lesson.toml").is_file() || dir.join("exercises/exercises.toml").is_file()
        })
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| !names.contains(name))
        .collect();
    others.sort();
    names.extend(others);
    Ok(names)
}

/// One message as found: its text, where it is, and a note for the
/// translator (may be empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub msgid: String,
    /// `path:line`, the path from the course root.
    pub reference: String,
    pub comment: String,
}

/// The keywords whose first argument is a message: `tr("…")`, `trf("…", …)`.
const KEYWORDS: [&str; 2] = ["tr", "trf"];

/// Every message of a Rust source file: the string literal that is the first
/// argument of a call to `tr` or `trf` (a function, or a method: `.tr(`).
/// A call whose first argument is not one string literal is an error: its
/// text could not be translated. `// i18n: <note>` on the line before a call
/// becomes the message's note for the translator. A file's `mod tests`
/// (after `#[cfg(test)]`) is left out.
pub fn rust_messages(source: &str, path: &str) -> Result<Vec<Found>, String> {
    let mut found = Vec::new();
    // A file's tests are not shown to anyone.
    let source = match source.find("#[cfg(test)]\nmod tests") {
        Some(end) => &source[..end],
        None => source,
    };
    let bytes = source.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Skip comments and string literals outside calls, so that a `tr(`
        // in a doc comment or a string is not a call.
        if source[i..].starts_with("//") {
            i += source[i..].find('\n').unwrap_or(source.len() - i);
            continue;
        }
        let opens_string =
            bytes[i] == b'"' || source[i..].starts_with("r\"") || source[i..].starts_with("r#");
        if opens_string && let Some((_, len)) = string_literal(&source[i..]) {
            i += len;
            continue;
        }
        if bytes[i] == b'\'' {
            // A char literal ('"' must not open a string); a lifetime is left alone.
            let rest = &source[i..];
            if let Some(len) = char_literal(rest) {
                i += len;
                continue;
            }
        }
        let Some(keyword) = KEYWORDS
            .iter()
            .find(|k| source[i..].starts_with(&format!("{k}(")))
        else {
            i += source[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let before = source[..i].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            i += keyword.len();
            continue;
        }
        let line = source[..i].matches('\n').count() + 1;
        let after = &source[i + keyword.len() + 1..];
        let arg = after.trim_start();
        if source[..i].trim_end().ends_with("fn") {
            // The definition `fn tr(` itself.
            i += keyword.len();
            continue;
        }
        let Some((text, len)) = string_literal(arg) else {
            return Err(format!(
                "{path}:{line}: `{keyword}(` takes a string literal (the message), not `{}`",
                arg.chars().take(30).collect::<String>()
            ));
        };
        let next = arg[len..].trim_start();
        if !(next.starts_with(')') || next.starts_with(',')) {
            return Err(format!(
                "{path}:{line}: `{keyword}(` takes one string literal, then its arguments"
            ));
        }
        found.push(Found {
            msgid: text,
            reference: format!("{path}:{line}"),
            comment: note_before(source, i),
        });
        i += keyword.len() + 1 + (after.len() - arg.len()) + len;
    }
    Ok(found)
}

/// `// i18n: …` lines just above position `at`, joined.
fn note_before(source: &str, at: usize) -> String {
    let start = source[..at].rfind('\n').map_or(0, |p| p);
    let mut notes = Vec::new();
    for line in source[..start].lines().rev() {
        match line.trim().strip_prefix("// i18n:") {
            Some(note) => notes.push(note.trim().to_owned()),
            None => break,
        }
    }
    notes.reverse();
    notes.join(" ")
}

/// A char literal's length, if `text` starts with one (`'"'`, `'\n'`).
fn char_literal(text: &str) -> Option<usize> {
    let mut chars = text.char_indices().skip(1);
    let (_, c) = chars.next()?;
    if c == '\\' {
        // '\n', '\'', '\u{..}'
        let end = text[2..].find('\'')? + 2;
        return Some(end + 1);
    }
    let (i, close) = chars.next()?;
    (close == '\'').then_some(i + 1)
}

/// The value of the Rust string literal `text` starts with, and the
/// literal's length in bytes: `"…"` with its escapes, or `r"…"`, `r#"…"#`.
fn string_literal(text: &str) -> Option<(String, usize)> {
    if let Some(raw) = text.strip_prefix('r') {
        let hashes = raw.len() - raw.trim_start_matches('#').len();
        let body = raw[hashes..].strip_prefix('"')?;
        let close = format!("\"{}", "#".repeat(hashes));
        let end = body.find(&close)?;
        return Some((body[..end].to_owned(), 1 + hashes + 1 + end + close.len()));
    }
    let body = text.strip_prefix('"')?;
    let mut out = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, i + 2)),
            '\\' => match chars.next()?.1 {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                '0' => out.push('\0'),
                '\\' => out.push('\\'),
                '"' => out.push('"'),
                '\'' => out.push('\''),
                'u' => {
                    let mut hex = String::new();
                    for (_, h) in chars.by_ref() {
                        match h {
                            '{' => {}
                            '}' => break,
                            h => hex.push(h),
                        }
                    }
                    out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                }
                '\n' => {
                    // A line continuation: the newline and the next line's
                    // leading whitespace are not part of the string.
                    let rest = &body[i + 2..];
                    let skip = rest.len() - rest.trim_start().len();
                    for _ in rest[..skip].chars() {
                        chars.next();
                    }
                }
                _ => return None,
            },
            c => out.push(c),
        }
    }
    None
}

/// The messages of one TOML file: every string (or array of strings) whose
/// key path matches one of `keys`, such as `picture.caption` (the `caption`
/// of every `[[picture]]`) or `exercise.hints`. The note for the translator
/// names the key and, where the table has one, its `name`.
pub fn toml_messages(text: &str, path: &str, keys: &[&str]) -> Result<Vec<Found>, String> {
    let table = toml::de::DeTable::parse(text).map_err(|e| format!("{path}: {e}"))?;
    let mut found = Vec::new();
    walk_table(text, path, table.get_ref(), "", "", keys, &mut found);
    found.sort_by_key(|f| line_of(&f.reference));
    Ok(found)
}

fn line_of(reference: &str) -> usize {
    reference
        .rsplit_once(':')
        .and_then(|(_, l)| l.parse().ok())
        .unwrap_or(0)
}

fn walk_table(
    text: &str,
    path: &str,
    table: &toml::de::DeTable<'_>,
    prefix: &str,
    name: &str,
    keys: &[&str],
    found: &mut Vec<Found>,
) {
    let name = table
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == "name")
        .and_then(|(_, v)| match v.get_ref() {
            toml::de::DeValue::String(s) => Some(s.to_string()),
            _ => None,
        })
        .unwrap_or_else(|| name.to_owned());
    for (key, value) in table {
        let key_path = if prefix.is_empty() {
            key.get_ref().to_string()
        } else {
            format!("{prefix}.{}", key.get_ref())
        };
        walk_value(text, path, value, &key_path, &name, keys, found);
    }
}

fn walk_value(
    text: &str,
    path: &str,
    value: &toml::Spanned<toml::de::DeValue<'_>>,
    key_path: &str,
    name: &str,
    keys: &[&str],
    found: &mut Vec<Found>,
) {
    match value.get_ref() {
        toml::de::DeValue::String(s) if keys.contains(&key_path) => {
            let line = text[..value.span().start].matches('\n').count() + 1;
            let key = key_path.rsplit('.').next().unwrap_or(key_path);
            found.push(Found {
                msgid: s.to_string(),
                reference: format!("{path}:{line}"),
                comment: if name.is_empty() {
                    key.to_owned()
                } else {
                    format!("{name}: {key}")
                },
            });
        }
        toml::de::DeValue::Array(items) => {
            for item in items {
                walk_value(text, path, item, key_path, name, keys, found);
            }
        }
        toml::de::DeValue::Table(table) => {
            walk_table(text, path, table, key_path, name, keys, found)
        }
        _ => {}
    }
}

/// The messages of every `.rs` file under `dir` (relative to `root`), in
/// path order; this module's folder is left out.
pub fn rust_messages_under(root: &Path, dir: &str) -> Result<Vec<Found>, String> {
    let skip = root.join(NOT_MESSAGES);
    let mut files: Vec<_> = walkdir::WalkDir::new(root.join(dir))
        .into_iter()
        .filter_entry(|e| e.path() != skip)
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .map(|e| e.into_path())
        .collect();
    files.sort();
    let mut found = Vec::new();
    for file in files {
        let label = file
            .strip_prefix(root)
            .unwrap_or(&file)
            .to_string_lossy()
            .replace('\\', "/");
        let text = fs::read_to_string(&file).map_err(|e| format!("{label}: {e}"))?;
        found.extend(rust_messages(&text, &label)?);
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calls_of_tr_and_trf_are_messages_with_their_lines_and_notes() {
        let source = r##"
fn tr(msgid: &str) -> &str { msgid }
// tr("in a comment") is not a call
let a = tr("Hello");
let s = "tr(\"in a string\")";
// i18n: {name} is an exercise's name
let b = trf("{name} passes", &[("name", &x)]);
let c = words.tr(r#"raw "quoted""#);
let d = attr("not a keyword");
let e = tr("one \
           line");
let f = '"'; let g = tr("after a quote char");
"##;
        let found = rust_messages(source, "x.rs").unwrap();
        let ids: Vec<(&str, &str)> = found
            .iter()
            .map(|f| (f.msgid.as_str(), f.reference.as_str()))
            .collect();
        assert_eq!(
            ids,
            [
                ("Hello", "x.rs:4"),
                ("{name} passes", "x.rs:7"),
                ("raw \"quoted\"", "x.rs:8"),
                ("one line", "x.rs:10"),
                ("after a quote char", "x.rs:12"),
            ]
        );
        assert_eq!(found[1].comment, "{name} is an exercise's name");
        assert_eq!(found[0].comment, "");
    }

    #[test]
    fn a_call_without_a_literal_is_an_error_naming_its_line() {
        let err = rust_messages("\n\nlet a = tr(&text);\n", "y.rs").unwrap_err();
        assert!(err.starts_with("y.rs:3:"), "{err}");
        let err = rust_messages("tr(\"a\" + b)", "y.rs").unwrap_err();
        assert!(err.contains("one string literal"), "{err}");
    }

    #[test]
    fn toml_strings_are_found_by_key_with_their_lines() {
        let text = "title = \"T\"\n\n[[exercise]]\nname = \"one\"\ntask = \"Do it.\"\nhints = [\n  \"first\",\n  \"second\",\n]\n\n[[exercise]]\nname = \"two\"\ntask = \"\"\"\nLong\ntask.\"\"\"\n";
        let found = toml_messages(text, "e.toml", &["exercise.task", "exercise.hints"]).unwrap();
        let got: Vec<(&str, &str, &str)> = found
            .iter()
            .map(|f| (f.msgid.as_str(), f.reference.as_str(), f.comment.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("Do it.", "e.toml:5", "one: task"),
                ("first", "e.toml:7", "one: hints"),
                ("second", "e.toml:8", "one: hints"),
                ("Long\ntask.", "e.toml:13", "two: task"),
            ]
        );
    }

    #[test]
    fn the_same_text_twice_is_one_message_with_both_places() {
        let at = |msgid: &str, reference: &str, comment: &str| Found {
            msgid: msgid.into(),
            reference: reference.into(),
            comment: comment.into(),
        };
        let merged = merge(vec![
            at("a", "x.rs:1", ""),
            at("b", "x.rs:2", "note"),
            at("a", "y.rs:7", "first"),
            at("b", "y.rs:9", "note"),
        ]);
        assert_eq!(
            merged,
            [
                Message {
                    msgid: "a".into(),
                    references: vec!["x.rs:1".into(), "y.rs:7".into()],
                    comments: vec!["first".into()],
                },
                Message {
                    msgid: "b".into(),
                    references: vec!["x.rs:2".into(), "y.rs:9".into()],
                    comments: vec!["note".into()],
                },
            ]
        );
    }

    /// The course's own messages: found without error, each TOML text on
    /// the line its reference names, every exercise's task among them.
    #[test]
    fn every_message_of_the_course_is_found_where_it_is_written() {
        let root = crate::root();
        let found = all(&root).unwrap();
        let mut tasks = 0;
        for lesson in lessons(&root).unwrap() {
            let Ok(text) =
                fs::read_to_string(root.join(format!("crates/{lesson}/exercises/exercises.toml")))
            else {
                continue;
            };
            let table: toml::Table = toml::from_str(&text).unwrap();
            for exercise in table["exercise"].as_array().unwrap() {
                let task = exercise["task"].as_str().unwrap();
                assert!(found.iter().any(|f| f.msgid == task), "missing: {task}");
                tasks += 1;
            }
        }
        assert!(tasks >= 2, "{tasks} tasks");
        for f in &found {
            let (file, line) = f.reference.rsplit_once(':').unwrap();
            let line: usize = line.parse().unwrap();
            let text = fs::read_to_string(root.join(file)).unwrap();
            let written = text.lines().nth(line - 1).unwrap();
            let words: String = f.msgid.chars().take(12).collect();
            let escaped = words.contains(['\\', '"']);
            if file.ends_with(".toml") && !f.msgid.contains('\n') && !escaped {
                assert!(written.contains(&words), "{}: {written}", f.reference);
            }
        }
        let placeholders = found.iter().find(|f| f.msgid.contains("{name}"));
        if let Some(f) = placeholders {
            assert!(f.comment.contains("{name}"), "{f:?}");
        }
    }
}
