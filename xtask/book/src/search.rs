//! Search that finds Korean words: each edition's search index, rebuilt
//! after mdBook writes it.
//!
//! mdBook indexes a book with elasticlunr-rs's English pipeline, whose
//! trimmer strips every character that is not an ASCII letter or digit from
//! both ends of a word: a Korean word (`교착`) is stripped to nothing and never
//! indexed, and `상태(deadlock)에` is indexed as `deadlock`. In the browser,
//! elasticlunr.js's trimmer does the same to a query (`\W` is every non-ASCII
//! letter for JavaScript). So the index is rebuilt here from the documents
//! mdBook stored in it (every heading's section: title, text, breadcrumbs),
//! with the same pipeline but a trimmer that keeps the letters and digits of
//! every script; `book/theme/i18n.js` gives the search box the same trimmer.
//! Everything else in the file (the documents' URLs, the search options)
//! stays as mdBook wrote it, and an English word is indexed as before.

use std::fs;
use std::path::{Path, PathBuf};

use elasticlunr::pipeline::FnWrapper;
use elasticlunr::{IndexBuilder, Language, Pipeline};
use serde_json::Value;

/// How mdBook writes the index: a script that assigns the JSON.
const PREFIX: &str = "window.search = Object.assign(window.search, JSON.parse('";
const SUFFIX: &str = "'));";

/// mdBook's limit: a longer word is not indexed.
const MAX_WORD_LENGTH_TO_INDEX: usize = 80;

/// Rebuilds the search index of the edition built in `dir` (its
/// `searchindex-<hash>.js`, and `searchindex.json` if there is one).
/// Returns how many documents it indexed.
pub fn reindex(dir: &Path) -> Result<usize, String> {
    let files = index_files(dir)?;
    if files.is_empty() {
        return Err(format!("no searchindex*.js in {}", dir.display()));
    }
    let mut documents = 0;
    for file in files {
        let text =
            fs::read_to_string(&file).map_err(|e| format!("reading {}: {e}", file.display()))?;
        let is_js = file.extension().is_some_and(|e| e == "js");
        let json = if is_js {
            from_script(&text).ok_or_else(|| {
                format!(
                    "{}: not the script mdBook writes ({PREFIX}…)",
                    file.display()
                )
            })?
        } else {
            text
        };
        let (rebuilt, count) = rebuild(&json).map_err(|e| format!("{}: {e}", file.display()))?;
        documents = count;
        let out = if is_js { to_script(&rebuilt) } else { rebuilt };
        fs::write(&file, out).map_err(|e| format!("writing {}: {e}", file.display()))?;
    }
    Ok(documents)
}

fn index_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("reading {}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            path.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.starts_with("searchindex") && (n.ends_with(".js") || n.ends_with(".json"))
            })
        })
        .collect();
    files.sort();
    Ok(files)
}

/// The JSON inside mdBook's script (which escapes `\` and `'` to put it in
/// a single-quoted string).
fn from_script(script: &str) -> Option<String> {
    let inner = script
        .trim_end()
        .strip_prefix(PREFIX)?
        .strip_suffix(SUFFIX)?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            out.push(chars.next()?);
        } else {
            out.push(c);
        }
    }
    Some(out)
}

fn to_script(json: &str) -> String {
    format!(
        "{PREFIX}{}{SUFFIX}",
        json.replace('\\', "\\\\").replace('\'', "\\'")
    )
}

/// The index's JSON with its `index` rebuilt from its stored documents.
fn rebuild(json: &str) -> Result<(String, usize), String> {
    let mut value: Value =
        serde_json::from_str(json).map_err(|e| format!("the index is not JSON: {e}"))?;
    let docs = value
        .pointer("/index/documentStore/docs")
        .and_then(Value::as_object)
        .ok_or("the index stores no documents (index.documentStore.docs)")?;
    let fields: Vec<String> = value
        .pointer("/index/fields")
        .and_then(Value::as_array)
        .map(|fields| {
            fields
                .iter()
                .filter_map(|f| f.as_str().map(str::to_owned))
                .collect()
        })
        .ok_or("the index names no fields (index.fields)")?;

    let mut builder = IndexBuilder::with_language(Box::new(AnyScript));
    for field in &fields {
        builder = builder.add_field_with_tokenizer(field, Box::new(tokenize));
    }
    let mut index = builder.build();
    // In the order of their references, "0", "1", …: the order mdBook added them.
    let mut refs: Vec<(u64, &String)> = docs
        .keys()
        .map(|key| key.parse().map(|n| (n, key)))
        .collect::<Result<_, _>>()
        .map_err(|e| format!("a document reference that is not a number: {e}"))?;
    refs.sort();
    for (_, key) in &refs {
        let doc = &docs[key.as_str()];
        let data: Vec<&str> = fields
            .iter()
            .map(|field| doc.get(field).and_then(Value::as_str).unwrap_or_default())
            .collect();
        index.add_doc(key, data);
    }
    let count = refs.len();
    value["index"] = serde_json::to_value(&index).map_err(|e| e.to_string())?;
    Ok((value.to_string(), count))
}

/// mdBook's tokenizer: words split at whitespace and `-`, lower-cased, a
/// word longer than mdBook indexes left out.
fn tokenize(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|s| !s.is_empty())
        .map(|s| s.trim().to_lowercase())
        .filter(|s| s.len() <= MAX_WORD_LENGTH_TO_INDEX)
        .collect()
}

/// elasticlunr's English, with a trimmer that keeps every script's letters.
/// Named "English" with the same pipeline names (`trimmer`, `stopWordFilter`,
/// `stemmer`), as elasticlunr.js looks them up by name.
struct AnyScript;

impl Language for AnyScript {
    fn name(&self) -> String {
        "English".into()
    }

    fn code(&self) -> String {
        "en".into()
    }

    fn tokenize(&self, text: &str) -> Vec<String> {
        tokenize(text)
    }

    fn make_pipeline(&self) -> Pipeline {
        let mut pipeline = elasticlunr::lang::English::new().make_pipeline();
        pipeline.queue[0] = Box::new(FnWrapper("trimmer".into(), trimmer));
        pipeline
    }
}

/// A word without what is not a letter, a digit or `_` at either end.
fn trimmer(token: String) -> Option<String> {
    Some(
        token
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '_')
            .to_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index_of(docs: &[(&str, &str)]) -> String {
        let mut index = elasticlunr::IndexBuilder::new()
            .add_field("title")
            .add_field("body")
            .add_field("breadcrumbs")
            .build();
        for (i, (title, body)) in docs.iter().enumerate() {
            index.add_doc(&i.to_string(), [*title, *body, *title]);
        }
        serde_json::json!({ "doc_urls": ["a.html"], "index": index }).to_string()
    }

    fn words(json: &str) -> Vec<String> {
        let value: Value = serde_json::from_str(json).unwrap();
        // The inverted index is a trie of characters: collect its words.
        fn walk(node: &Value, prefix: String, out: &mut Vec<String>) {
            let Some(map) = node.as_object() else { return };
            if map.get("df").and_then(Value::as_u64).unwrap_or(0) > 0 {
                out.push(prefix.clone());
            }
            for (key, child) in map {
                if key != "df" && key != "docs" {
                    walk(child, format!("{prefix}{key}"), out);
                }
            }
        }
        let mut out = Vec::new();
        walk(
            &value["index"]["index"]["body"]["root"],
            String::new(),
            &mut out,
        );
        out.sort();
        out
    }

    #[test]
    fn a_korean_word_is_indexed_and_an_english_one_as_before() {
        let json = index_of(&[(
            "교착 상태",
            "두 스레드가 교착 상태(deadlock)에 빠집니다. Threads waiting.",
        )]);
        assert!(
            !words(&json).contains(&"교착".to_owned()),
            "mdBook's own index lacks it"
        );
        let (rebuilt, count) = rebuild(&json).unwrap();
        assert_eq!(count, 1);
        let found = words(&rebuilt);
        for word in ["교착", "상태(deadlock)에", "두", "thread", "wait"] {
            assert!(found.contains(&word.to_owned()), "{word} in {found:?}");
        }
        let value: Value = serde_json::from_str(&rebuilt).unwrap();
        assert_eq!(value["doc_urls"][0], "a.html");
        assert_eq!(
            value["index"]["pipeline"],
            serde_json::json!(["trimmer", "stopWordFilter", "stemmer"])
        );
    }

    #[test]
    fn the_script_round_trips() {
        let json = r#"{"a":"it's a \\ back\"slash"}"#;
        assert_eq!(from_script(&to_script(json)).as_deref(), Some(json));
    }
}
